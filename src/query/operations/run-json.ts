import type { SQL } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { pgErrorCode } from "../../db/pg-errors.ts";
import { rowsOf } from "../../db/rows.ts";
import type { ObjectMetadata } from "../../metadata/types.ts";
import { translateWriteError } from "./write-errors.ts";

/**
 * Runs a compiled statement whose single row holds the whole answer as JSON text (parsed here, once, rather
 * than by the driver per column). Database errors a caller can cause become 400s.
 */
export async function runJson<T>(db: Db, statement: SQL, object?: ObjectMetadata): Promise<T> {
  try {
    const rows = rowsOf<{ result: string }>(await db.execute(statement));
    return JSON.parse(rows[0]!.result) as T;
  } catch (error) {
    if (!pgErrorCode(error)) throw error;
    throw translateWriteError(error, object);
  }
}
