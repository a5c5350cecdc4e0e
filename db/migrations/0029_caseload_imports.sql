CREATE TABLE "caseload_imports" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'dry_run' NOT NULL,
	"files" jsonb NOT NULL,
	"file_texts" jsonb,
	"counts" jsonb NOT NULL,
	"problems" jsonb NOT NULL,
	"written" integer,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_by" uuid,
	"committed_at" timestamp with time zone,
	CONSTRAINT "caseload_imports_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
CREATE TABLE "import_references" (
	"authority_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"reference" text NOT NULL,
	"target_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_references_authority_id_id_pk" PRIMARY KEY("authority_id","id")
);
--> statement-breakpoint
ALTER TABLE "caseload_imports" ADD CONSTRAINT "caseload_imports_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caseload_imports" ADD CONSTRAINT "caseload_imports_authority_id_created_by_users_authority_id_id_fk" FOREIGN KEY ("authority_id","created_by") REFERENCES "public"."users"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caseload_imports" ADD CONSTRAINT "caseload_imports_authority_id_committed_by_users_authority_id_id_fk" FOREIGN KEY ("authority_id","committed_by") REFERENCES "public"."users"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_references" ADD CONSTRAINT "import_references_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_references" ADD CONSTRAINT "import_references_authority_id_import_id_caseload_imports_authority_id_id_fk" FOREIGN KEY ("authority_id","import_id") REFERENCES "public"."caseload_imports"("authority_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "caseload_imports_created_idx" ON "caseload_imports" USING btree ("authority_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "import_references_unique" ON "import_references" USING btree ("authority_id","kind","reference");