DROP INDEX "payment_policy_versions_label_unique";--> statement-breakpoint
ALTER TABLE "payment_policy_versions" ADD COLUMN "status" text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_policy_versions" ADD COLUMN "offered_frequencies" text[] DEFAULT '{weekly,four_weekly,monthly}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_policy_versions" ADD COLUMN "draft_id" uuid;--> statement-breakpoint
ALTER TABLE "payment_policy_versions" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "payment_policy_versions" ADD COLUMN "published_by" uuid;--> statement-breakpoint
ALTER TABLE "payment_policy_versions" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payment_policy_versions" ADD CONSTRAINT "payment_policy_versions_authority_id_draft_id_payment_policy_versions_authority_id_id_fk" FOREIGN KEY ("authority_id","draft_id") REFERENCES "public"."payment_policy_versions"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_policy_versions_draft_unique" ON "payment_policy_versions" USING btree ("authority_id","draft_id") WHERE draft_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_policy_versions_label_unique" ON "payment_policy_versions" USING btree ("authority_id","status","version_label");--> statement-breakpoint
ALTER TABLE "payment_policy_versions" ADD CONSTRAINT "payment_policy_versions_frequencies_offered" CHECK (cardinality(offered_frequencies) > 0 and offered_frequencies <@ '{weekly,four_weekly,monthly}'::text[]);