import { sql, type SQL } from "drizzle-orm";
import type { Direction } from "../ast.ts";
import { aggregateValueSql, type AggregateDefinition } from "../plan/aggregates.ts";
import type { FilterPlan } from "../plan/plan-filter.ts";
import type { GroupDimension, GroupOrder } from "../plan/plan-group-by.ts";
import type { PlannedOrder } from "../plan/plan-order.ts";
import type { Selection } from "../selection.ts";
import { orderBySql } from "./keyset.ts";
import { jsonObjectSql } from "./json-object.ts";
import { recordJsonSql } from "./record-json.ts";
import { baseWhereSql, pathValueSql, tableOf, type SqlScope } from "./where.ts";

export interface GroupByPlan {
  dimensions: GroupDimension[];
  aggregates: AggregateDefinition[];
  orders: GroupOrder[];
  limit: number;
  filter?: FilterPlan;
  /** Sample records per group, when asked. */
  records?: { selection: Selection; orders: PlannedOrder[]; limit: number; offset: number };
}

const weekShift = { MONDAY: 0, SUNDAY: 1, SATURDAY: 2 } as const;

/** A dimension's value as text (empty text reads as null); dates per granularity, in the asked time zone. */
function dimensionSql(dimension: GroupDimension, alias: string): SQL {
  const column = sql.raw(pathValueSql(alias, dimension.target));
  if (!dimension.granularity) return sql`nullif(${column}::text, '')`;
  const local = dimension.field.type === "DATE_TIME" ? sql`(${column} AT TIME ZONE ${sql.param(dimension.timeZone)})` : sql`${column}::timestamp`;
  const day = (value: SQL) => sql`to_char(${value}, 'YYYY-MM-DD')`;
  switch (dimension.granularity) {
    case "NONE":
      return dimension.field.type === "DATE_TIME" ? sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : sql`${column}::text`;
    case "WEEK": {
      const shift = sql.raw(`interval '${weekShift[dimension.weekStartDay]} day'`);
      return day(sql`date_trunc('week', ${local} + ${shift}) - ${shift}`);
    }
    case "DAY":
    case "MONTH":
    case "QUARTER":
    case "YEAR":
      return day(sql`date_trunc(${sql.raw(`'${dimension.granularity.toLowerCase()}'`)}, ${local})`);
    case "DAY_OF_THE_WEEK":
      return sql`trim(to_char(${local}, 'Day'))`;
    case "MONTH_OF_THE_YEAR":
      return sql`trim(to_char(${local}, 'Month'))`;
    case "QUARTER_OF_THE_YEAR":
      return sql`'Q' || extract(quarter FROM ${local})::int`;
  }
}

function direction(value: Direction): string {
  return `${value.startsWith("Asc") ? "ASC" : "DESC"} NULLS ${value.endsWith("NullsFirst") ? "FIRST" : "LAST"}`;
}

/**
 * Groups in ONE statement: the filtered rows, grouped by the dimensions, with the asked aggregates, ordered
 * and limited, each with its dimension values (text) and, when asked, a sample of its records.
 */
export function groupBySql(scope: SqlScope, object: Selection["object"], plan: GroupByPlan): SQL {
  const t = scope.nextAlias();
  const g = "g";
  const dims = plan.dimensions.map((dimension, i) => sql`${dimensionSql(dimension, g)} AS ${sql.raw(`d${i}`)}`);
  const aggs = plan.aggregates.map((aggregate, i) => sql`${sql.raw(aggregateValueSql(aggregate, g))} AS ${sql.raw(`a${i}`)}`);
  // Aggregates the groups are ordered by are exposed as columns, since the window and the outer ORDER BY
  // can only name columns of the grouped subquery.
  const orderColumns = plan.orders.flatMap((order, i) => (order.kind === "aggregate" ? [sql`${sql.raw(order.aggregate.sql(g))} AS ${sql.raw(`o${i}`)}`] : []));
  const orderParts = plan.orders.map((order, i) => sql.raw(`${order.kind === "dimension" ? `d${order.index}` : `o${i}`} ${direction(order.direction)}`));
  const groupOrder = orderParts.length ? sql.join(orderParts, sql.raw(", ")) : sql.raw("1");
  const positions = plan.dimensions.map((_, i) => String(i + 1)).join(", ");
  const grouped = sql`SELECT ${sql.join([...dims, ...aggs, ...orderColumns], sql.raw(", "))} FROM base ${sql.raw(g)} GROUP BY ${sql.raw(positions)}`;
  const groups = sql`SELECT grouped.*, row_number() OVER (ORDER BY ${groupOrder}) AS rn FROM (${grouped}) grouped ORDER BY ${groupOrder} LIMIT ${sql.raw(String(plan.limit))}`;

  const q = "q";
  // ARRAY[...] and chunked objects: json_build_array and json_build_object take at most 100 arguments.
  const fields: SQL[] = [sql`'groupByDimensionValues', array_to_json(ARRAY[${sql.raw(plan.dimensions.map((_, i) => `${q}.d${i}`).join(", "))}]::text[])`];
  plan.aggregates.forEach((aggregate, i) => fields.push(sql`${sql.param(aggregate.name)}::text, ${sql.raw(`${q}.a${i}`)}`));
  if (plan.records) {
    const inner = scope.nextAlias();
    const record = scope.nextAlias();
    const sameGroup = plan.dimensions.map((dimension, i) => sql`${dimensionSql(dimension, inner)} IS NOT DISTINCT FROM ${sql.raw(`${q}.d${i}`)}`);
    const sample = sql`(SELECT coalesce(json_agg(${recordJsonSql(scope, plan.records.selection, record)} ORDER BY ${orderBySql(record, plan.records.orders)}), '[]'::json)
      FROM (SELECT * FROM base ${sql.raw(inner)} WHERE ${sql.join(sameGroup, sql.raw(" AND "))} ORDER BY ${orderBySql(inner, plan.records.orders)} LIMIT ${sql.raw(String(plan.records.limit))}${sql.raw(plan.records.offset ? ` OFFSET ${plan.records.offset}` : "")}) ${sql.raw(record)})`;
    fields.push(sql`'records', ${sample}`);
  }
  const base = sql`SELECT ${sql.raw(t)}.* FROM ${tableOf(scope, object.tableName)} ${sql.raw(t)} WHERE ${baseWhereSql(scope, t, plan.filter)}`;
  return sql`WITH base AS (${base}), groups AS (${groups})
    SELECT coalesce((SELECT json_agg(${jsonObjectSql(fields)} ORDER BY ${sql.raw(`${q}.rn`)}) FROM groups ${sql.raw(q)}), '[]'::json)::text AS result`;
}
