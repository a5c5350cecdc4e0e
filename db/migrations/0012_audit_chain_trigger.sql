-- Eight chains per council instead of one: a request's audit row joins the chain of its
-- database connection, so concurrent requests wait on a lock only when they share a
-- connection's chain. Sequence numbers come from one sequence and still order events.
CREATE SEQUENCE IF NOT EXISTS audit_events_seq;
--> statement-breakpoint
SELECT setval('audit_events_seq', coalesce((SELECT max(seq) FROM audit_events), 0) + 1, false);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION selfdirect_audit_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE last record;
BEGIN
  NEW.chain := pg_backend_pid() % 8;
  -- One writer at a time per chain keeps each chain linear.
  PERFORM pg_advisory_xact_lock(hashtext('audit:' || NEW.authority_id::text || ':' || NEW.chain::text));
  SELECT seq, hash INTO last FROM audit_events
    WHERE authority_id = NEW.authority_id AND chain = NEW.chain ORDER BY seq DESC LIMIT 1;
  NEW.seq := nextval('audit_events_seq');
  NEW.prev_hash := coalesce(last.hash, 'genesis');
  NEW.occurred_at := date_trunc('microseconds', coalesce(NEW.occurred_at, now()));
  NEW.hash := selfdirect_audit_hash(NEW);
  RETURN NEW;
END
$$;
