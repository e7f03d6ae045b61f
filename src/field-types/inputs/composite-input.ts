import { subFieldColumn } from "../../metadata/names.ts";
import type { FieldMetadata } from "../../metadata/types.ts";
import type { ColumnValue, FieldLeaf, InputContext } from "../field-type.ts";
import { invalidInput } from "./input-errors.ts";
import { notAnObject, parseInputValue } from "./input-messages.ts";

/** Per-type clean-up of a composite input before it is split into columns (links, emails...). */
export type CompositeNormalizer = (value: Record<string, unknown>, key: string) => Record<string, unknown>;

/**
 * An object of sub-field values: unknown sub-fields are refused by name, server-owned ones (hidden on input)
 * too; only the given sub-fields are written, so an update can change `name.lastName` alone.
 */
export function compositeInput(leaves: (field: FieldMetadata, context: InputContext) => FieldLeaf[], normalize?: CompositeNormalizer) {
  return (field: FieldMetadata, value: unknown, context: InputContext): ColumnValue[] => {
    const all = leaves(field, context);
    if (value === null) {
      if (!field.isNullable) throw invalidInput(`Field "${context.key}" cannot be null`);
      return all.filter((l) => !l.hiddenOnInput).map((l) => ({ column: l.column, value: l.leaf.typeName === "TEXT" && l.leaf.emptyIsNull ? "" : null, cast: l.leaf.sqlType }));
    }
    if (typeof value !== "object" || Array.isArray(value)) throw notAnObject(value, context.key);
    const given = normalize ? normalize(value as Record<string, unknown>, context.key) : (value as Record<string, unknown>);
    return Object.entries(given).map(([subField, subValue]) => {
      const leaf = all.find((l) => l.subField === subField);
      if (!leaf) throw invalidInput(`Invalid subfield ${subField} for ${field.type.toLowerCase()} field "${field.name}"`);
      if (leaf.hiddenOnInput) throw invalidInput(`${context.key}.${subField} is set by the server`);
      const key = `${context.key}.${subField}`;
      const column = subFieldColumn(field.name, subField);
      if (subValue === null || subValue === undefined) return { column, value: leaf.leaf.emptyIsNull ? "" : null, cast: leaf.leaf.sqlType };
      if (leaf.leaf.typeName === "RAW_JSON") return { column, value: JSON.stringify(subValue), cast: "jsonb" };
      return { column, value: parseInputValue(leaf.leaf, subValue, key), cast: leaf.leaf.sqlType };
    });
  };
}
