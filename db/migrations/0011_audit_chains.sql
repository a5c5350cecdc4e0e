ALTER TABLE "audit_events" ADD COLUMN "chain" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_events_chain_idx" ON "audit_events" USING btree ("authority_id","chain","seq");