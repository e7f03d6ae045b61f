import { boolean, integer, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { core, createdAt, id, timestampTz, updatedAt } from "./core.ts";

export const workspaceActivationStatuses = [
  "ONGOING_CREATION",
  "PENDING_CREATION",
  "ACTIVE",
  "INACTIVE",
  "SUSPENDED",
] as const;

export const workspaces = core.table(
  "workspace",
  {
    id: id(),
    displayName: text("displayName"),
    logo: text("logo"),
    subdomain: text("subdomain").notNull(),
    inviteHash: text("inviteHash"),
    allowImpersonation: boolean("allowImpersonation").notNull().default(true),
    isPublicInviteLinkEnabled: boolean("isPublicInviteLinkEnabled").notNull().default(true),
    activationStatus: text("activationStatus", { enum: workspaceActivationStatuses }).notNull().default("PENDING_CREATION"),
    /** Postgres schema holding this workspace's records; null until activation creates it. */
    schemaName: text("schemaName"),
    /** Bumped by every metadata change, in the same transaction; caches are keyed by it. */
    metadataVersion: integer("metadataVersion").notNull().default(0),
    defaultRoleId: uuid("defaultRoleId"),
    /**
     * Twenty 2.21 says which application owns each object and field: the standard objects belong to the
     * workspace's copy of the standard application, custom ones to its custom application. We keep no
     * application rows, only these two stable ids.
     */
    standardApplicationId: uuid("standardApplicationId").notNull().defaultRandom(),
    customApplicationId: uuid("customApplicationId").notNull().defaultRandom(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestampTz("deletedAt"),
  },
  (t) => [uniqueIndex("workspace_subdomain_key").on(t.subdomain), uniqueIndex("workspace_schema_key").on(t.schemaName)],
);
