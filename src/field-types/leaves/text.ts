import { z } from "@hono/zod-openapi";
import { invalidValue, type Leaf } from "./leaf.ts";

function parseText(value: unknown, field: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw invalidValue(`Invalid text value ${JSON.stringify(value)} for field "${field}"`);
}

/** Text is never null to the outside: an absent value reads as ''. */
export const textLeaf: Leaf = {
  typeName: "TEXT",
  operators: ["eq", "neq", "in", "nin", "is", "gt", "gte", "lt", "lte", "startsWith", "endsWith", "like", "ilike"],
  sqlType: "text",
  parse: (value, field, source) => {
    if (source === "json" && typeof value !== "string") throw invalidValue(`Invalid text value ${JSON.stringify(value)} for field "${field}"`);
    return parseText(value, field);
  },
  output: (column) => `coalesce(${column}, '')`,
  schema: () => z.string(),
  emptyIsNull: true,
  graphql: { type: "String", filter: "StringFilter" },
};

/** Text that may stay null in output (the blocknote/markdown of rich text, raw label values). */
export const nullableTextLeaf: Leaf = { ...textLeaf, output: (column) => column, emptyIsNull: false, schema: () => z.string().nullable() };
