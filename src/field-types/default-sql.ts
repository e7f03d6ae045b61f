import { literal } from "../db/sql-text.ts";

/**
 * Metadata keeps defaults SQL-literal style (`"'NEW'"`, `"now"`, `"uuid"`, `0`, `true`, `["'A'"]`). This turns
 * one into a DEFAULT expression; the literal is re-quoted, never pasted, since custom defaults come from callers.
 */
export function defaultSql(value: unknown, cast?: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  const withCast = (sql: string) => (cast ? `${sql}::${cast}` : sql);
  if (value === "uuid") return "gen_random_uuid()";
  if (value === "now") return "now()";
  if (typeof value === "string") return withCast(literal(unquote(value)));
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`default ${value} is not a finite number`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (Array.isArray(value)) {
    const items = value.map((item) => {
      if (typeof item !== "string") throw new Error("array defaults hold quoted strings");
      return literal(unquote(item));
    });
    return `ARRAY[${items.join(", ")}]::${cast ?? "text"}[]`;
  }
  throw new Error(`unsupported default value ${JSON.stringify(value)}`);
}

/** `'NEW'` → `NEW`; a bare string is taken as it is. */
export function unquote(value: string): string {
  return value.length >= 2 && value.startsWith("'") && value.endsWith("'") ? value.slice(1, -1) : value;
}
