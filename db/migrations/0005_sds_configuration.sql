CREATE TABLE "sds_configuration" (
	"authority_id" uuid NOT NULL,
	"routes_enabled" text[] NOT NULL,
	"support_organisation_funded" boolean DEFAULT true NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sds_configuration_authority_id_pk" PRIMARY KEY("authority_id")
);
--> statement-breakpoint
ALTER TABLE "sds_configuration" ADD CONSTRAINT "sds_configuration_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;