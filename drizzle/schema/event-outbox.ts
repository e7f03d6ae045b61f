import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, text, uuid } from "drizzle-orm/pg-core";
import { core, createdAt, timestampTz } from "./core.ts";
import { workspaces } from "./workspaces.ts";

/**
 * Record events written in the same transaction as the change they describe; webhooks, the timeline and
 * workflow triggers consume them later (a Worker has no background process to hand them to).
 */
export const eventOutbox = core.table(
  "eventOutbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    eventId: uuid("eventId").notNull().defaultRandom(),
    workspaceId: uuid("workspaceId")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** `<objectNameSingular>.<action>`, action one of created, updated, deleted, destroyed, restored, upserted. */
    eventName: text("eventName").notNull(),
    objectMetadataId: uuid("objectMetadataId").notNull(),
    recordId: uuid("recordId").notNull(),
    /** `{before, after, updatedFields}` as the webhook and timeline consumers need them. */
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** Who did it: `{userId, workspaceMemberId, apiKeyId, name, source}`. */
    actor: jsonb("actor").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    processedAt: timestampTz("processedAt"),
    attempts: integer("attempts").notNull().default(0),
  },
  (t) => [
    index("eventOutbox_pending_idx").on(t.id).where(sql`"processedAt" IS NULL`),
    index("eventOutbox_workspace_idx").on(t.workspaceId),
  ],
);
