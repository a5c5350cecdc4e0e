-- A plan's concurrency token counts per person, across versions (see src/features/plans/store.ts):
-- renumber existing rows so each version's token is above every earlier version's.
UPDATE support_plans AS p
SET row_version = s.running
FROM (
  SELECT authority_id, id,
         sum(row_version) OVER (PARTITION BY authority_id, person_id ORDER BY version) AS running
  FROM support_plans
) AS s
WHERE p.authority_id = s.authority_id AND p.id = s.id;
