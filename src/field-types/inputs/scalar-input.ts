import type { FieldMetadata } from "../../metadata/types.ts";
import type { ColumnValue, InputContext } from "../field-type.ts";
import type { Leaf } from "../leaves/leaf.ts";
import { invalidInput } from "./input-errors.ts";
import { parseInputValue } from "./input-messages.ts";

/**
 * One value for a one-column field. JSON input is typed strictly (a string for a number is a 400, not
 * coerced); null is accepted where the field is nullable, and text reads null as ''.
 */
export function scalarInput(leaf: Leaf) {
  return (field: FieldMetadata, value: unknown, context: InputContext): ColumnValue[] => {
    const column = { column: field.name, cast: leaf.isArray ? `${leaf.sqlType}[]` : leaf.sqlType };
    if (value === null) {
      if (leaf.typeName === "TEXT") return [{ ...column, value: "" }];
      if (!field.isNullable) throw invalidInput(`Field "${context.key}" cannot be null`);
      return [{ ...column, value: null }];
    }
    if (leaf.isArray) {
      if (!Array.isArray(value)) throw invalidInput(`Field "${context.key}" takes a list, got ${JSON.stringify(value)}`);
      return [{ ...column, value: value.map((item) => parseInputValue(leaf, item, context.key)) }];
    }
    if (leaf.typeName === "RAW_JSON") return [{ ...column, value: JSON.stringify(value) }];
    return [{ ...column, value: parseInputValue(leaf, value, context.key) }];
  };
}
