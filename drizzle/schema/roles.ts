import { boolean, check, index, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { core, createdAt, id, updatedAt } from "./core.ts";
import { workspaces } from "./workspaces.ts";

export const roles = core.table(
  "role",
  {
    id: id(),
    workspaceId: uuid("workspaceId")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    standardId: uuid("standardId"),
    label: text("label").notNull(),
    description: text("description"),
    icon: text("icon"),
    isEditable: boolean("isEditable").notNull().default(true),
    canUpdateAllSettings: boolean("canUpdateAllSettings").notNull().default(false),
    canAccessAllTools: boolean("canAccessAllTools").notNull().default(false),
    canReadAllObjectRecords: boolean("canReadAllObjectRecords").notNull().default(false),
    canUpdateAllObjectRecords: boolean("canUpdateAllObjectRecords").notNull().default(false),
    canSoftDeleteAllObjectRecords: boolean("canSoftDeleteAllObjectRecords").notNull().default(false),
    canDestroyAllObjectRecords: boolean("canDestroyAllObjectRecords").notNull().default(false),
    canBeAssignedToUsers: boolean("canBeAssignedToUsers").notNull().default(true),
    canBeAssignedToAgents: boolean("canBeAssignedToAgents").notNull().default(true),
    canBeAssignedToApiKeys: boolean("canBeAssignedToApiKeys").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("role_workspace_label_key").on(t.workspaceId, t.label)],
);

/** One role per user-in-workspace, API key or agent. */
export const roleTargets = core.table(
  "roleTarget",
  {
    id: id(),
    workspaceId: uuid("workspaceId")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    roleId: uuid("roleId")
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
    userWorkspaceId: uuid("userWorkspaceId"),
    apiKeyId: uuid("apiKeyId"),
    agentId: uuid("agentId"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("roleTarget_userWorkspace_key").on(t.userWorkspaceId),
    uniqueIndex("roleTarget_apiKey_key").on(t.apiKeyId),
    uniqueIndex("roleTarget_agent_key").on(t.agentId),
    index("roleTarget_role_idx").on(t.roleId),
    check(
      "roleTarget_one_target",
      sql`num_nonnulls("userWorkspaceId", "apiKeyId", "agentId") = 1`,
    ),
  ],
);

export const objectPermissions = core.table(
  "objectPermission",
  {
    id: id(),
    workspaceId: uuid("workspaceId")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    roleId: uuid("roleId")
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
    objectMetadataId: uuid("objectMetadataId").notNull(),
    canReadObjectRecords: boolean("canReadObjectRecords"),
    canUpdateObjectRecords: boolean("canUpdateObjectRecords"),
    canSoftDeleteObjectRecords: boolean("canSoftDeleteObjectRecords"),
    canDestroyObjectRecords: boolean("canDestroyObjectRecords"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("objectPermission_role_object_key").on(t.roleId, t.objectMetadataId)],
);

export const fieldPermissions = core.table(
  "fieldPermission",
  {
    id: id(),
    workspaceId: uuid("workspaceId")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    roleId: uuid("roleId")
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
    objectMetadataId: uuid("objectMetadataId").notNull(),
    fieldMetadataId: uuid("fieldMetadataId").notNull(),
    canReadFieldValue: boolean("canReadFieldValue"),
    canUpdateFieldValue: boolean("canUpdateFieldValue"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("fieldPermission_role_field_key").on(t.roleId, t.fieldMetadataId)],
);

export const permissionFlags = core.table(
  "permissionFlag",
  {
    id: id(),
    workspaceId: uuid("workspaceId")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    roleId: uuid("roleId")
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
    flag: text("flag").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("permissionFlag_role_flag_key").on(t.roleId, t.flag)],
);
