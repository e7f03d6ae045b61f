import type { SQL } from "drizzle-orm";
import { pgErrorCode } from "../../db/pg-errors.ts";
import { rowsOf } from "../../db/rows.ts";
import type { ObjectMetadata } from "../../metadata/types.ts";
import { CallerGate, type Runner } from "./caller-gate.ts";
import { translateWriteError } from "./write-errors.ts";

/**
 * Runs a compiled statement whose single row holds the whole answer as JSON text (parsed here, once, rather
 * than by the driver per column). Database errors a caller can cause become 400s.
 */
export async function runJson<T>(runner: Runner, statement: SQL, object?: ObjectMetadata): Promise<T> {
  try {
    const text = runner instanceof CallerGate ? await runner.result(statement) : rowsOf<{ result: string }>(await runner.execute(statement))[0]!.result;
    return JSON.parse(text) as T;
  } catch (error) {
    if (!pgErrorCode(error)) throw error;
    throw translateWriteError(error, object);
  }
}
