ALTER TABLE "support_offers" ADD COLUMN "reason" text;--> statement-breakpoint
CREATE INDEX "support_offers_stage_idx" ON "support_offers" USING btree ("authority_id","stage");