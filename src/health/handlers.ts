import type { RouteHandler } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import type { AppEnv } from "../app-env.ts";
import { describeError } from "../config/logger.ts";
import { databaseUnavailable } from "../db/database-errors.ts";
import { errorResponse } from "../errors/error-body.ts";
import packageJson from "../../package.json" with { type: "json" };
import type { healthzRoute, versionRoute } from "./routes.ts";

export const healthz: RouteHandler<typeof healthzRoute, AppEnv> = async (c) => {
  const started = Date.now();
  try {
    await c.var.db.http.execute(sql`select 1`);
  } catch (error) {
    c.var.logger.error("health check failed", { error: describeError(error) });
    return errorResponse(databaseUnavailable(), c.var.requestId) as never;
  }
  return c.json({ status: "ok" as const, checks: { database: { status: "up" as const, latencyMs: Date.now() - started } } }, 200);
};

export const version: RouteHandler<typeof versionRoute, AppEnv> = (c) =>
  c.json({ name: packageJson.name, version: packageJson.version, compatibleWith: "twenty-api 1.11" }, 200);
