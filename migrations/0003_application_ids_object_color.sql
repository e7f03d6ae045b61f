ALTER TABLE "core"."workspace" ADD COLUMN "standardApplicationId" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "core"."workspace" ADD COLUMN "customApplicationId" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "core"."objectMetadata" ADD COLUMN "color" text;