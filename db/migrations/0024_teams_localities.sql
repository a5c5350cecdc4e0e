CREATE TABLE "localities" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "localities_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "serves" text DEFAULT 'all_ages' NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "locality_codes" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "localities" ADD CONSTRAINT "localities_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "localities_code_unique" ON "localities" USING btree ("authority_id","code");