import type { Hook } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env.ts";
import { AppError } from "../errors/app-error.ts";
import { errorResponse } from "../errors/error-body.ts";
import { zodIssueMessage } from "./zod-issue-message.ts";

/** Turns a failed validation of a route's request schema into our 400 body. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (result.success) return;
  return errorResponse(new AppError(400, "INVALID_INPUT", zodIssueMessage(result.error, result.target)), c.get("requestId"));
};
