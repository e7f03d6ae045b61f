import { AppError } from "../../errors/app-error.ts";
import type { FieldOption, FieldType } from "../types.ts";
import { isUuid } from "../../ids/uuid.ts";

const invalid = (message: string) => new AppError(400, "INVALID_FIELD_OPTIONS", message);
const valuePattern = /^[A-Z0-9]+(?:_[A-Z0-9]+)*$/;

/** RATING ignores given options: it always has RATING_1..RATING_5, labelled 1..5. */
export function ratingOptions(): FieldOption[] {
  return [1, 2, 3, 4, 5].map((n) => ({ id: crypto.randomUUID(), label: String(n), value: `RATING_${n}`, position: n - 1, color: "gray" }));
}

/** Options of SELECT / MULTI_SELECT fields, checked with Twenty's messages; missing ids are generated. */
export function validateOptions(type: FieldType, input: unknown): FieldOption[] | null {
  if (type === "RATING") return ratingOptions();
  if (type !== "SELECT" && type !== "MULTI_SELECT") {
    if (input !== undefined && input !== null) throw invalid(`Options are only for SELECT, MULTI_SELECT and RATING fields`);
    return null;
  }
  if (!Array.isArray(input) || input.length === 0) throw invalid("Options are required for enum fields");
  const options = input.map((raw, index): FieldOption => {
    const option = (raw ?? {}) as Record<string, unknown>;
    if (option.id !== undefined && option.id !== null && !isUuid(option.id)) throw invalid("Option id is invalid");
    if (typeof option.label !== "string" || option.label.length === 0) throw invalid("Option label is required");
    if (typeof option.value !== "string" || option.value.length === 0) throw invalid("Option value is required");
    if (option.label.includes(",")) throw invalid("Label must not contain a comma");
    if (option.label.length > 63) throw invalid("Option label exceeds 63 characters");
    if (option.value.length > 63) throw invalid("Option value exceeds 63 characters");
    if (!valuePattern.test(option.value)) throw invalid(`Value must be in UPPER_CASE and follow snake_case "${option.value}"`);
    return {
      id: (option.id as string | undefined) ?? crypto.randomUUID(),
      label: option.label,
      value: option.value,
      position: typeof option.position === "number" ? option.position : index,
      color: typeof option.color === "string" ? option.color : "gray",
    };
  });
  for (const key of ["id", "label", "value"] as const) {
    if (new Set(options.map((o) => o[key])).size !== options.length) throw invalid(`Duplicated option ${key}`);
  }
  return options;
}

/** How options changed: values renamed (same option id) and values removed, for the enum migration. */
export function diffOptions(before: FieldOption[], after: FieldOption[]): { renamed: Map<string, string>; removed: string[] } {
  const renamed = new Map<string, string>();
  const removed: string[] = [];
  for (const old of before) {
    const next = after.find((o) => o.id === old.id) ?? after.find((o) => o.value === old.value);
    if (!next) removed.push(old.value);
    else if (next.value !== old.value) renamed.set(old.value, next.value);
  }
  return { renamed, removed };
}
