CREATE TABLE "council_detail_changes" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"field" text NOT NULL,
	"before" text,
	"after" text,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_detail_changes_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
CREATE TABLE "funding_streams" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "funding_streams_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
ALTER TABLE "council_detail_changes" ADD CONSTRAINT "council_detail_changes_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_streams" ADD CONSTRAINT "funding_streams_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "council_detail_changes_at_idx" ON "council_detail_changes" USING btree ("authority_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_streams_code_idx" ON "funding_streams" USING btree ("authority_id","code");