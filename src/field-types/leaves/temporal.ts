import { z } from "@hono/zod-openapi";
import { invalidValue, type Leaf, valueText } from "./leaf.ts";

const dateTimePattern = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** `2025-02-30` matches the pattern and `Date.parse` rolls it over; Postgres refuses it. The day must exist. */
export function isCalendarDate(text: string): boolean {
  const day = text.slice(0, 10);
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

/** `Date.parse` wants ISO: a `T` between date and time, and minutes in the offset (Postgres writes `+00`). */
const isoText = (value: string) => value.replace(" ", "T").replace(/([+-]\d{2})$/, "$1:00");

export const dateTimeLeaf: Leaf = {
  typeName: "DATE_TIME",
  operators: ["eq", "neq", "in", "nin", "is", "gt", "gte", "lt", "lte"],
  sqlType: "timestamptz",
  parse(value, field) {
    if (typeof value === "string" && dateTimePattern.test(value) && isCalendarDate(value) && !Number.isNaN(Date.parse(isoText(value)))) return value;
    throw invalidValue(`Invalid value '${valueText(value)}' for date-time field "${field}". Expected format: 'YYYY-MM-DDTHH:mm:ssZ'`);
  },
  // Twenty writes ISO instants with milliseconds, in UTC.
  output: (column) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  schema: () => z.string().openapi({ format: "date-time" }),
  graphql: { type: "DateTime", filter: "DateTimeFilter" },
};

export const dateLeaf: Leaf = {
  typeName: "DATE",
  operators: ["eq", "neq", "in", "nin", "is", "gt", "gte", "lt", "lte"],
  sqlType: "date",
  parse(value, field) {
    if (typeof value === "string" && datePattern.test(value) && isCalendarDate(value)) return value;
    throw invalidValue(`Invalid value '${valueText(value)}' for date field "${field}". Expected format: 'YYYY-MM-DD'`);
  },
  output: (column) => `to_char(${column}, 'YYYY-MM-DD')`,
  schema: () => z.string().openapi({ format: "date" }),
  graphql: { type: "Date", filter: "DateFilter" },
};
