import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.ts";
import { nulCharacter } from "../db/database-errors.ts";

/** Whether any string or key in a parsed JSON value holds U+0000; iterative, so deep nesting cannot overflow. */
export function holdsNulCharacter(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current === "string") {
      if (current.includes("\0")) return true;
    } else if (Array.isArray(current)) {
      pending.push(...current);
    } else if (current && typeof current === "object") {
      for (const [key, item] of Object.entries(current)) {
        if (key.includes("\0")) return true;
        pending.push(item);
      }
    }
  }
  return false;
}

const graphqlPaths = new Set(["/graphql", "/metadata"]);

const mayCarryNul = (text: string) => text.includes("\0") || /\\u0000/i.test(text);

/**
 * Postgres refuses U+0000 in text and JSON, so a NUL anywhere in the path, the query string or a JSON body is refused
 * up front with a 400 that says so, whatever route would have sent it to SQL. The body is only parsed here
 * when its text may hold one; the route reads its own copy.
 */
export const refuseNulCharacters: MiddlewareHandler<AppEnv> = async (c, next) => {
  // GraphQL answers in its own error shape: its limits plugin checks documents and variables instead.
  if (graphqlPaths.has(c.req.path)) return next();
  const url = new URL(c.req.url);
  if (/%00/.test(url.pathname + url.search)) throw nulCharacter();
  if (c.req.raw.body && /json/i.test(c.req.header("content-type") ?? "")) {
    const text = await c.req.raw.clone().text();
    if (mayCarryNul(text) && (text.includes("\0") || parsedHoldsNul(text))) throw nulCharacter();
  }
  await next();
};

function parsedHoldsNul(text: string): boolean {
  try {
    return holdsNulCharacter(JSON.parse(text));
  } catch {
    return false;
  }
}
