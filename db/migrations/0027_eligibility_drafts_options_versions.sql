CREATE TABLE "sds_options_versions" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"version_label" text NOT NULL,
	"effective_from" date NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"routes_enabled" text[] NOT NULL,
	"support_organisation_funded" boolean DEFAULT true NOT NULL,
	"draft_id" uuid,
	"created_by" uuid,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sds_options_versions_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
ALTER TABLE "eligibility_policy_versions" ALTER COLUMN "published_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "eligibility_policy_versions" ADD COLUMN "status" text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "eligibility_policy_versions" ADD COLUMN "draft_id" uuid;--> statement-breakpoint
ALTER TABLE "eligibility_policy_versions" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "eligibility_policy_versions" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "sds_options_versions" ADD CONSTRAINT "sds_options_versions_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sds_options_versions" ADD CONSTRAINT "sds_options_versions_authority_id_draft_id_sds_options_versions_authority_id_id_fk" FOREIGN KEY ("authority_id","draft_id") REFERENCES "public"."sds_options_versions"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sds_options_versions_label_unique" ON "sds_options_versions" USING btree ("authority_id","status","version_label");--> statement-breakpoint
CREATE UNIQUE INDEX "sds_options_versions_draft_unique" ON "sds_options_versions" USING btree ("authority_id","draft_id") WHERE draft_id is not null;--> statement-breakpoint
ALTER TABLE "eligibility_policy_versions" ADD CONSTRAINT "eligibility_policy_versions_authority_id_draft_id_eligibility_policy_versions_authority_id_id_fk" FOREIGN KEY ("authority_id","draft_id") REFERENCES "public"."eligibility_policy_versions"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "eligibility_policy_versions_draft_unique" ON "eligibility_policy_versions" USING btree ("authority_id","draft_id") WHERE draft_id is not null;