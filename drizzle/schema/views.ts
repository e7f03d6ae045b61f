import { sql } from "drizzle-orm";
import { boolean, doublePrecision, index, integer, jsonb, text, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { core, createdAt, id, timestampTz, updatedAt } from "./core.ts";
import { fieldMetadata } from "./field-metadata.ts";
import { objectMetadata } from "./object-metadata.ts";
import { workspaces } from "./workspaces.ts";

const workspaceId = () =>
  uuid("workspaceId")
    .notNull()
    .references(() => workspaces.id, { onDelete: "cascade" });
/** A field a view row stands on: deleting the field deletes the row, as deleting the object deletes the view. */
const fieldId = (name: string) => uuid(name).references(() => fieldMetadata.id, { onDelete: "cascade" });
const viewId = () =>
  uuid("viewId")
    .notNull()
    .references(() => views.id, { onDelete: "cascade" });
const deletedAt = () => timestampTz("deletedAt");

/** Saved views (Twenty's core metadata since v1): per workspace, on one object. */
export const views = core.table(
  "view",
  {
    id: id(),
    workspaceId: workspaceId(),
    objectMetadataId: uuid("objectMetadataId")
      .notNull()
      .references(() => objectMetadata.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    type: text("type").notNull().default("TABLE"),
    key: text("key"),
    icon: text("icon").notNull(),
    position: doublePrecision("position").notNull().default(0),
    isCompact: boolean("isCompact").notNull().default(false),
    isCustom: boolean("isCustom").notNull().default(true),
    openRecordIn: text("openRecordIn").notNull().default("SIDE_PANEL"),
    kanbanAggregateOperation: text("kanbanAggregateOperation"),
    // Twenty keeps the view and clears its kanban aggregate when that field goes away.
    kanbanAggregateOperationFieldMetadataId: uuid("kanbanAggregateOperationFieldMetadataId").references(() => fieldMetadata.id, { onDelete: "set null" }),
    // A view grouped by, or laid out on the calendar of, a deleted field goes with it (as in Twenty).
    mainGroupByFieldMetadataId: fieldId("mainGroupByFieldMetadataId"),
    shouldHideEmptyGroups: boolean("shouldHideEmptyGroups").notNull().default(false),
    kanbanColumnWidth: integer("kanbanColumnWidth"),
    calendarFieldMetadataId: fieldId("calendarFieldMetadataId"),
    anyFieldFilterValue: text("anyFieldFilterValue"),
    calendarLayout: text("calendarLayout"),
    visibility: text("visibility").notNull().default("WORKSPACE"),
    createdByUserWorkspaceId: uuid("createdByUserWorkspaceId"),
    isActive: boolean("isActive").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index("view_workspace_object_idx").on(t.workspaceId, t.objectMetadataId)],
);

export const viewFieldGroups = core.table(
  "viewFieldGroup",
  {
    id: id(),
    workspaceId: workspaceId(),
    viewId: viewId(),
    name: text("name").notNull(),
    position: doublePrecision("position").notNull().default(0),
    isVisible: boolean("isVisible").notNull().default(true),
    isActive: boolean("isActive").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index("viewFieldGroup_view_idx").on(t.viewId)],
);

export const viewFields = core.table(
  "viewField",
  {
    id: id(),
    workspaceId: workspaceId(),
    viewId: viewId(),
    fieldMetadataId: fieldId("fieldMetadataId").notNull(),
    isVisible: boolean("isVisible").notNull().default(true),
    size: doublePrecision("size").notNull().default(0),
    position: doublePrecision("position").notNull().default(0),
    aggregateOperation: text("aggregateOperation"),
    viewFieldGroupId: uuid("viewFieldGroupId").references(() => viewFieldGroups.id, { onDelete: "set null" }),
    isActive: boolean("isActive").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    index("viewField_view_idx").on(t.viewId),
    index("viewField_workspace_idx").on(t.workspaceId),
    uniqueIndex("viewField_view_field_key").on(t.viewId, t.fieldMetadataId).where(sql`"deletedAt" IS NULL`),
  ],
);

export const viewFilterGroups = core.table(
  "viewFilterGroup",
  {
    id: id(),
    workspaceId: workspaceId(),
    viewId: viewId(),
    parentViewFilterGroupId: uuid("parentViewFilterGroupId").references((): AnyPgColumn => viewFilterGroups.id, { onDelete: "cascade" }),
    logicalOperator: text("logicalOperator").notNull().default("AND"),
    positionInViewFilterGroup: doublePrecision("positionInViewFilterGroup"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index("viewFilterGroup_view_idx").on(t.viewId)],
);

export const viewFilters = core.table(
  "viewFilter",
  {
    id: id(),
    workspaceId: workspaceId(),
    viewId: viewId(),
    fieldMetadataId: fieldId("fieldMetadataId").notNull(),
    operand: text("operand").notNull().default("IS"),
    value: jsonb("value").notNull(),
    viewFilterGroupId: uuid("viewFilterGroupId").references(() => viewFilterGroups.id, { onDelete: "cascade" }),
    positionInViewFilterGroup: doublePrecision("positionInViewFilterGroup"),
    subFieldName: text("subFieldName"),
    relationTargetFieldMetadataId: fieldId("relationTargetFieldMetadataId"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index("viewFilter_view_idx").on(t.viewId)],
);

export const viewGroups = core.table(
  "viewGroup",
  {
    id: id(),
    workspaceId: workspaceId(),
    viewId: viewId(),
    fieldMetadataId: fieldId("fieldMetadataId"),
    isVisible: boolean("isVisible").notNull().default(true),
    fieldValue: text("fieldValue").notNull(),
    position: doublePrecision("position").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index("viewGroup_view_idx").on(t.viewId)],
);

export const viewSorts = core.table(
  "viewSort",
  {
    id: id(),
    workspaceId: workspaceId(),
    viewId: viewId(),
    fieldMetadataId: fieldId("fieldMetadataId").notNull(),
    direction: text("direction").notNull().default("ASC"),
    subFieldName: text("subFieldName"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index("viewSort_view_idx").on(t.viewId)],
);
