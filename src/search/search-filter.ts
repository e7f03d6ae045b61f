import { sql, type SQL } from "drizzle-orm";
import { ident } from "../db/sql-text.ts";
import { uuidLeaf } from "../field-types/leaves/identity.ts";
import type { FilterOperator, Leaf } from "../field-types/leaves/leaf.ts";
import { dateTimeLeaf } from "../field-types/leaves/temporal.ts";
import { AppError } from "../errors/app-error.ts";
import { conditionSql } from "../query/sql/condition.ts";

type Operand = string;
export type SearchFieldFilter = Partial<Record<FilterOperator, Operand | Operand[] | null>>;

/** `ObjectRecordFilterInput`: only the fields every object has, so one filter applies to all of them. */
export interface SearchRecordFilter {
  and?: SearchRecordFilter[] | null;
  or?: SearchRecordFilter[] | null;
  not?: SearchRecordFilter | null;
  id?: SearchFieldFilter | null;
  createdAt?: SearchFieldFilter | null;
  updatedAt?: SearchFieldFilter | null;
  deletedAt?: SearchFieldFilter | null;
}

const leaves: Record<"id" | "createdAt" | "updatedAt" | "deletedAt", Leaf> = {
  id: uuidLeaf,
  createdAt: dateTimeLeaf,
  updatedAt: dateTimeLeaf,
  deletedAt: dateTimeLeaf,
};
const fieldNames = Object.keys(leaves) as Array<keyof typeof leaves>;

function operandOf(leaf: Leaf, field: string, operator: FilterOperator, value: Operand | Operand[]): unknown {
  if (operator === "is") {
    if (value === "NULL" || value === "NOT_NULL") return value;
    throw new AppError(400, "INVALID_FILTER_VALUE", `Invalid filter value for "is" operator. Expected "NULL" or "NOT_NULL"`);
  }
  if (operator === "in" || operator === "nin") {
    if (!Array.isArray(value)) throw new AppError(400, "INVALID_FILTER_VALUE", `Operator "${operator}" expects a list for field "${field}"`);
    return value.map((item) => leaf.parse(item, field, "json"));
  }
  if (Array.isArray(value)) throw new AppError(400, "INVALID_FILTER_VALUE", `Operator "${operator}" expects one value for field "${field}"`);
  return leaf.parse(value, field, "json");
}

function fieldSql(alias: string, field: keyof typeof leaves, filter: SearchFieldFilter): SQL[] {
  const leaf = leaves[field];
  return Object.entries(filter)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([operator, value]) => {
      if (!leaf.operators.includes(operator as FilterOperator)) {
        throw new AppError(400, "INVALID_FILTER_OPERATOR", `Operator "${operator}" is not valid for field "${field}" - Allowed operators: ${leaf.operators.join(", ")}`);
      }
      const op = operator as FilterOperator;
      return conditionSql(`${alias}.${ident(field)}`, leaf, op, operandOf(leaf, field, op, value!));
    });
}

/**
 * The filter as a condition over `alias`, with the query core's meaning: fields and operators of one
 * object AND together, and `not` keeps what its inner condition cannot decide (NULLs), as REST does.
 */
export function searchFilterSql(alias: string, filter: SearchRecordFilter): SQL {
  const parts: SQL[] = [];
  for (const field of fieldNames) {
    const fieldFilter = filter[field];
    if (fieldFilter) parts.push(...fieldSql(alias, field, fieldFilter));
  }
  if (filter.and) parts.push(filter.and.length ? sql`(${sql.join(filter.and.map((child) => searchFilterSql(alias, child)), sql` AND `)})` : sql`true`);
  if (filter.or) parts.push(filter.or.length ? sql`(${sql.join(filter.or.map((child) => searchFilterSql(alias, child)), sql` OR `)})` : sql`false`);
  if (filter.not) parts.push(sql`NOT coalesce(${searchFilterSql(alias, filter.not)}, false)`);
  return parts.length ? sql`(${sql.join(parts, sql` AND `)})` : sql`true`;
}

/** A filter that names `deletedAt` asks for soft-deleted records too; otherwise they are never found. */
export function filterMentionsDeletedAt(filter: SearchRecordFilter | null | undefined): boolean {
  if (!filter) return false;
  if (filter.deletedAt) return true;
  return [...(filter.and ?? []), ...(filter.or ?? []), ...(filter.not ? [filter.not] : [])].some(filterMentionsDeletedAt);
}
