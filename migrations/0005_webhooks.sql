ALTER TABLE "core"."webhook" ADD COLUMN "pausedAt" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "core"."webhook" ADD COLUMN "pauseReason" text;