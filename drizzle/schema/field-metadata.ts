import { boolean, index, jsonb, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { core, createdAt, id, updatedAt } from "./core.ts";
import { objectMetadata } from "./object-metadata.ts";
import { workspaces } from "./workspaces.ts";

export const fieldMetadata = core.table(
  "fieldMetadata",
  {
    id: id(),
    workspaceId: uuid("workspaceId")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    objectMetadataId: uuid("objectMetadataId")
      .notNull()
      .references(() => objectMetadata.id, { onDelete: "cascade" }),
    standardId: uuid("standardId"),
    type: text("type").notNull(),
    name: text("name").notNull(),
    label: text("label").notNull(),
    description: text("description"),
    icon: text("icon"),
    /** SQL-literal style as Twenty stores it: `"'NEW'"`, `"now"`, `{"firstName":"''"}`. */
    defaultValue: jsonb("defaultValue"),
    /** SELECT / MULTI_SELECT / RATING options: `[{id, label, value, position, color}]`. */
    options: jsonb("options"),
    /** Type settings; relations keep `relationType`, `onDelete` and `joinColumnName` here. */
    settings: jsonb("settings").$type<Record<string, unknown>>(),
    isCustom: boolean("isCustom").notNull().default(false),
    isActive: boolean("isActive").notNull().default(true),
    isSystem: boolean("isSystem").notNull().default(false),
    isUIReadOnly: boolean("isUIReadOnly").notNull().default(false),
    isNullable: boolean("isNullable").notNull().default(true),
    isUnique: boolean("isUnique").notNull().default(false),
    isLabelSyncedWithName: boolean("isLabelSyncedWithName").notNull().default(false),
    relationTargetFieldMetadataId: uuid("relationTargetFieldMetadataId"),
    relationTargetObjectMetadataId: uuid("relationTargetObjectMetadataId"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("fieldMetadata_object_name_key").on(t.objectMetadataId, t.name),
    index("fieldMetadata_workspace_idx").on(t.workspaceId),
  ],
);
