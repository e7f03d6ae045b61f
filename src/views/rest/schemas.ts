import { z } from "@hono/zod-openapi";

/** 2.21's enums, as its `/metadata` schema lists them. */
export const viewTypes = ["TABLE", "KANBAN", "CALENDAR", "FIELDS_WIDGET", "TABLE_WIDGET"] as const;
const aggregateOperations = [
  "MIN",
  "MAX",
  "AVG",
  "SUM",
  "COUNT",
  "COUNT_UNIQUE_VALUES",
  "COUNT_EMPTY",
  "COUNT_NOT_EMPTY",
  "COUNT_TRUE",
  "COUNT_FALSE",
  "PERCENTAGE_EMPTY",
  "PERCENTAGE_NOT_EMPTY",
] as const;
const filterOperands = [
  "IS",
  "IS_NOT_NULL",
  "IS_NOT",
  "LESS_THAN_OR_EQUAL",
  "GREATER_THAN_OR_EQUAL",
  "IS_BEFORE",
  "IS_AFTER",
  "CONTAINS",
  "DOES_NOT_CONTAIN",
  "IS_EMPTY",
  "IS_NOT_EMPTY",
  "IS_RELATIVE",
  "IS_IN_PAST",
  "IS_IN_FUTURE",
  "IS_TODAY",
  "VECTOR_SEARCH",
] as const;

/** Any JSON value but absent (zod's own `z.json()` is recursive, which the OpenAPI generator cannot walk). */
const jsonValue = () => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.unknown()), z.record(z.string(), z.unknown())]);

const optional = <T extends z.ZodType>(schema: T) => schema.nullish();
const uuid = () => z.uuid();
const number = () => z.number();

const viewSettings = {
  name: z.string().min(1),
  type: optional(z.enum(viewTypes)),
  icon: z.string(),
  position: optional(number()),
  isCompact: optional(z.boolean()),
  shouldHideEmptyGroups: optional(z.boolean()),
  kanbanColumnWidth: optional(z.number().int()),
  openRecordIn: optional(z.enum(["SIDE_PANEL", "RECORD_PAGE"])),
  kanbanAggregateOperation: optional(z.enum(aggregateOperations)),
  kanbanAggregateOperationFieldMetadataId: optional(uuid()),
  anyFieldFilterValue: optional(z.string()),
  calendarLayout: optional(z.enum(["DAY", "WEEK", "MONTH"])),
  calendarFieldMetadataId: optional(uuid()),
  mainGroupByFieldMetadataId: optional(uuid()),
  visibility: optional(z.enum(["WORKSPACE", "UNLISTED"])),
};

const viewFieldSettings = {
  isVisible: optional(z.boolean()),
  size: optional(number()),
  position: optional(number()),
  aggregateOperation: optional(z.enum(aggregateOperations)),
  viewFieldGroupId: optional(uuid()),
};

const viewFilterSettings = {
  fieldMetadataId: uuid(),
  operand: optional(z.enum(filterOperands)),
  value: jsonValue(),
  viewFilterGroupId: optional(uuid()),
  positionInViewFilterGroup: optional(number()),
  subFieldName: optional(z.string()),
  relationTargetFieldMetadataId: optional(uuid()),
};

const viewFilterGroupSettings = {
  parentViewFilterGroupId: optional(uuid()),
  logicalOperator: optional(z.enum(["AND", "OR", "NOT"])),
  positionInViewFilterGroup: optional(number()),
};

const viewGroupSettings = { isVisible: optional(z.boolean()), fieldValue: z.string(), position: optional(number()) };
const viewFieldGroupSettings = { name: z.string().min(1), position: optional(number()), isVisible: optional(z.boolean()) };
const viewSortSettings = { direction: optional(z.enum(["ASC", "DESC"])), subFieldName: optional(z.string()) };

const partial = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape).partial();
const child = { id: optional(uuid()), viewId: uuid() };

/** Request bodies of `/rest/metadata/<resource>`: 2.21's create inputs, and their updatable part. */
export const viewBodies = {
  views: {
    create: z.strictObject({ id: optional(uuid()), objectMetadataId: uuid(), key: optional(z.enum(["INDEX"])), ...viewSettings }),
    update: partial(viewSettings),
  },
  viewFields: { create: z.strictObject({ ...child, fieldMetadataId: uuid(), ...viewFieldSettings }), update: partial(viewFieldSettings) },
  viewFilters: {
    create: z.strictObject({ ...child, ...viewFilterSettings }),
    update: partial({ ...viewFilterSettings, value: jsonValue().optional() }),
  },
  viewFilterGroups: { create: z.strictObject({ ...child, ...viewFilterGroupSettings }), update: partial(viewFilterGroupSettings) },
  viewGroups: {
    create: z.strictObject({ ...child, ...viewGroupSettings }),
    update: partial({ ...viewGroupSettings, fieldMetadataId: optional(uuid()) }),
  },
  viewFieldGroups: { create: z.strictObject({ ...child, ...viewFieldGroupSettings }), update: partial(viewFieldGroupSettings) },
  viewSorts: { create: z.strictObject({ ...child, fieldMetadataId: uuid(), ...viewSortSettings }), update: partial(viewSortSettings) },
} as const;

export type ViewResource = keyof typeof viewBodies;
