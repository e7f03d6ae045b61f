import { AppError } from "../errors/app-error.ts";
import { pgErrorCode } from "./pg-errors.ts";

/** Seconds a client should wait before retrying while the database is out of reach. */
export const databaseRetryAfterSeconds = 5;

export const databaseUnavailable = () =>
  new AppError(503, "DATABASE_UNAVAILABLE", "Database unreachable", "ServiceUnavailableException", {
    "Retry-After": String(databaseRetryAfterSeconds),
  });

// Connection exceptions, the server shutting down or refusing connections, and too many connections.
const unavailableStates = /^(08...|57P0[123]|53300)$/;
const socketCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EPIPE", "EHOSTUNREACH", "ENETUNREACH"]);
// The Neon driver's own wording when the HTTP endpoint or the WebSocket cannot be reached.
const unreachableMessages =
  /^(Error connecting to database|Server error \(HTTP status 5\d\d\))|Couldn't connect to compute node|Connection terminated|connect ECONNREFUSED|WebSocket (was closed|connection)|fetch failed|Network connection lost/i;

/**
 * Whether an error means the database could not be reached (as opposed to a statement it refused), looking
 * through the wrappers Drizzle and the driver put around it.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const { code, message, cause, sourceError } = current as { code?: unknown; message?: unknown; cause?: unknown; sourceError?: unknown };
    if (typeof code === "string" && (unavailableStates.test(code) || socketCodes.has(code))) return true;
    if (typeof message === "string" && unreachableMessages.test(message)) return true;
    current = cause ?? sourceError;
  }
  return false;
}

export const nulCharacter = () => new AppError(400, "INVALID_TEXT", "Text values cannot contain the NUL character (\\u0000)");

/** Fixed wording: Postgres' own message would name types, columns and the value. */
export const backstopMessage = "A value in the request is not valid for its field";

/**
 * Data exceptions (class 22: a value Postgres cannot take, such as an id that is not a UUID, a number out of
 * range or a NUL byte) and a statement too deep for its stack are the caller's input: a 400 that says so
 * without Postgres' wording. Anything else stays a 500, which the suite hunts down.
 */
function inputFault(code: string | undefined): AppError | undefined {
  if (code === "22021" || code === "22P05") return nulCharacter();
  if (code?.startsWith("22") || code === "54001") return new AppError(400, "INVALID_VALUE", backstopMessage);
  return undefined;
}

/** The error model's answer to a database failure, or undefined when it is our own fault (a 500). */
export function databaseFailure(error: unknown): AppError | undefined {
  if (isDatabaseUnreachable(error)) return databaseUnavailable();
  return inputFault(pgErrorCode(error));
}
