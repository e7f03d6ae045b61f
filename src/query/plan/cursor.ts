import { AppError } from "../../errors/app-error.ts";
import type { PlannedOrder } from "./plan-order.ts";

export type CursorValues = Record<string, string | null>;

/** Twenty's cursor shape: base64 (standard alphabet) of `{ <order key>: value, ..., id }`. */
export function encodeCursor(values: CursorValues): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(values))));
}

/**
 * The order values a cursor carries, one per order key, as the exact text Postgres gave (no precision lost).
 * URL-decoding may have turned `+` into a space, and base64url is accepted too.
 */
export function decodeCursor(cursor: string, order: PlannedOrder[]): Array<string | null> {
  const invalid = () => new AppError(400, "INVALID_CURSOR", `Invalid cursor: ${cursor}`);
  let values: unknown;
  try {
    const base64 = cursor.replaceAll(" ", "+").replaceAll("-", "+").replaceAll("_", "/");
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    values = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw invalid();
  }
  if (!values || typeof values !== "object") throw invalid();
  return order.map(({ target }) => {
    const value = (values as Record<string, unknown>)[target.key];
    if (value === null) return value;
    if (typeof value !== "string" || value.includes("\u0000")) throw invalid();
    // A hand-made cursor must not reach SQL with a value its column cannot take (Postgres would refuse it in
    // its own words); the leaf checks it as it checks a filter operand, and the exact text is kept.
    try {
      target.leaf.parse(value, target.key, "text");
    } catch {
      throw invalid();
    }
    return value;
  });
}
