import { sql, type SQL } from "drizzle-orm";
import type { FilterOperator, Leaf } from "../../field-types/leaves/leaf.ts";

const cast = (value: unknown, type: string) => sql`${sql.param(value)}::${sql.raw(type)}`;
const castList = (values: unknown[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}[]`;
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Terms of a prefix search: each word must start a word of the text (`jo ma` finds "John Martin"). */
export function searchQuery(text: string): string {
  return text
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}@._-]/gu, ""))
    .filter((word) => word !== "")
    .map((word) => `'${word.replaceAll("'", "''")}':*`)
    .join(" & ");
}

/**
 * One condition on one column, for every operator. Text treats '' like NULL (`is NULL` and `eq ""` match
 * it); record inputs and column defaults write '' rather than NULL text, so text conditions decide and
 * negations (`neq`, `nin`, `not()`) keep empty text. Other types follow SQL, as Twenty does: a NULL number,
 * date or enum matches neither a condition nor its negation.
 */
export function conditionSql(column: string, leaf: Leaf, operator: FilterOperator, operand: unknown): SQL {
  const col = sql.raw(column);
  const type = leaf.sqlType;
  if (leaf.isArray) return arrayConditionSql(col, type, operator, operand);
  switch (operator) {
    case "eq":
      if (leaf.emptyIsNull && operand === "") return sql`(${col} IS NULL OR ${col} = '')`;
      return sql`${col} = ${cast(operand, type)}`;
    case "neq":
      if (leaf.emptyIsNull && operand === "") return sql`(${col} IS NOT NULL AND ${col} <> '')`;
      return leaf.emptyIsNull ? sql`${col} IS DISTINCT FROM ${cast(operand, type)}` : sql`${col} <> ${cast(operand, type)}`;
    case "gt":
      return sql`${col} > ${cast(operand, type)}`;
    case "gte":
      return sql`${col} >= ${cast(operand, type)}`;
    case "lt":
      return sql`${col} < ${cast(operand, type)}`;
    case "lte":
      return sql`${col} <= ${cast(operand, type)}`;
    case "in":
    case "containsAny":
      return sql`${col} = ANY(${castList(operand as unknown[], type)})`;
    case "nin":
      if (leaf.emptyIsNull) return sql`NOT coalesce(${col} = ANY(${castList(operand as unknown[], type)}), false)`;
      return sql`NOT (${col} = ANY(${castList(operand as unknown[], type)}))`;
    case "is":
      if (operand === "NULL") return leaf.emptyIsNull ? sql`(${col} IS NULL OR ${col} = '')` : sql`${col} IS NULL`;
      return leaf.emptyIsNull ? sql`(${col} IS NOT NULL AND ${col} <> '')` : sql`${col} IS NOT NULL`;
    case "like":
      return sql`${col}::text LIKE ${sql.param(operand)}`;
    case "ilike":
      return sql`${col}::text ILIKE ${sql.param(operand)}`;
    case "startsWith":
      return sql`${col}::text LIKE ${sql.param(`${escapeLike(String(operand))}%`)}`;
    case "endsWith":
      return sql`${col}::text LIKE ${sql.param(`%${escapeLike(String(operand))}`)}`;
    case "search": {
      const terms = searchQuery(String(operand));
      if (terms === "") return sql`true`;
      return sql`${col} @@ to_tsquery('simple', public.unaccent_immutable(${sql.param(terms)}))`;
    }
    default:
      throw new Error(`operator ${operator} has no SQL for ${leaf.typeName}`);
  }
}

function arrayConditionSql(col: SQL, type: string, operator: FilterOperator, operand: unknown): SQL {
  switch (operator) {
    case "eq":
      return sql`${cast(operand, type)} = ANY(${col})`;
    case "neq":
      return sql`NOT coalesce(${cast(operand, type)} = ANY(${col}), false)`;
    case "containsAny":
    case "in":
      return sql`${col}::text[] && ${castList(operand as unknown[], "text")}`;
    case "nin":
      return sql`NOT coalesce(${col}::text[] && ${castList(operand as unknown[], "text")}, false)`;
    case "is":
      return operand === "NULL" ? sql`${col} IS NULL` : sql`${col} IS NOT NULL`;
    case "isEmptyArray":
      return operand ? sql`coalesce(cardinality(${col}), 0) = 0` : sql`cardinality(${col}) > 0`;
    case "containsIlike":
      return sql`EXISTS (SELECT 1 FROM unnest(${col}) AS element WHERE element::text ILIKE ${sql.param(operand)})`;
    default:
      throw new Error(`operator ${operator} has no SQL for arrays`);
  }
}
