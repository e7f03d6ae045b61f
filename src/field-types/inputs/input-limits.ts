import { inputLimits } from "../../config/env.ts";
import { AppError } from "../../errors/app-error.ts";

const encoder = new TextEncoder();

/** UTF-8 size, without encoding text that cannot exceed the limit (a UTF-16 unit is at most 3 bytes). */
function exceeds(text: string, limit: number): number | undefined {
  if (text.length * 3 <= limit) return undefined;
  const bytes = encoder.encode(text).length;
  return bytes > limit ? bytes : undefined;
}

const tooLarge = (message: string) => new AppError(400, "VALUE_TOO_LARGE", message);

/** One text value over MAX_TEXT_VALUE_BYTES is refused, naming the field. */
export function checkTextSize(text: string, key: string): void {
  const limit = inputLimits().textValueBytes;
  const bytes = exceeds(text, limit);
  if (bytes !== undefined) throw tooLarge(`Field "${key}" is too large: ${bytes} bytes, at most ${limit}`);
}

/** A record input over MAX_RECORD_BYTES (as JSON) is refused, naming its largest field. */
export function checkRecordSize(body: Record<string, unknown>, path: string): void {
  const limit = inputLimits().recordBytes;
  const bytes = exceeds(JSON.stringify(body), limit);
  if (bytes === undefined) return;
  const sizes = Object.entries(body).map(([key, value]) => [key, encoder.encode(JSON.stringify(value) ?? "").length] as const);
  const [largest] = sizes.reduce((a, b) => (b[1] > a[1] ? b : a));
  throw tooLarge(`${path ? `Record ${path.replace(/\.$/, "")}` : "The record"} is too large: ${bytes} bytes, at most ${limit} (largest field "${path}${largest}")`);
}
