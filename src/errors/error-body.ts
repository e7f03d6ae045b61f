import { databaseFailure } from "../db/database-errors.ts";
import { AppError } from "./app-error.ts";

/** Twenty's keys in Twenty's order, then ours. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  messages: string[];
  code: string;
  requestId: string;
}

export function errorBody(error: AppError, requestId: string): ErrorBody {
  return {
    statusCode: error.status,
    error: error.errorName,
    messages: [error.message],
    code: error.code,
    requestId,
  };
}

export function errorResponse(error: AppError, requestId: string): Response {
  return new Response(JSON.stringify(errorBody(error, requestId)), {
    status: error.status,
    headers: { "content-type": "application/json; charset=UTF-8", "x-request-id": requestId, ...error.headers },
  });
}

/**
 * A database out of reach is a 503 and a value Postgres refused a 400; anything else that is not an AppError
 * is our fault: a 500 whose message leaks nothing.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return databaseFailure(error) ?? new AppError(500, "INTERNAL_SERVER_ERROR", "Internal server error");
}
