/**
 * Tenancy enforced by the database. Run after every migration; idempotent.
 *
 * - Every table with an `authority_id` column gets row-level security with one policy:
 *   a row is visible and writable only when its authority matches the transaction's
 *   `app.authority_id` setting. Without the setting nothing is visible (not an error).
 * - The application role may read and write every table but cannot update or delete
 *   rows of a table marked `COMMENT ON TABLE x IS 'append-only'`; a trigger also refuses
 *   such changes for every role, so even the owner cannot silently edit history.
 */
export const TENANCY_SQL = `
DO $tenancy$
DECLARE t record;
BEGIN
  BEGIN
    CREATE ROLE selfdirect_app NOLOGIN;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
  GRANT USAGE ON SCHEMA public TO selfdirect_app;
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO selfdirect_app;
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO selfdirect_app;

  CREATE OR REPLACE FUNCTION selfdirect_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
  END
  $fn$;

  FOR t IN
    SELECT c.relname AS name, obj_description(c.oid, 'pg_class') AS note
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r'
      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'authority_id' AND NOT a.attisdropped)
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.name);
    IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND tablename = t.name AND policyname = 'tenant_isolation') THEN
      EXECUTE format(
        'CREATE POLICY tenant_isolation ON %I USING (authority_id = nullif(current_setting(''app.authority_id'', true), '''')::uuid) WITH CHECK (authority_id = nullif(current_setting(''app.authority_id'', true), '''')::uuid)',
        t.name);
    END IF;
    IF t.note = 'append-only' THEN
      EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I FROM selfdirect_app', t.name);
      IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'refuse_change' AND tgrelid = format('public.%I', t.name)::regclass) THEN
        EXECUTE format('CREATE TRIGGER refuse_change BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION selfdirect_refuse_change()', t.name);
      END IF;
    END IF;
  END LOOP;
END
$tenancy$;
`;
