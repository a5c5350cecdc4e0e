ALTER TABLE "authorities" ADD COLUMN "address_line_1" text;--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "address_line_2" text;--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "town" text;--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "postcode" text;--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "how_to_contact" text;