import type { ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../app-env.ts";
import { createLogger, describeError } from "../config/logger.ts";
import { AppError } from "../errors/app-error.ts";
import { errorResponse, toAppError } from "../errors/error-body.ts";

export const onError: ErrorHandler<AppEnv> = (error, c) => {
  const requestId = c.get("requestId") ?? crypto.randomUUID();
  const appError = error instanceof HTTPException ? fromHttpException(error) : toAppError(error);
  if (appError.status >= 500 || !(error instanceof AppError || error instanceof HTTPException)) {
    (c.get("logger") ?? createLogger("error", { requestId })).error("unhandled error", { error: describeError(error) });
  }
  return errorResponse(appError, requestId);
};

/** Nest's wording for unknown routes, in our body. */
export const onNotFound: NotFoundHandler<AppEnv> = (c) =>
  errorResponse(new AppError(404, "ROUTE_NOT_FOUND", `Cannot ${c.req.method} ${c.req.path}`), c.get("requestId") ?? crypto.randomUUID());

/** Hono's own refusals (malformed JSON, body too large, ...) in our body, with a stable code. */
function fromHttpException(error: HTTPException): AppError {
  if (error.status === 400 && /json/i.test(error.message)) return new AppError(400, "INVALID_JSON", "Malformed JSON in request body");
  return new AppError(error.status, `HTTP_${error.status}`, error.message || "Error");
}
