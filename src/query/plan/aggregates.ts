import { AppError } from "../../errors/app-error.ts";
import { compositeDefinition } from "../../field-types/registry.ts";
import { capitalize, subFieldColumn } from "../../metadata/names.ts";
import type { FieldMetadata, ObjectMetadata } from "../../metadata/types.ts";
import { ident } from "../../db/sql-text.ts";

/** How an aggregate's value is written out: counts as text (Postgres bigint, as Twenty 2.21), numbers as numbers. */
export type AggregateKind = "count" | "number" | "percent" | "date";

export interface AggregateDefinition {
  name: string;
  kind: AggregateKind;
  /** SQL over the rows of one group, `alias` naming the row. */
  sql(alias: string): string;
  field?: FieldMetadata;
}

const col = (alias: string, column: string) => `${alias}.${ident(column)}`;
/** Twenty 2.21 offers no min/max/avg/sum on positions. */
const numericTypes = new Set(["NUMBER", "NUMERIC"]);

/** "Empty" as Twenty counts it: NULL, and '' for text. */
function emptySql(field: FieldMetadata, alias: string): string {
  const composite = compositeDefinition(field.type);
  if (composite) {
    const texts = composite.subFields.filter((sub) => sub.kind === "TEXT").map((sub) => `coalesce(${col(alias, subFieldColumn(field.name, sub.name))}, '') = ''`);
    const others = composite.subFields.filter((sub) => sub.kind !== "TEXT").map((sub) => `${col(alias, subFieldColumn(field.name, sub.name))} IS NULL`);
    return `(${[...texts, ...others].join(" AND ") || "true"})`;
  }
  if (field.type === "TEXT") return `coalesce(${col(alias, field.name)}, '') = ''`;
  if (field.type === "TS_VECTOR") return `coalesce(length(${col(alias, field.name)}), 0) = 0`;
  if (field.type === "MULTI_SELECT" || field.type === "ARRAY") return `coalesce(cardinality(${col(alias, field.name)}), 0) = 0`;
  return `${col(alias, field.name)} IS NULL`;
}

/**
 * What countUniqueValues counts distinct: the column, or a composite's sub-fields together (as text, so every
 * column type compares); empty values are not a value.
 */
function distinctValueSql(field: FieldMetadata, alias: string): string {
  const composite = compositeDefinition(field.type);
  if (!composite) return field.type === "TS_VECTOR" ? `${col(alias, field.name)}::text` : col(alias, field.name);
  const parts = composite.subFields.map((sub) => `${col(alias, subFieldColumn(field.name, sub.name))}::text`);
  return `CASE WHEN NOT ${emptySql(field, alias)} THEN ROW(${parts.join(", ")})::text END`;
}

/**
 * The aggregates an object offers (Twenty §2.7): for every non-relation field countUniqueValues, countEmpty,
 * countNotEmpty, percentageEmpty, percentageNotEmpty (search vectors and composites included, as 2.21);
 * min/max for dates; min/max/avg/sum for numbers and for currency micros (`sumAmountAmountMicros`);
 * countTrue/countFalse for booleans; and totalCount.
 */
export function aggregateCatalog(object: ObjectMetadata): Map<string, AggregateDefinition> {
  const catalog = new Map<string, AggregateDefinition>();
  const add = (definition: AggregateDefinition) => catalog.set(definition.name, definition);
  add({ name: "totalCount", kind: "count", sql: () => "count(*)" });
  for (const field of object.fields) {
    if (!field.isActive || field.type === "RELATION") continue;
    const F = capitalize(field.name);
    const value = (alias: string) => col(alias, field.name);
    add({ name: `countEmpty${F}`, kind: "count", field, sql: (a) => `count(*) FILTER (WHERE ${emptySql(field, a)})` });
    add({ name: `countNotEmpty${F}`, kind: "count", field, sql: (a) => `count(*) FILTER (WHERE NOT ${emptySql(field, a)})` });
    add({ name: `percentageEmpty${F}`, kind: "percent", field, sql: (a) => `(count(*) FILTER (WHERE ${emptySql(field, a)}))::float / nullif(count(*), 0)` });
    add({ name: `percentageNotEmpty${F}`, kind: "percent", field, sql: (a) => `(count(*) FILTER (WHERE NOT ${emptySql(field, a)}))::float / nullif(count(*), 0)` });
    add({ name: `countUniqueValues${F}`, kind: "count", field, sql: (a) => `count(DISTINCT ${distinctValueSql(field, a)})` });
    if (field.type === "DATE" || field.type === "DATE_TIME") {
      add({ name: `min${F}`, kind: "date", field, sql: (a) => `min(${value(a)})` });
      add({ name: `max${F}`, kind: "date", field, sql: (a) => `max(${value(a)})` });
    }
    if (numericTypes.has(field.type)) {
      for (const op of ["min", "max", "avg", "sum"]) add({ name: `${op}${F}`, kind: "number", field, sql: (a) => `${op}(${value(a)})` });
    }
    if (field.type === "BOOLEAN") {
      add({ name: `countTrue${F}`, kind: "count", field, sql: (a) => `count(*) FILTER (WHERE ${value(a)} IS TRUE)` });
      add({ name: `countFalse${F}`, kind: "count", field, sql: (a) => `count(*) FILTER (WHERE ${value(a)} IS FALSE)` });
    }
    if (field.type === "CURRENCY") {
      const micros = subFieldColumn(field.name, "amountMicros");
      for (const op of ["min", "max", "avg", "sum"]) add({ name: `${op}${capitalize(micros)}`, kind: "number", field, sql: (a) => `${op}(${col(a, micros)})` });
    }
  }
  return catalog;
}

export function resolveAggregates(object: ObjectMetadata, names: string[]): AggregateDefinition[] {
  const catalog = aggregateCatalog(object);
  return names.map((name) => {
    const found = catalog.get(name);
    if (!found) throw new AppError(400, "UNKNOWN_AGGREGATE", `Unknown aggregate "${name}" for ${object.nameSingular}, e.g. totalCount, countNotEmptyId`);
    return found;
  });
}

/** SQL turning an aggregate into its JSON value; counts are text where Twenty writes them so (REST groupBy). */
export function aggregateValueSql(definition: AggregateDefinition, alias: string, counts: "text" | "number" = "text"): string {
  const raw = definition.sql(alias);
  switch (definition.kind) {
    case "count":
      return counts === "text" ? `(${raw})::text` : `(${raw})::int8`;
    case "date":
      return `to_char((${raw}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    default:
      return `(${raw})::float8`;
  }
}
