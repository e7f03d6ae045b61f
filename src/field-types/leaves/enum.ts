import { z } from "@hono/zod-openapi";
import { invalidValue, type Leaf } from "./leaf.ts";

function parseOption(values: readonly string[]) {
  return (value: unknown, field: string) => {
    if (typeof value === "string" && values.includes(value)) return value;
    throw invalidValue(`Invalid value ${JSON.stringify(value)} for field "${field}". Valid values are: ${values.join(", ")}`);
  };
}

/** SELECT, RATING and enum sub-fields: one of the field's option values. */
export function enumLeaf(typeName: string, values: readonly string[], sqlType: string): Leaf {
  return {
    typeName,
    operators: ["eq", "neq", "in", "nin", "containsAny", "is"],
    sqlType,
    parse: parseOption(values),
    output: (column) => column,
    orderBy: (column) => `${column}::text`,
    schema: () => z.enum(values as [string, ...string[]]),
  };
}

/** MULTI_SELECT: a set of option values; operands are single values (`containsAny` takes several). */
export function enumArrayLeaf(values: readonly string[], sqlType: string): Leaf {
  return {
    typeName: "MULTI_SELECT",
    operators: ["containsAny", "is", "isEmptyArray", "eq", "neq"],
    sqlType,
    parse: parseOption(values),
    output: (column) => column,
    orderBy: (column) => `${column}::text`,
    schema: () => z.array(z.enum(values as [string, ...string[]])),
    isArray: true,
  };
}
