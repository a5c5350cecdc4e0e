ALTER TABLE "invitations" ADD COLUMN "person_id" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "relationship_kind" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "representative_id" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "circle_member_id" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "powers" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "check_code_hash" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "failed_checks" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "revoked_by" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "relationship_id" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_authority_id_revoked_by_users_authority_id_id_fk" FOREIGN KEY ("authority_id","revoked_by") REFERENCES "public"."users"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invitations_person_idx" ON "invitations" USING btree ("authority_id","person_id");--> statement-breakpoint
-- Added by hand: the platform's schema cannot import people's tables, so these keys are declared here.
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_person_fk" FOREIGN KEY ("authority_id","person_id") REFERENCES "public"."people"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_representative_fk" FOREIGN KEY ("authority_id","representative_id") REFERENCES "public"."representatives"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_circle_member_fk" FOREIGN KEY ("authority_id","circle_member_id") REFERENCES "public"."circle_members"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_relationship_fk" FOREIGN KEY ("authority_id","relationship_id") REFERENCES "public"."person_relationships"("authority_id","id") ON DELETE no action ON UPDATE no action;
