import { AppError } from "../../errors/app-error.ts";
import { compositeDefinition } from "../../field-types/registry.ts";
import type { FieldOption, FieldType } from "../types.ts";

const invalid = (message: string) => new AppError(400, "INVALID_DEFAULT_VALUE", message);
const quoted = (value: unknown): value is string => typeof value === "string" && value.length >= 2 && value.startsWith("'") && value.endsWith("'");
const inner = (value: string) => value.slice(1, -1);

/**
 * A field's default, SQL-literal style as metadata keeps it (`"'NEW'"`, `"now"`, `0`, `true`,
 * `{ amountMicros: null, currencyCode: "'EUR'" }`), checked against its type; undefined takes the type's.
 */
export function validateDefaultValue(type: FieldType, value: unknown, options: FieldOption[] | null): unknown {
  if (value === undefined) return type === "TEXT" ? "''" : null;
  if (value === null) return null;
  const composite = compositeDefinition(type);
  if (composite) {
    if (typeof value !== "object" || Array.isArray(value)) throw invalid(`Default value of a ${type} field must be an object of sub-field defaults`);
    for (const [key, sub] of Object.entries(value as Record<string, unknown>)) {
      const definition = composite.subFields.find((s) => s.name === key);
      if (!definition) throw invalid(`Invalid subfield ${key} for ${type} default value`);
      if (sub === null) continue;
      if (definition.kind === "NUMERIC" ? typeof sub !== "number" : !quoted(sub)) throw invalid(`Default value of ${key} should be ${definition.kind === "NUMERIC" ? "a number" : "as quoted string"}`);
    }
    return value;
  }
  switch (type) {
    case "TEXT":
      if (!quoted(value)) throw invalid("Default value should be as quoted string");
      return value;
    case "NUMBER":
    case "NUMERIC":
    case "POSITION":
      if (typeof value !== "number" || !Number.isFinite(value)) throw invalid("Default value should be a number");
      return value;
    case "BOOLEAN":
      if (typeof value !== "boolean") throw invalid("Default value should be a boolean");
      return value;
    case "DATE_TIME":
    case "DATE":
      if (value !== "now" && !(quoted(value) && !Number.isNaN(Date.parse(inner(value))))) throw invalid(`Default value should be "now" or a quoted date`);
      return value;
    case "UUID":
      if (value !== "uuid" && !(quoted(value) && /^[0-9a-f-]{36}$/i.test(inner(value)))) throw invalid(`Default value should be "uuid" or a quoted UUID`);
      return value;
    case "SELECT":
    case "RATING":
      if (!quoted(value)) throw invalid("Default value should be as quoted string");
      if (!options?.some((o) => o.value === inner(value))) throw invalid(`Default value "${inner(value)}" must be one of the option values`);
      return value;
    case "MULTI_SELECT":
      if (!Array.isArray(value) || !value.every(quoted)) throw invalid("Default value for multi-select must be a stringified array");
      for (const item of value) if (!options?.some((o) => o.value === inner(item))) throw invalid(`Default value "${inner(item)}" must be one of the option values`);
      return value;
    default:
      throw invalid(`${type} fields take no default value`);
  }
}
