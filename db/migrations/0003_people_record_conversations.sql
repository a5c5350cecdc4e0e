CREATE TABLE "conversation_entries" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"section" text NOT NULL,
	"text" text NOT NULL,
	"said_by" text NOT NULL,
	"said_by_name" text,
	"own_words" boolean NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_entries_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"place" text,
	"who_was_there" text,
	"transition" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversations_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
CREATE TABLE "outcome_areas" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"plain_label" text NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "personal_outcome_changes" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"outcome_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"changed_by" uuid NOT NULL,
	"changed_by_name" text NOT NULL,
	"changed_by_role" text NOT NULL,
	"changes" jsonb NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "personal_outcome_changes_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
CREATE TABLE "circle_members" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"name" text NOT NULL,
	"relationship" text NOT NULL,
	"may_see" text[] DEFAULT '{}' NOT NULL,
	"consent_from" date NOT NULL,
	"consent_to" date,
	"consent_withdrawn_on" date,
	"user_id" uuid,
	"relationship_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "circle_members_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
CREATE TABLE "client_groups" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_orders" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reference" text,
	"made_by" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"non_negotiables" text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "legal_orders_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
CREATE TABLE "person_equality" (
	"authority_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"ethnicity" text,
	"disability" text,
	"sex" text,
	"gender_identity" text,
	"religion" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_equality_authority_id_person_id_pk" PRIMARY KEY("authority_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "representatives" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"powers" text[] NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"evidence_reference" text,
	"user_id" uuid,
	"relationship_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "representatives_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
CREATE TABLE "support_offers" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"stage" text NOT NULL,
	"response" text NOT NULL,
	"provider" text,
	"offered_on" date NOT NULL,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_offers_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
ALTER TABLE "personal_outcomes" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "pronouns" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "address_line_1" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "address_line_2" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "town" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "postcode" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "locality" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "chi_number" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "nhs_number" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "main_language" text DEFAULT 'English' NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "interpreter_needed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "communication_needs" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "communication_other" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "crisis_reason" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "referred_by" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "referral_reason" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "referral_urgency" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "referred_on" date;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "conversation_entries" ADD CONSTRAINT "conversation_entries_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_entries" ADD CONSTRAINT "conversation_entries_authority_id_conversation_id_conversations_authority_id_id_fk" FOREIGN KEY ("authority_id","conversation_id") REFERENCES "public"."conversations"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_entries" ADD CONSTRAINT "conversation_entries_authority_id_person_id_people_authority_id_id_fk" FOREIGN KEY ("authority_id","person_id") REFERENCES "public"."people"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_authority_id_person_id_people_authority_id_id_fk" FOREIGN KEY ("authority_id","person_id") REFERENCES "public"."people"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_outcome_changes" ADD CONSTRAINT "personal_outcome_changes_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_outcome_changes" ADD CONSTRAINT "personal_outcome_changes_authority_id_outcome_id_personal_outcomes_authority_id_id_fk" FOREIGN KEY ("authority_id","outcome_id") REFERENCES "public"."personal_outcomes"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_members" ADD CONSTRAINT "circle_members_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_members" ADD CONSTRAINT "circle_members_authority_id_person_id_people_authority_id_id_fk" FOREIGN KEY ("authority_id","person_id") REFERENCES "public"."people"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_members" ADD CONSTRAINT "circle_members_authority_id_user_id_users_authority_id_id_fk" FOREIGN KEY ("authority_id","user_id") REFERENCES "public"."users"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_members" ADD CONSTRAINT "circle_members_authority_id_relationship_id_person_relationships_authority_id_id_fk" FOREIGN KEY ("authority_id","relationship_id") REFERENCES "public"."person_relationships"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_orders" ADD CONSTRAINT "legal_orders_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_orders" ADD CONSTRAINT "legal_orders_authority_id_person_id_people_authority_id_id_fk" FOREIGN KEY ("authority_id","person_id") REFERENCES "public"."people"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_equality" ADD CONSTRAINT "person_equality_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_equality" ADD CONSTRAINT "person_equality_authority_id_person_id_people_authority_id_id_fk" FOREIGN KEY ("authority_id","person_id") REFERENCES "public"."people"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representatives" ADD CONSTRAINT "representatives_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representatives" ADD CONSTRAINT "representatives_authority_id_person_id_people_authority_id_id_fk" FOREIGN KEY ("authority_id","person_id") REFERENCES "public"."people"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representatives" ADD CONSTRAINT "representatives_authority_id_user_id_users_authority_id_id_fk" FOREIGN KEY ("authority_id","user_id") REFERENCES "public"."users"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representatives" ADD CONSTRAINT "representatives_authority_id_relationship_id_person_relationships_authority_id_id_fk" FOREIGN KEY ("authority_id","relationship_id") REFERENCES "public"."person_relationships"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_offers" ADD CONSTRAINT "support_offers_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_offers" ADD CONSTRAINT "support_offers_authority_id_person_id_people_authority_id_id_fk" FOREIGN KEY ("authority_id","person_id") REFERENCES "public"."people"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversation_entries_conversation_idx" ON "conversation_entries" USING btree ("authority_id","conversation_id");--> statement-breakpoint
CREATE INDEX "conversation_entries_person_idx" ON "conversation_entries" USING btree ("authority_id","person_id");--> statement-breakpoint
CREATE INDEX "conversations_person_idx" ON "conversations" USING btree ("authority_id","person_id");--> statement-breakpoint
CREATE INDEX "personal_outcome_changes_outcome_idx" ON "personal_outcome_changes" USING btree ("authority_id","outcome_id","version");--> statement-breakpoint
CREATE INDEX "circle_members_person_idx" ON "circle_members" USING btree ("authority_id","person_id");--> statement-breakpoint
CREATE INDEX "legal_orders_person_idx" ON "legal_orders" USING btree ("authority_id","person_id");--> statement-breakpoint
CREATE INDEX "representatives_person_idx" ON "representatives" USING btree ("authority_id","person_id");--> statement-breakpoint
CREATE INDEX "support_offers_person_idx" ON "support_offers" USING btree ("authority_id","person_id");--> statement-breakpoint
CREATE INDEX "people_name_idx" ON "people" USING btree ("authority_id","legal_name");--> statement-breakpoint
CREATE UNIQUE INDEX "people_chi_unique" ON "people" USING btree ("authority_id","chi_number") WHERE "people"."chi_number" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "people_nhs_unique" ON "people" USING btree ("authority_id","nhs_number") WHERE "people"."nhs_number" is not null;