import { boolean, index, jsonb, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { core, createdAt, id, updatedAt } from "./core.ts";
import { workspaces } from "./workspaces.ts";

export const objectMetadata = core.table(
  "objectMetadata",
  {
    id: id(),
    workspaceId: uuid("workspaceId")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    standardId: uuid("standardId"),
    nameSingular: text("nameSingular").notNull(),
    namePlural: text("namePlural").notNull(),
    labelSingular: text("labelSingular").notNull(),
    labelPlural: text("labelPlural").notNull(),
    description: text("description"),
    icon: text("icon"),
    shortcut: text("shortcut"),
    color: text("color"),
    /** Physical table inside the workspace schema: the singular name, `_`-prefixed for custom objects. */
    tableName: text("tableName").notNull(),
    isCustom: boolean("isCustom").notNull().default(false),
    isRemote: boolean("isRemote").notNull().default(false),
    isActive: boolean("isActive").notNull().default(true),
    isSystem: boolean("isSystem").notNull().default(false),
    isUIReadOnly: boolean("isUIReadOnly").notNull().default(false),
    isAuditLogged: boolean("isAuditLogged").notNull().default(true),
    isSearchable: boolean("isSearchable").notNull().default(false),
    isLabelSyncedWithName: boolean("isLabelSyncedWithName").notNull().default(false),
    duplicateCriteria: jsonb("duplicateCriteria").$type<string[][]>(),
    labelIdentifierFieldMetadataId: uuid("labelIdentifierFieldMetadataId"),
    imageIdentifierFieldMetadataId: uuid("imageIdentifierFieldMetadataId"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("objectMetadata_workspace_nameSingular_key").on(t.workspaceId, t.nameSingular),
    uniqueIndex("objectMetadata_workspace_namePlural_key").on(t.workspaceId, t.namePlural),
    index("objectMetadata_workspace_idx").on(t.workspaceId),
  ],
);
