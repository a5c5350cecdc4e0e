-- The audit log is append-only and hash-chained per council. The chain is computed
-- here, in the database, so no application path can insert a row that skips it.
COMMENT ON TABLE audit_events IS 'append-only';
--> statement-breakpoint
CREATE OR REPLACE FUNCTION selfdirect_audit_hash(e audit_events) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws('|',
    e.prev_hash, e.authority_id::text, e.seq::text,
    to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    coalesce(e.actor_user_id::text, ''), e.actor_role, e.actor_name, coalesce(e.person_id::text, ''),
    e.action, e.route, e.outcome, coalesce(e.reason, ''), coalesce(e.detail::text, '')
  ), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION selfdirect_audit_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE last record;
BEGIN
  -- One writer at a time per council keeps the chain linear.
  PERFORM pg_advisory_xact_lock(hashtext('audit:' || NEW.authority_id::text));
  SELECT seq, hash INTO last FROM audit_events WHERE authority_id = NEW.authority_id ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last.seq, 0) + 1;
  NEW.prev_hash := coalesce(last.hash, 'genesis');
  NEW.occurred_at := date_trunc('microseconds', coalesce(NEW.occurred_at, now()));
  NEW.hash := selfdirect_audit_hash(NEW);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_chain BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION selfdirect_audit_chain();
