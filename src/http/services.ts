import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env.ts";
import { readEnv } from "../config/env.ts";
import { createLogger } from "../config/logger.ts";
import { createDatabase } from "../db/database.ts";
import { AppError } from "../errors/app-error.ts";
import { errorResponse } from "../errors/error-body.ts";

/**
 * Validates the environment and builds the request's services into `c.var`. A misconfigured deploy answers
 * 500 BAD_ENVIRONMENT naming what is wrong (never a value), instead of crashing somewhere deeper.
 */
export const services = createMiddleware<AppEnv>(async (c, next) => {
  const env = readEnv(c.env);
  const requestId = c.get("requestId");
  if (!env.ok) {
    createLogger("error").error("bad environment", { requestId, problems: env.problems });
    const error = new AppError(500, "BAD_ENVIRONMENT", `Server misconfigured: ${env.problems.join("; ")}`);
    return errorResponse(error, requestId);
  }
  const logger = createLogger(env.config.LOG_LEVEL, { requestId });
  const db = createDatabase(env.config);
  c.set("config", env.config);
  c.set("logger", logger);
  c.set("db", db);
  const started = Date.now();
  try {
    await next();
  } finally {
    c.executionCtx.waitUntil(db.close());
    logger.info("request", {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Date.now() - started,
    });
  }
});
