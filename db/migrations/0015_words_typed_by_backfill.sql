-- Who typed the words already recorded, as far as the database can tell. New words are
-- recorded with the signed-in account that typed them; for older rows:
-- * a conversation entry was typed by its `created_by` account (name and role as they are now);
-- * an outcome's current words were typed by whoever last changed `personWords` in its
--   append-only history (name and role as they were then), or, for an outcome never
--   changed, by the account that created it;
-- * words a representative typed as the representative (a circle member as family, an
--   advocate as the advocate) were said by them, so they get that name too.
-- Where no account is known (created_by empty, the account gone), typed-by stays null and
-- pages say "who typed it was not recorded". Nothing is re-attributed: words already
-- attributed to someone are shown with who typed them, so anyone can tell.
UPDATE "conversation_entries" AS e
SET "typed_by_name" = u."display_name", "typed_by_role" = u."role"
FROM "users" AS u
WHERE u."id" = e."created_by" AND e."typed_by_name" IS NULL;--> statement-breakpoint
UPDATE "conversation_entries" AS e
SET "said_by_name" = e."typed_by_name"
WHERE e."said_by_name" IS NULL
  AND (e."typed_by_role", e."said_by") IN (('representative', 'representative'), ('circle_member', 'family'), ('advocate', 'advocate'));--> statement-breakpoint
UPDATE "personal_outcomes" AS o
SET "words_typed_by" = c."changed_by", "words_typed_by_name" = c."changed_by_name", "words_typed_by_role" = c."changed_by_role"
FROM (
  SELECT DISTINCT ON ("authority_id", "outcome_id") "authority_id", "outcome_id", "changed_by", "changed_by_name", "changed_by_role"
  FROM "personal_outcome_changes"
  WHERE "changes" -> 'personWords' IS NOT NULL
  ORDER BY "authority_id", "outcome_id", "version" DESC
) AS c
WHERE o."authority_id" = c."authority_id" AND o."id" = c."outcome_id" AND o."words_typed_by" IS NULL;--> statement-breakpoint
UPDATE "personal_outcomes" AS o
SET "words_typed_by" = u."id", "words_typed_by_name" = u."display_name", "words_typed_by_role" = u."role"
FROM "users" AS u
WHERE u."id" = o."created_by" AND o."words_typed_by" IS NULL AND o."version" = 1;--> statement-breakpoint
UPDATE "personal_outcomes"
SET "said_by_name" = "words_typed_by_name"
WHERE "said_by_name" IS NULL
  AND ("words_typed_by_role", "said_by") IN (('representative', 'representative'), ('circle_member', 'family'), ('advocate', 'advocate'));
