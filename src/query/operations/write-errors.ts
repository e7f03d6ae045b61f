import { backstopMessage } from "../../db/database-errors.ts";
import { pgErrorCode } from "../../db/pg-errors.ts";
import { AppError } from "../../errors/app-error.ts";
import { fieldColumns } from "../../metadata/ddl/object-columns.ts";
import type { ObjectMetadata } from "../../metadata/types.ts";

function pgField(error: unknown, name: "detail" | "constraint" | "column" | "message"): string | undefined {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const value = (current as Record<string, unknown>)[name];
    // Only Postgres's own message: a wrapper's (the driver's, Drizzle's) quotes the statement and its values.
    const own = (current as { code?: unknown }).code;
    if (typeof value === "string" && (name !== "message" || (typeof own === "string" && /^[0-9A-Z]{5}$/.test(own)))) return value;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The field owning a physical column, for messages in the caller's words. */
function fieldLabel(object: ObjectMetadata | undefined, column: string): string | undefined {
  if (!object) return undefined;
  return object.fields.find((field) => fieldColumns(field, object, "").some((c) => c.name === column))?.label;
}

/**
 * Database refusals a caller can cause (duplicates, dangling references, missing values, malformed literals)
 * become 400s with Twenty's wording where it has one; anything else stays an internal error.
 */
export function translateWriteError(error: unknown, object?: ObjectMetadata): unknown {
  const code = pgErrorCode(error);
  const detail = pgField(error, "detail") ?? "";
  const keyed = /^Key \("?([^)"]+)"?\)=\((.*)\) (?:already exists|is not present in table)/.exec(detail);
  switch (code) {
    case "23505": {
      if (keyed && keyed[1] !== "id") {
        const label = fieldLabel(object, keyed[1]!);
        if (label) return new AppError(400, "DUPLICATE_ENTRY", `Duplicate ${label} with value ${keyed[2]}. Please set a unique one.`);
      }
      return new AppError(400, "DUPLICATE_ENTRY", "A duplicate entry was detected");
    }
    case "23503":
      return new AppError(400, "RELATED_RECORD_NOT_FOUND", keyed ? `No record with id ${keyed[2]} exists for "${keyed[1]}"` : "A related record does not exist");
    case "23502":
      return new AppError(400, "FIELD_REQUIRED", `Field "${pgField(error, "column") ?? "?"}" cannot be empty`);
    default:
      // Other integrity refusals (a check constraint) are the caller's too; data exceptions (class 22) are
      // answered by the database-error backstop. Neither repeats Postgres' message, which quotes values.
      if (code?.startsWith("23")) return new AppError(400, "INVALID_VALUE", backstopMessage);
      return error;
  }
}
