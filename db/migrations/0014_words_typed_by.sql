ALTER TABLE "conversation_entries" ADD COLUMN "typed_by_name" text;--> statement-breakpoint
ALTER TABLE "conversation_entries" ADD COLUMN "typed_by_role" text;--> statement-breakpoint
ALTER TABLE "personal_outcomes" ADD COLUMN "said_by_name" text;--> statement-breakpoint
ALTER TABLE "personal_outcomes" ADD COLUMN "words_typed_by" uuid;--> statement-breakpoint
ALTER TABLE "personal_outcomes" ADD COLUMN "words_typed_by_name" text;--> statement-breakpoint
ALTER TABLE "personal_outcomes" ADD COLUMN "words_typed_by_role" text;