import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env.ts";
import { hasSettingsPermission, type WorkspaceAuthContext } from "../auth/auth-context.ts";
import { authenticate, bearerToken } from "../auth/authenticate.ts";
import { AppError, permissionDenied } from "../errors/app-error.ts";
import { enforceRateLimit, surfaceOf } from "../rate-limit/rate-limit.ts";
import type { PermissionFlagType } from "../roles/permission-flags.ts";

/** The spec's decision: a missing token is 401 (Twenty answers 403). */
export const missingToken = () => new AppError(401, "UNAUTHENTICATED", "Missing authentication token", "UNAUTHENTICATED");

/** REST surfaces: a workspace token (user or API key) is required; the caller lands in `c.var.auth`. */
export const requireWorkspaceAuth = createMiddleware<AppEnv>(async (c, next) => {
  const token = bearerToken(c.req.header("authorization"));
  if (!token) throw missingToken();
  const auth = await authenticate(c.var.db.http, c.var.config.APP_SECRET, token);
  if (auth.kind === "workspaceAgnostic") {
    throw new AppError(403, "WORKSPACE_REQUIRED", "This route needs a workspace token", "FORBIDDEN_EXCEPTION");
  }
  c.set("auth", auth);
  await enforceRateLimit(c, surfaceOf(c.req.path), auth);
  await next();
});

export function workspaceAuth(auth: AppEnv["Variables"]["auth"]): WorkspaceAuthContext {
  if (auth.kind === "workspaceAgnostic") throw new AppError(403, "WORKSPACE_REQUIRED", "This route needs a workspace token", "FORBIDDEN_EXCEPTION");
  return auth;
}

export function requireSettingsPermission(flag: PermissionFlagType) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!hasSettingsPermission(workspaceAuth(c.var.auth).role, flag)) throw permissionDenied();
    await next();
  });
}
