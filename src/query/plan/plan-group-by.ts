import { AppError } from "../../errors/app-error.ts";
import { isCompositeType } from "../../field-types/registry.ts";
import type { FieldMetadata, ObjectMetadata } from "../../metadata/types.ts";
import type { WorkspaceMetadata } from "../../metadata/workspace-metadata.ts";
import { directions, type Direction } from "../ast.ts";
import { resolveAggregates, type AggregateDefinition } from "./aggregates.ts";
import { activeField, resolvePath, type ResolvedPath } from "./resolve-path.ts";

export const dateGranularities = ["NONE", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR", "DAY_OF_THE_WEEK", "MONTH_OF_THE_YEAR", "QUARTER_OF_THE_YEAR"] as const;
export type DateGranularity = (typeof dateGranularities)[number];
const weekStartDays = ["MONDAY", "SUNDAY", "SATURDAY"] as const;

export interface GroupDimension {
  target: ResolvedPath;
  field: FieldMetadata;
  granularity?: DateGranularity;
  timeZone: string;
  weekStartDay: (typeof weekStartDays)[number];
}

export type GroupOrder = { kind: "dimension"; index: number; direction: Direction } | { kind: "aggregate"; aggregate: AggregateDefinition; direction: Direction };

const bad = (message: string) => new AppError(400, "INVALID_GROUP_BY", message);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function singleKey(item: unknown, what: string): [string, unknown] {
  if (!isObject(item) || Object.keys(item).length !== 1) {
    throw bad(what === "orderBy" ? "Please provide orderBy field criteria one by one in orderBy array" : `Each ${what} entry names one field, e.g. {"stage": true}`);
  }
  return Object.entries(item)[0]!;
}

function checkTimeZone(value: unknown): string {
  if (value === undefined) return "UTC";
  if (typeof value !== "string") throw bad("timeZone must be an IANA time zone name, e.g. Europe/Paris");
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value;
  } catch {
    throw bad(`Unknown time zone "${value}"`);
  }
}

/**
 * `[{"stage": true}, {"closeDate": {"granularity": "DAY_OF_THE_WEEK", "timeZone": "Europe/Paris"}},
 * {"address": {"addressCity": true}}, {"companyId": true}]` — the dimensions of a group-by.
 */
export function planDimensions(metadata: WorkspaceMetadata, object: ObjectMetadata, groupBy: unknown): GroupDimension[] {
  if (!Array.isArray(groupBy) || groupBy.length === 0) {
    throw bad(`Invalid group_by query parameter - should be a valid array of objects - ex: [{"stage":true},{"closeDate":{"granularity":"DAY"}}]`);
  }
  return groupBy.map((item) => planDimension(metadata, object, item));
}

/** One `{field: spec}` entry; a MANY_TO_ONE relation takes an entry of the related object (`{company: {name: true}}`). */
function planDimension(metadata: WorkspaceMetadata, object: ObjectMetadata, item: unknown, allowHop = true): GroupDimension {
  const [name, spec] = singleKey(item, "group_by");
  const field = activeField(object, name);
  if (field?.type === "RELATION" && allowHop) {
    const target = metadata.objectsById.get(field.relationTargetObjectMetadataId ?? "");
    if (!target || !isObject(spec)) throw bad(`Group by a field of the related record with {"${name}": {"name": true}}`);
    const inner = planDimension(metadata, target, spec, false);
    return { ...inner, target: resolvePath(metadata, object, [name, ...inner.target.key.split(".")]) };
  }
  if (field && isCompositeType(field.type)) {
    const [sub, on] = singleKey(spec, "group_by");
    if (on !== true) throw bad(`Group by a sub-field with {"${name}": {"${sub}": true}}`);
    return { target: resolvePath(metadata, object, [name, sub], false), field, timeZone: "UTC", weekStartDay: "MONDAY" as const };
  }
  const probe = resolvePath(metadata, object, [name], false);
  if (probe.field.type === "DATE" || probe.field.type === "DATE_TIME") {
    const options = spec === true ? { granularity: "NONE" } : spec;
    if (!isObject(options)) throw bad(`Group by a date with {"${name}": {"granularity": "DAY"}}`);
    const granularity = options.granularity ?? "NONE";
    if (!(dateGranularities as readonly unknown[]).includes(granularity)) throw bad(`granularity must be one of ${dateGranularities.join(", ")}`);
    const weekStartDay = options.weekStartDay ?? "MONDAY";
    if (!(weekStartDays as readonly unknown[]).includes(weekStartDay)) throw bad(`weekStartDay must be one of ${weekStartDays.join(", ")}`);
    return {
      target: probe,
      field: probe.field,
      granularity: granularity as DateGranularity,
      timeZone: checkTimeZone(options.timeZone),
      weekStartDay: weekStartDay as GroupDimension["weekStartDay"],
    };
  }
  if (spec !== true) throw bad(`Group by "${name}" with {"${name}": true}`);
  return { target: probe, field: probe.field, timeZone: "UTC", weekStartDay: "MONDAY" as const };
}

export function planGroupOrder(object: ObjectMetadata, dimensions: GroupDimension[], orderBy: unknown): GroupOrder[] {
  if (orderBy === undefined) return dimensions.map((_, index) => ({ kind: "dimension", index, direction: "AscNullsFirst" }));
  if (!Array.isArray(orderBy)) throw bad("Invalid order_by query parameter - should be a valid array of objects - ex: [{\"stage\":\"AscNullsFirst\"},{\"aggregate\":{\"totalCount\":\"DescNullsLast\"}}]");
  return orderBy.map((item): GroupOrder => {
    const [name, spec] = singleKey(item, "orderBy");
    if (name === "aggregate") {
      const [aggregate, direction] = singleKey(spec, "orderBy");
      return { kind: "aggregate", aggregate: resolveAggregates(object, [aggregate])[0]!, direction: checkDirection(direction) };
    }
    return dimensionOrder(object, dimensions, [], name, spec);
  });
}

/** `{stage: Asc…}`, `{address: {addressCity: Asc…}}`, `{createdAt: {orderBy: Asc…}}`, `{company: {name: Asc…}}`: a dimension and its direction. */
function dimensionOrder(object: ObjectMetadata, dimensions: GroupDimension[], prefix: string[], name: string, spec: unknown): GroupOrder {
  const field = activeField(object, name);
  const path = [...prefix, name];
  // Groups can only be ordered by what they are grouped by: a relation's target is the one its dimensions reached.
  const target = field?.type === "RELATION" && prefix.length === 0 ? dimensions.find((d) => d.target.via?.relation.id === field.id)?.target.via?.target : undefined;
  if (field?.type === "RELATION" && isObject(spec)) {
    const [sub, inner] = singleKey(spec, "orderBy");
    if (!target) throw bad(`Cannot order groups by "${[...path, sub].join(".")}": it is not grouped by`);
    return dimensionOrder(target, dimensions, path, sub, inner);
  }
  if (field && isCompositeType(field.type) && isObject(spec)) {
    // Two sub-fields of one composite can both be dimensions: the sub-field names which.
    const [sub, direction] = singleKey(spec, "orderBy");
    const key = [...path, sub].join(".");
    const index = dimensions.findIndex((d) => d.target.key === key);
    if (index === -1) throw bad(`Cannot order groups by "${key}": it is not grouped by`);
    return { kind: "dimension", index, direction: checkDirection(direction) };
  }
  const key = path.join(".");
  const index = dimensions.findIndex((d) => d.target.key === key || (prefix.length === 0 && !d.target.via && d.field.name === name));
  if (index === -1) throw bad(`Cannot order groups by "${key}": it is not grouped by`);
  return { kind: "dimension", index, direction: checkDirection(isObject(spec) ? spec.orderBy : spec) };
}

function checkDirection(value: unknown): Direction {
  if (!(directions as readonly unknown[]).includes(value)) throw bad(`Direction must be one of ${directions.join(", ")}`);
  return value as Direction;
}
