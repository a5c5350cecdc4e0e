CREATE TABLE "charging_policy_versions" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"version_label" text NOT NULL,
	"effective_from" date NOT NULL,
	"policy" jsonb NOT NULL,
	"contribution_method" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charging_policy_versions_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
CREATE TABLE "charging_review_requests" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charging_review_requests_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
CREATE TABLE "financial_assessments" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"policy_id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"band" text NOT NULL,
	"incomes" jsonb NOT NULL,
	"capital" jsonb NOT NULL,
	"expenses" jsonb NOT NULL,
	"services" jsonb NOT NULL,
	"weekly_contribution" bigint NOT NULL,
	"result" jsonb NOT NULL,
	"assessed_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "financial_assessments_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
CREATE TABLE "dp_agreement_changes" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"amount_per_period" bigint NOT NULL,
	"contribution_per_period" bigint NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dp_agreement_changes_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
CREATE TABLE "dp_agreements" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"amount_per_period" bigint NOT NULL,
	"weekly_amount" bigint NOT NULL,
	"frequency" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"contribution_per_period" bigint DEFAULT 0 NOT NULL,
	"contribution_method" text DEFAULT 'net' NOT NULL,
	"holder_kind" text NOT NULL,
	"holder_name" text NOT NULL,
	"bank_details" text NOT NULL,
	"account_last4" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dp_agreements_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
CREATE TABLE "dp_payments" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"amount" bigint NOT NULL,
	"reduction" bigint DEFAULT 0 NOT NULL,
	"transfer_id" uuid,
	"explanation" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dp_payments_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
CREATE TABLE "dp_returns" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"opening_balance" bigint NOT NULL,
	"payments_in" bigint NOT NULL,
	"pa_wages" bigint NOT NULL,
	"employer_costs" bigint NOT NULL,
	"agency" bigint NOT NULL,
	"other" bigint NOT NULL,
	"closing_balance" bigint NOT NULL,
	"difference" bigint NOT NULL,
	"source" text NOT NULL,
	"submitted_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dp_returns_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
CREATE TABLE "ledger_accounts" (
	"authority_id" uuid NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_accounts_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
CREATE TABLE "ledger_transfers" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"debit_account" text NOT NULL,
	"credit_account" text NOT NULL,
	"amount" bigint NOT NULL,
	"kind" text NOT NULL,
	"reverses_transfer_id" uuid,
	"posted_on" date NOT NULL,
	"description" text NOT NULL,
	"person_id" uuid,
	"run_id" uuid,
	"posted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_transfers_authority_id_id_pk" PRIMARY KEY("authority_id","id"),
	CONSTRAINT "ledger_transfers_amount_positive" CHECK (amount > 0),
	CONSTRAINT "ledger_transfers_two_accounts" CHECK (debit_account <> credit_account)
);
--> statement-breakpoint
CREATE TABLE "payment_policy_versions" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"version_label" text NOT NULL,
	"effective_from" date NOT NULL,
	"surplus_threshold_weeks" integer NOT NULL,
	"originator_name" text NOT NULL,
	"originator_sort_code" text NOT NULL,
	"originator_account_number" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_policy_versions_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
CREATE TABLE "payment_runs" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"run_date" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"planned_count" integer NOT NULL,
	"planned_total" bigint NOT NULL,
	"created_by" uuid NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"posted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_runs_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
CREATE TABLE "surplus_reviews" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"return_id" uuid NOT NULL,
	"balance" bigint NOT NULL,
	"threshold" bigint NOT NULL,
	"surplus" bigint NOT NULL,
	"policy_version" text NOT NULL,
	"explanation" jsonb NOT NULL,
	"status" text DEFAULT 'awaiting_view' NOT NULL,
	"person_view" text,
	"view_given_by" uuid,
	"view_given_at" timestamp with time zone,
	"decision" text,
	"decision_amount" bigint,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surplus_reviews_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
ALTER TABLE "charging_policy_versions" ADD CONSTRAINT "charging_policy_versions_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charging_review_requests" ADD CONSTRAINT "charging_review_requests_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charging_review_requests" ADD CONSTRAINT "charging_review_requests_authority_id_assessment_id_financial_assessments_authority_id_id_fk" FOREIGN KEY ("authority_id","assessment_id") REFERENCES "public"."financial_assessments"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_assessments" ADD CONSTRAINT "financial_assessments_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_assessments" ADD CONSTRAINT "financial_assessments_authority_id_person_id_people_authority_id_id_fk" FOREIGN KEY ("authority_id","person_id") REFERENCES "public"."people"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_assessments" ADD CONSTRAINT "financial_assessments_authority_id_policy_id_charging_policy_versions_authority_id_id_fk" FOREIGN KEY ("authority_id","policy_id") REFERENCES "public"."charging_policy_versions"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dp_agreement_changes" ADD CONSTRAINT "dp_agreement_changes_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dp_agreement_changes" ADD CONSTRAINT "dp_agreement_changes_authority_id_agreement_id_dp_agreements_authority_id_id_fk" FOREIGN KEY ("authority_id","agreement_id") REFERENCES "public"."dp_agreements"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dp_agreements" ADD CONSTRAINT "dp_agreements_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dp_agreements" ADD CONSTRAINT "dp_agreements_authority_id_person_id_people_authority_id_id_fk" FOREIGN KEY ("authority_id","person_id") REFERENCES "public"."people"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dp_payments" ADD CONSTRAINT "dp_payments_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dp_payments" ADD CONSTRAINT "dp_payments_authority_id_run_id_payment_runs_authority_id_id_fk" FOREIGN KEY ("authority_id","run_id") REFERENCES "public"."payment_runs"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dp_payments" ADD CONSTRAINT "dp_payments_authority_id_agreement_id_dp_agreements_authority_id_id_fk" FOREIGN KEY ("authority_id","agreement_id") REFERENCES "public"."dp_agreements"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dp_payments" ADD CONSTRAINT "dp_payments_authority_id_transfer_id_ledger_transfers_authority_id_id_fk" FOREIGN KEY ("authority_id","transfer_id") REFERENCES "public"."ledger_transfers"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dp_returns" ADD CONSTRAINT "dp_returns_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dp_returns" ADD CONSTRAINT "dp_returns_authority_id_agreement_id_dp_agreements_authority_id_id_fk" FOREIGN KEY ("authority_id","agreement_id") REFERENCES "public"."dp_agreements"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_authority_id_person_id_people_authority_id_id_fk" FOREIGN KEY ("authority_id","person_id") REFERENCES "public"."people"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transfers" ADD CONSTRAINT "ledger_transfers_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transfers" ADD CONSTRAINT "ledger_transfers_authority_id_debit_account_ledger_accounts_authority_id_id_fk" FOREIGN KEY ("authority_id","debit_account") REFERENCES "public"."ledger_accounts"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transfers" ADD CONSTRAINT "ledger_transfers_authority_id_credit_account_ledger_accounts_authority_id_id_fk" FOREIGN KEY ("authority_id","credit_account") REFERENCES "public"."ledger_accounts"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transfers" ADD CONSTRAINT "ledger_transfers_authority_id_reverses_transfer_id_ledger_transfers_authority_id_id_fk" FOREIGN KEY ("authority_id","reverses_transfer_id") REFERENCES "public"."ledger_transfers"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_policy_versions" ADD CONSTRAINT "payment_policy_versions_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_runs" ADD CONSTRAINT "payment_runs_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surplus_reviews" ADD CONSTRAINT "surplus_reviews_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surplus_reviews" ADD CONSTRAINT "surplus_reviews_authority_id_return_id_dp_returns_authority_id_id_fk" FOREIGN KEY ("authority_id","return_id") REFERENCES "public"."dp_returns"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "charging_policy_versions_label_unique" ON "charging_policy_versions" USING btree ("authority_id","version_label");--> statement-breakpoint
CREATE INDEX "financial_assessments_person_idx" ON "financial_assessments" USING btree ("authority_id","person_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dp_agreement_changes_date_unique" ON "dp_agreement_changes" USING btree ("authority_id","agreement_id","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "dp_agreements_person_unique" ON "dp_agreements" USING btree ("authority_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dp_payments_period_unique" ON "dp_payments" USING btree ("authority_id","agreement_id","period_start");--> statement-breakpoint
CREATE INDEX "dp_payments_run_idx" ON "dp_payments" USING btree ("authority_id","run_id");--> statement-breakpoint
CREATE INDEX "dp_payments_person_idx" ON "dp_payments" USING btree ("authority_id","person_id");--> statement-breakpoint
CREATE INDEX "dp_returns_person_idx" ON "dp_returns" USING btree ("authority_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transfers_key_unique" ON "ledger_transfers" USING btree ("authority_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transfers_reversal_unique" ON "ledger_transfers" USING btree ("authority_id","reverses_transfer_id") WHERE reverses_transfer_id is not null;--> statement-breakpoint
CREATE INDEX "ledger_transfers_debit_idx" ON "ledger_transfers" USING btree ("authority_id","debit_account");--> statement-breakpoint
CREATE INDEX "ledger_transfers_credit_idx" ON "ledger_transfers" USING btree ("authority_id","credit_account");--> statement-breakpoint
CREATE INDEX "ledger_transfers_person_idx" ON "ledger_transfers" USING btree ("authority_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_policy_versions_label_unique" ON "payment_policy_versions" USING btree ("authority_id","version_label");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_runs_date_unique" ON "payment_runs" USING btree ("authority_id","run_date");--> statement-breakpoint
CREATE UNIQUE INDEX "surplus_reviews_return_unique" ON "surplus_reviews" USING btree ("authority_id","return_id");--> statement-breakpoint
CREATE INDEX "surplus_reviews_person_idx" ON "surplus_reviews" USING btree ("authority_id","person_id");