import { lt } from "drizzle-orm";
import { appTokens } from "../../drizzle/schema/index.ts";
import type { Database } from "../db/database.ts";

/** Expired tokens can never be used again; a day of grace keeps them visible to reuse detection. */
const graceMs = 24 * 60 * 60 * 1000;

export async function purgeExpiredAppTokens(db: Database): Promise<Record<string, unknown>> {
  const cutoff = new Date(Date.now() - graceMs);
  const deleted = await db.http.delete(appTokens).where(lt(appTokens.expiresAt, cutoff)).returning({ id: appTokens.id });
  return { deleted: deleted.length };
}
