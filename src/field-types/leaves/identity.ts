import { z } from "@hono/zod-openapi";
import { invalidValue, type Leaf, valueText } from "./leaf.ts";
import { isUuid } from "../../ids/uuid.ts";


export const uuidLeaf: Leaf = {
  typeName: "UUID",
  operators: ["eq", "neq", "in", "nin", "is", "gt", "gte", "lt", "lte"],
  sqlType: "uuid",
  parse(value, field) {
    if (isUuid(value)) return value.toLowerCase();
    throw invalidValue(`Invalid UUID value '${valueText(value)}' for field "${field}"`);
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
    throw invalidValue(`Invalid boolean value '${valueText(value)}' for field "${field}"`);
  },
  output: (column) => column,
  schema: () => z.boolean(),
  graphql: { type: "Boolean", filter: "BooleanFilter" },
};
