import { AppError } from "../../errors/app-error.ts";
import { valueText, type Leaf } from "../leaves/leaf.ts";
import { invalidInput } from "./input-errors.ts";
import { checkTextSize } from "./input-limits.ts";

/** A value as Twenty quotes it in input messages: text in single quotes, anything else as JSON (`1`, `[]`, `{}`). */
export const shown = (value: unknown): string => (typeof value === "string" ? `'${value}'` : valueText(value));

/** Twenty 2.21's wording for a record input value its field type refuses, by the leaf's type. */
function wrongValue(leaf: Leaf, value: unknown, key: string): string | undefined {
  switch (leaf.typeName) {
    case "TEXT":
    case "ARRAY":
      return `Invalid string value ${shown(value)} for text field "${key}"`;
    case "NUMBER":
    case "NUMERIC":
    case "POSITION":
      return `Invalid number value ${shown(value)} for field "${key}"`;
    case "BOOLEAN":
      return `Invalid boolean value ${shown(value)} for field "${key}"`;
    case "UUID":
      return `Invalid UUID value ${shown(value)} for field "${key}"`;
    case "DATE_TIME":
    case "DATE":
      return `Invalid value ${shown(value)} for date or date-time field "${key}"`;
    default:
      // Enums: a value that is not text at all is refused as text; an unknown option keeps its own message.
      return typeof value === "string" ? undefined : `Invalid string value ${shown(value)} for text field "${key}"`;
  }
}

/**
 * Reads one record input value through its leaf, refusing it in Twenty's input words rather than the filter
 * words the leaf uses (`Invalid string value 1 for text field "name"`), always as a record input error;
 * text over the configured cap is refused too.
 */
export function parseInputValue(leaf: Leaf, value: unknown, key: string): unknown {
  let parsed: unknown;
  try {
    parsed = leaf.parse(value, key, "json");
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw invalidInput(wrongValue(leaf, value, key) ?? error.message);
  }
  if (typeof parsed === "string") checkTextSize(parsed, key);
  return parsed;
}

/** A composite field given something other than an object of sub-fields. */
export const notAnObject = (value: unknown, key: string) => invalidInput(`Invalid object value ${shown(value)} for field "${key}"`);
