import { z } from "@hono/zod-openapi";
import { invalidValue, type Leaf } from "./leaf.ts";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const uuidLeaf: Leaf = {
  typeName: "UUID",
  operators: ["eq", "neq", "in", "nin", "is", "gt", "gte", "lt", "lte"],
  sqlType: "uuid",
  parse(value, field) {
    if (typeof value === "string" && uuidPattern.test(value)) return value.toLowerCase();
    throw invalidValue(`Invalid UUID value '${String(value)}' for field "${field}"`);
  },
  output: (column) => column,
  schema: () => z.string().openapi({ format: "uuid" }),
  graphql: { type: "UUID", filter: "UUIDFilter" },
};

export const booleanLeaf: Leaf = {
  typeName: "BOOLEAN",
  operators: ["eq", "neq", "is"],
  sqlType: "boolean",
  parse(value, field, source) {
    if (typeof value === "boolean") return value;
    if (source === "text" && (value === "true" || value === "false")) return value === "true";
    throw invalidValue(`Invalid boolean value '${String(value)}' for field "${field}"`);
  },
  output: (column) => column,
  schema: () => z.boolean(),
  graphql: { type: "Boolean", filter: "BooleanFilter" },
};
