CREATE TABLE "dp_payment_corrections" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"change_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"transfer_id" uuid NOT NULL,
	"explanation" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dp_payment_corrections_authority_id_id_pk" PRIMARY KEY("authority_id","id"),
	CONSTRAINT "dp_payment_corrections_amount_not_zero" CHECK (amount <> 0)
);
--> statement-breakpoint
DROP INDEX "dp_agreement_changes_date_unique";--> statement-breakpoint
ALTER TABLE "financial_assessments" ADD COLUMN "supersedes_id" uuid;--> statement-breakpoint
ALTER TABLE "financial_assessments" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "dp_agreement_changes" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "dp_agreement_changes" ADD COLUMN "supersedes_change_id" uuid;--> statement-breakpoint
ALTER TABLE "dp_agreement_changes" ADD COLUMN "assessment_id" uuid;--> statement-breakpoint
ALTER TABLE "payment_policy_versions" ADD COLUMN "two_person_approval" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "dp_payment_corrections" ADD CONSTRAINT "dp_payment_corrections_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dp_payment_corrections" ADD CONSTRAINT "dp_payment_corrections_authority_id_agreement_id_dp_agreements_authority_id_id_fk" FOREIGN KEY ("authority_id","agreement_id") REFERENCES "public"."dp_agreements"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dp_payment_corrections" ADD CONSTRAINT "dp_payment_corrections_authority_id_change_id_dp_agreement_changes_authority_id_id_fk" FOREIGN KEY ("authority_id","change_id") REFERENCES "public"."dp_agreement_changes"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dp_payment_corrections" ADD CONSTRAINT "dp_payment_corrections_authority_id_transfer_id_ledger_transfers_authority_id_id_fk" FOREIGN KEY ("authority_id","transfer_id") REFERENCES "public"."ledger_transfers"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dp_payment_corrections_unique" ON "dp_payment_corrections" USING btree ("authority_id","agreement_id","period_start","change_id");--> statement-breakpoint
CREATE INDEX "dp_payment_corrections_person_idx" ON "dp_payment_corrections" USING btree ("authority_id","person_id");--> statement-breakpoint
ALTER TABLE "financial_assessments" ADD CONSTRAINT "financial_assessments_authority_id_supersedes_id_financial_assessments_authority_id_id_fk" FOREIGN KEY ("authority_id","supersedes_id") REFERENCES "public"."financial_assessments"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dp_agreement_changes" ADD CONSTRAINT "dp_agreement_changes_authority_id_supersedes_change_id_dp_agreement_changes_authority_id_id_fk" FOREIGN KEY ("authority_id","supersedes_change_id") REFERENCES "public"."dp_agreement_changes"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "financial_assessments_supersedes_unique" ON "financial_assessments" USING btree ("authority_id","supersedes_id") WHERE supersedes_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "dp_agreement_changes_date_version_unique" ON "dp_agreement_changes" USING btree ("authority_id","agreement_id","effective_from","version");--> statement-breakpoint
CREATE UNIQUE INDEX "dp_agreement_changes_supersedes_unique" ON "dp_agreement_changes" USING btree ("authority_id","supersedes_change_id") WHERE supersedes_change_id is not null;