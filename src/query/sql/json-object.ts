import { sql, type SQL } from "drizzle-orm";

/** json_build_object takes at most 100 arguments: 50 key/value pairs. */
const pairsPerCall = 50;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += pairsPerCall) out.push(items.slice(i, i + pairsPerCall));
  return out;
}

/**
 * A JSON object of any number of `key, value` pairs (each pair one SQL fragment): one json_build_object
 * when it fits, else chunks merged as jsonb (a repeated key then keeps its last value).
 */
export function jsonObjectSql(pairs: SQL[]): SQL {
  if (pairs.length <= pairsPerCall) return sql`json_build_object(${sql.join(pairs, sql.raw(", "))})`;
  const parts = chunks(pairs).map((chunk) => sql`json_build_object(${sql.join(chunk, sql.raw(", "))})::jsonb`);
  return sql`(${sql.join(parts, sql.raw(" || "))})::json`;
}

/** The same over raw SQL text, for callers that build text. */
export function jsonObjectText(pairs: string[]): string {
  if (pairs.length <= pairsPerCall) return `json_build_object(${pairs.join(", ")})`;
  return `(${chunks(pairs)
    .map((chunk) => `json_build_object(${chunk.join(", ")})::jsonb`)
    .join(" || ")})::json`;
}
