CREATE TABLE "eligibility_decisions" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"policy_version_id" uuid NOT NULL,
	"policy_version_label" text NOT NULL,
	"assessment" jsonb NOT NULL,
	"eligible" boolean NOT NULL,
	"result" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"review_route" text NOT NULL,
	"signposting" jsonb,
	"decided_by" uuid NOT NULL,
	"decided_by_name" text NOT NULL,
	"decided_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eligibility_decisions_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
CREATE TABLE "eligibility_policy_versions" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"framework" text NOT NULL,
	"version_label" text NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"content" jsonb NOT NULL,
	"signposting" jsonb NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eligibility_policy_versions_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
ALTER TABLE "budget_policy_versions" ADD COLUMN "repricing" jsonb;--> statement-breakpoint
ALTER TABLE "eligibility_decisions" ADD CONSTRAINT "eligibility_decisions_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_decisions" ADD CONSTRAINT "eligibility_decisions_authority_id_person_id_people_authority_id_id_fk" FOREIGN KEY ("authority_id","person_id") REFERENCES "public"."people"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_decisions" ADD CONSTRAINT "eligibility_decisions_authority_id_policy_version_id_eligibility_policy_versions_authority_id_id_fk" FOREIGN KEY ("authority_id","policy_version_id") REFERENCES "public"."eligibility_policy_versions"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_policy_versions" ADD CONSTRAINT "eligibility_policy_versions_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "eligibility_decisions_person_idx" ON "eligibility_decisions" USING btree ("authority_id","person_id","created_at");