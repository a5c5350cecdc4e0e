CREATE TABLE "plan_agreements" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"plan_version" integer NOT NULL,
	"way" text NOT NULL,
	"agreed_by_name" text NOT NULL,
	"representative_id" uuid,
	"agreed_on" date NOT NULL,
	"witness_name" text,
	"witness_role" text,
	"notes" text,
	"scan_key" text,
	"scan_type" text,
	"scan_bytes" integer,
	"scan_sha256" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_agreements_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
ALTER TABLE "support_plans" ADD COLUMN "shared_on" date;--> statement-breakpoint
ALTER TABLE "plan_agreements" ADD CONSTRAINT "plan_agreements_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_agreements" ADD CONSTRAINT "plan_agreements_authority_id_person_id_people_authority_id_id_fk" FOREIGN KEY ("authority_id","person_id") REFERENCES "public"."people"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_agreements" ADD CONSTRAINT "plan_agreements_authority_id_plan_id_support_plans_authority_id_id_fk" FOREIGN KEY ("authority_id","plan_id") REFERENCES "public"."support_plans"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_agreements" ADD CONSTRAINT "plan_agreements_authority_id_representative_id_representatives_authority_id_id_fk" FOREIGN KEY ("authority_id","representative_id") REFERENCES "public"."representatives"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_agreements" ADD CONSTRAINT "plan_agreements_authority_id_recorded_by_users_authority_id_id_fk" FOREIGN KEY ("authority_id","recorded_by") REFERENCES "public"."users"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_agreements_plan_unique" ON "plan_agreements" USING btree ("authority_id","plan_id");--> statement-breakpoint
-- A recorded agreement is history: it is never changed, only followed by the next version's.
COMMENT ON TABLE "plan_agreements" IS 'append-only';