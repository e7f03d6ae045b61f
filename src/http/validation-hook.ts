import type { Hook } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env.ts";
import { AppError } from "../errors/app-error.ts";
import { errorResponse } from "../errors/error-body.ts";

/** Turns a zod validation failure of a route's request schema into our 400 body, naming the path. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (result.success) return;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  const message = `${where}${issue?.message ?? "Invalid input"}`;
  return errorResponse(new AppError(400, "INVALID_INPUT", message), c.get("requestId"));
};
