CREATE TABLE "break_glass_grants" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "break_glass_grants_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
CREATE TABLE "budget_funding_streams" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"budget_id" uuid NOT NULL,
	"stream" text NOT NULL,
	"source" text NOT NULL,
	"weekly_amount" bigint NOT NULL,
	"conditions" text,
	"contact" text,
	CONSTRAINT "budget_funding_streams_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
CREATE TABLE "budget_policy_versions" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"version_label" text NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"co_produced_with" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	CONSTRAINT "budget_policy_versions_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
CREATE TABLE "person_budgets" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'current' NOT NULL,
	"weekly_amount" bigint NOT NULL,
	"annual_amount" bigint NOT NULL,
	"one_off_total" bigint DEFAULT 0 NOT NULL,
	"needs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"explanation" jsonb NOT NULL,
	"policy_version_id" uuid,
	"reason" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"expires_on" date,
	"support_plan_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_budgets_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
CREATE TABLE "personal_outcomes" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"person_words" text NOT NULL,
	"said_by" text DEFAULT 'person' NOT NULL,
	"professional_view" text,
	"area" text NOT NULL,
	"priority" integer DEFAULT 2 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "personal_outcomes_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
CREATE TABLE "sds_option_choices" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"outcome_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"sds_option" smallint NOT NULL,
	"deployment_route" text,
	"helped_by" text,
	"chosen_on" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sds_option_choices_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
CREATE TABLE "support_plan_cost_lines" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"outcome_id" uuid,
	"description" text NOT NULL,
	"provider_kind" text NOT NULL,
	"frequency" text DEFAULT '' NOT NULL,
	"weekly_cost" bigint NOT NULL,
	"funding_stream" text NOT NULL,
	"sds_option" smallint NOT NULL,
	CONSTRAINT "support_plan_cost_lines_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
CREATE TABLE "support_plans" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"total_weekly" bigint DEFAULT 0 NOT NULL,
	"agreed_budget_weekly" bigint,
	"signature" jsonb,
	"return_reasons" text[],
	"over_budget_exception" text,
	"decided_by" uuid,
	"decided_on" date,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_plans_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_authority_id_user_id_users_authority_id_id_fk" FOREIGN KEY ("authority_id","user_id") REFERENCES "public"."users"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_funding_streams" ADD CONSTRAINT "budget_funding_streams_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_funding_streams" ADD CONSTRAINT "budget_funding_streams_authority_id_budget_id_person_budgets_authority_id_id_fk" FOREIGN KEY ("authority_id","budget_id") REFERENCES "public"."person_budgets"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_policy_versions" ADD CONSTRAINT "budget_policy_versions_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_budgets" ADD CONSTRAINT "person_budgets_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_budgets" ADD CONSTRAINT "person_budgets_authority_id_person_id_people_authority_id_id_fk" FOREIGN KEY ("authority_id","person_id") REFERENCES "public"."people"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_budgets" ADD CONSTRAINT "person_budgets_authority_id_policy_version_id_budget_policy_versions_authority_id_id_fk" FOREIGN KEY ("authority_id","policy_version_id") REFERENCES "public"."budget_policy_versions"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_outcomes" ADD CONSTRAINT "personal_outcomes_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_outcomes" ADD CONSTRAINT "personal_outcomes_authority_id_person_id_people_authority_id_id_fk" FOREIGN KEY ("authority_id","person_id") REFERENCES "public"."people"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sds_option_choices" ADD CONSTRAINT "sds_option_choices_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sds_option_choices" ADD CONSTRAINT "sds_option_choices_authority_id_person_id_people_authority_id_id_fk" FOREIGN KEY ("authority_id","person_id") REFERENCES "public"."people"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sds_option_choices" ADD CONSTRAINT "sds_option_choices_authority_id_outcome_id_personal_outcomes_authority_id_id_fk" FOREIGN KEY ("authority_id","outcome_id") REFERENCES "public"."personal_outcomes"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_cost_lines" ADD CONSTRAINT "support_plan_cost_lines_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_cost_lines" ADD CONSTRAINT "support_plan_cost_lines_authority_id_plan_id_support_plans_authority_id_id_fk" FOREIGN KEY ("authority_id","plan_id") REFERENCES "public"."support_plans"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_cost_lines" ADD CONSTRAINT "support_plan_cost_lines_authority_id_person_id_people_authority_id_id_fk" FOREIGN KEY ("authority_id","person_id") REFERENCES "public"."people"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_cost_lines" ADD CONSTRAINT "support_plan_cost_lines_authority_id_outcome_id_personal_outcomes_authority_id_id_fk" FOREIGN KEY ("authority_id","outcome_id") REFERENCES "public"."personal_outcomes"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plans" ADD CONSTRAINT "support_plans_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plans" ADD CONSTRAINT "support_plans_authority_id_person_id_people_authority_id_id_fk" FOREIGN KEY ("authority_id","person_id") REFERENCES "public"."people"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "break_glass_user_person_idx" ON "break_glass_grants" USING btree ("authority_id","user_id","person_id");--> statement-breakpoint
CREATE INDEX "budget_funding_streams_budget_idx" ON "budget_funding_streams" USING btree ("authority_id","budget_id");--> statement-breakpoint
CREATE UNIQUE INDEX "person_budgets_version_unique" ON "person_budgets" USING btree ("authority_id","person_id","version");--> statement-breakpoint
CREATE INDEX "person_budgets_current_idx" ON "person_budgets" USING btree ("authority_id","status","kind");--> statement-breakpoint
CREATE INDEX "personal_outcomes_person_idx" ON "personal_outcomes" USING btree ("authority_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sds_option_choices_version_unique" ON "sds_option_choices" USING btree ("authority_id","outcome_id","version");--> statement-breakpoint
CREATE INDEX "support_plan_cost_lines_plan_idx" ON "support_plan_cost_lines" USING btree ("authority_id","plan_id");--> statement-breakpoint
CREATE INDEX "support_plan_cost_lines_option_idx" ON "support_plan_cost_lines" USING btree ("authority_id","sds_option");--> statement-breakpoint
CREATE UNIQUE INDEX "support_plans_version_unique" ON "support_plans" USING btree ("authority_id","person_id","version");--> statement-breakpoint
CREATE INDEX "support_plans_state_idx" ON "support_plans" USING btree ("authority_id","state");