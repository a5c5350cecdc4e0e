DROP INDEX "charging_policy_versions_label_unique";--> statement-breakpoint
ALTER TABLE "charging_policy_versions" ADD COLUMN "status" text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "charging_policy_versions" ADD COLUMN "drafted_by" uuid;--> statement-breakpoint
ALTER TABLE "charging_policy_versions" ADD COLUMN "published_by" uuid;--> statement-breakpoint
ALTER TABLE "charging_policy_versions" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "charging_policy_versions" ADD COLUMN "draft_id" uuid;--> statement-breakpoint
ALTER TABLE "charging_policy_versions" ADD COLUMN "supersedes_id" uuid;--> statement-breakpoint
ALTER TABLE "charging_policy_versions" ADD CONSTRAINT "charging_policy_versions_authority_id_draft_id_charging_policy_versions_authority_id_id_fk" FOREIGN KEY ("authority_id","draft_id") REFERENCES "public"."charging_policy_versions"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charging_policy_versions" ADD CONSTRAINT "charging_policy_versions_authority_id_supersedes_id_charging_policy_versions_authority_id_id_fk" FOREIGN KEY ("authority_id","supersedes_id") REFERENCES "public"."charging_policy_versions"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "charging_policy_versions_published_label_unique" ON "charging_policy_versions" USING btree ("authority_id","version_label") WHERE status = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX "charging_policy_versions_draft_unique" ON "charging_policy_versions" USING btree ("authority_id","draft_id") WHERE draft_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "charging_policy_versions_supersedes_unique" ON "charging_policy_versions" USING btree ("authority_id","supersedes_id") WHERE supersedes_id is not null;