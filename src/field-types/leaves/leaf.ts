import type { z } from "@hono/zod-openapi";
import { AppError } from "../../errors/app-error.ts";

export const filterOperators = [
  "eq",
  "neq",
  "in",
  "nin",
  "containsAny",
  "is",
  "gt",
  "gte",
  "lt",
  "lte",
  "startsWith",
  "endsWith",
  "like",
  "ilike",
  "containsIlike",
  "isEmptyArray",
  "search",
] as const;

/**
 * A value as a message quotes it. Values come from JSON or GraphQL, where `String()` can throw (an object
 * whose `toString` is not a function), so anything but a string is shown as JSON.
 */
export const valueText = (value: unknown): string => (typeof value === "string" ? value : (JSON.stringify(value) ?? typeof value));

export type FilterOperator = (typeof filterOperators)[number];

/** Where a value is read: REST query strings carry text, JSON bodies and GraphQL carry typed values. */
export type ValueSource = "text" | "json";

/**
 * A leaf is one column's worth of behaviour: the operators it can be filtered with, how an operand or an
 * input value is read and checked, the SQL type parameters are cast to, and how it is written out as JSON.
 * Scalar field types are one leaf; a composite field is one leaf per sub-field.
 */
export interface Leaf {
  /** The type named in error messages: TEXT, NUMBER, DATE_TIME... */
  typeName: string;
  operators: readonly FilterOperator[];
  /** Cast for bound parameters: `text`, `uuid`, `timestamptz`, a qualified enum type... */
  sqlType: string;
  /** Reads one operand (filter, cursor or input), throwing a 400 that names the field. */
  parse(value: unknown, field: string, source: ValueSource): unknown;
  /** SQL of the column's JSON value in a record. */
  output(column: string): string;
  /** SQL the column is ordered by (enums sort by value text, as Twenty does). */
  orderBy?(column: string): string;
  /** Empty text counts as absent: `is NULL` and `eq ""` match it (Twenty 2.21). */
  emptyIsNull?: boolean;
  /** The value's schema in OpenAPI documents. */
  schema(): z.ZodType;
  /** The column holds an array (MULTI_SELECT, ARRAY): `containsAny` and friends apply to it. */
  isArray?: boolean;
  /**
   * The value's GraphQL scalar (of one element, for arrays), its filter input and the type of that input's
   * operands when it differs (POSITION filters with Float). Enum leaves have none: their types are named
   * after the field that owns them.
   */
  graphql?: { type: string; filter: string; operand?: string };
}

export const invalidValue = (message: string) => new AppError(400, "INVALID_FILTER_VALUE", message);

export const commonOperators = ["eq", "neq", "in", "nin", "is", "gt", "gte", "lt", "lte"] as const satisfies readonly FilterOperator[];
