ALTER TABLE "authorities" ADD COLUMN "data_controller_name" text;--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "data_controller_address" text;--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "data_controller_email" text;--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "data_protection_officer_email" text;--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "data_protection_officer_phone" text;--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "ico_registration_number" text;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_no_council_only_operator" CHECK (("users"."authority_id" is null) = ("users"."role" = 'operator'));