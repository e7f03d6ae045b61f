import { viewFieldGroups, viewFields, viewFilterGroups, viewFilters, viewGroups, views, viewSorts } from "../../drizzle/schema/index.ts";

export type ViewEntityKind = "view" | "viewField" | "viewFieldGroup" | "viewFilter" | "viewFilterGroup" | "viewGroup" | "viewSort";

export type ViewTable =
  | typeof views
  | typeof viewFields
  | typeof viewFieldGroups
  | typeof viewFilters
  | typeof viewFilterGroups
  | typeof viewGroups
  | typeof viewSorts;

/** One of the seven view tables, and what its row may point at. */
export interface ViewEntity {
  kind: ViewEntityKind;
  /** As messages name it: `View field not found`. */
  label: string;
  table: ViewTable;
  /** Columns naming a field; all but `relationTargetFieldMetadataId` must be fields of the view's object. */
  fieldRefs: readonly string[];
  /** Columns naming another row of the same view. */
  siblingRefs: Readonly<Record<string, ViewEntityKind>>;
  /** Columns an update never changes. */
  fixed: readonly string[];
}

const fixed = ["id", "workspaceId", "viewId", "objectMetadataId", "createdAt", "updatedAt", "deletedAt", "isCustom", "createdByUserWorkspaceId"];

export const viewEntities: Record<ViewEntityKind, ViewEntity> = {
  view: {
    kind: "view",
    label: "View",
    table: views,
    fieldRefs: ["kanbanAggregateOperationFieldMetadataId", "mainGroupByFieldMetadataId", "calendarFieldMetadataId"],
    siblingRefs: {},
    fixed: [...fixed, "key"],
  },
  viewField: {
    kind: "viewField",
    label: "View field",
    table: viewFields,
    fieldRefs: ["fieldMetadataId"],
    siblingRefs: { viewFieldGroupId: "viewFieldGroup" },
    fixed: [...fixed, "fieldMetadataId"],
  },
  viewFieldGroup: { kind: "viewFieldGroup", label: "View field group", table: viewFieldGroups, fieldRefs: [], siblingRefs: {}, fixed },
  viewFilter: {
    kind: "viewFilter",
    label: "View filter",
    table: viewFilters,
    fieldRefs: ["fieldMetadataId", "relationTargetFieldMetadataId"],
    siblingRefs: { viewFilterGroupId: "viewFilterGroup" },
    fixed,
  },
  viewFilterGroup: {
    kind: "viewFilterGroup",
    label: "View filter group",
    table: viewFilterGroups,
    fieldRefs: [],
    siblingRefs: { parentViewFilterGroupId: "viewFilterGroup" },
    fixed,
  },
  viewGroup: { kind: "viewGroup", label: "View group", table: viewGroups, fieldRefs: ["fieldMetadataId"], siblingRefs: {}, fixed },
  viewSort: { kind: "viewSort", label: "View sort", table: viewSorts, fieldRefs: ["fieldMetadataId"], siblingRefs: {}, fixed: [...fixed, "fieldMetadataId"] },
};

/** The children a view lists, in 2.21's `View` field order. */
export const viewChildren = {
  viewFields: viewEntities.viewField,
  viewFilters: viewEntities.viewFilter,
  viewFilterGroups: viewEntities.viewFilterGroup,
  viewSorts: viewEntities.viewSort,
  viewGroups: viewEntities.viewGroup,
  viewFieldGroups: viewEntities.viewFieldGroup,
} as const;
