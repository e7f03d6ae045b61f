import type { SQL } from "drizzle-orm";
import { pgErrorCode } from "../../db/pg-errors.ts";
import type { ObjectMetadata } from "../../metadata/types.ts";
import { CallerGate, resultText, type GatedStatement, type Runner } from "./caller-gate.ts";
import { translateWriteError } from "./write-errors.ts";

/** Parses the JSON text of a statement's answer; database errors a caller can cause become 400s. */
async function parsed<T>(text: () => Promise<string>, object: ObjectMetadata | undefined): Promise<T> {
  try {
    return JSON.parse(await text()) as T;
  } catch (error) {
    if (!pgErrorCode(error)) throw error;
    throw translateWriteError(error, object);
  }
}

/**
 * Runs a compiled statement whose single row holds the whole answer as JSON text (parsed here, once, rather
 * than by the driver per column).
 */
export function runJson<T>(runner: Runner, statement: SQL, object?: ObjectMetadata): Promise<T> {
  return parsed(
    () => (runner instanceof CallerGate ? runner.result(statement) : resultText(runner, statement)),
    object,
  );
}

/** As `runJson`, for a write that carries its own gate when the runner is a caller gate. */
export function runWriteJson<T>(runner: Runner, build: GatedStatement, object: ObjectMetadata): Promise<T> {
  return parsed(
    () => (runner instanceof CallerGate ? runner.write(build) : resultText(runner, build(undefined))),
    object,
  );
}
