CREATE TABLE "core"."emailOutbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspaceId" uuid,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text,
	"template" text NOT NULL,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "core"."emailOutbox" ADD CONSTRAINT "emailOutbox_workspaceId_workspace_id_fk" FOREIGN KEY ("workspaceId") REFERENCES "core"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "emailOutbox_to_idx" ON "core"."emailOutbox" USING btree ("to");