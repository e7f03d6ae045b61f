import { boolean, doublePrecision, index, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { core, createdAt, id, updatedAt } from "./core.ts";
import { fieldMetadata } from "./field-metadata.ts";
import { objectMetadata } from "./object-metadata.ts";
import { workspaces } from "./workspaces.ts";

export const indexMetadata = core.table(
  "indexMetadata",
  {
    id: id(),
    workspaceId: uuid("workspaceId")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    objectMetadataId: uuid("objectMetadataId")
      .notNull()
      .references(() => objectMetadata.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    isUnique: boolean("isUnique").notNull().default(false),
    isCustom: boolean("isCustom").notNull().default(false),
    indexWhereClause: text("indexWhereClause"),
    indexType: text("indexType", { enum: ["BTREE", "GIN"] }).notNull().default("BTREE"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("indexMetadata_workspace_name_key").on(t.workspaceId, t.name), index("indexMetadata_object_idx").on(t.objectMetadataId)],
);

export const indexFieldMetadata = core.table(
  "indexFieldMetadata",
  {
    id: id(),
    indexMetadataId: uuid("indexMetadataId")
      .notNull()
      .references(() => indexMetadata.id, { onDelete: "cascade" }),
    fieldMetadataId: uuid("fieldMetadataId")
      .notNull()
      .references(() => fieldMetadata.id, { onDelete: "cascade" }),
    /** For composite fields, the sub-field the index covers (e.g. `primaryEmail`). */
    subFieldName: text("subFieldName"),
    order: doublePrecision("order").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("indexFieldMetadata_index_idx").on(t.indexMetadataId)],
);
