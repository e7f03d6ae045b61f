import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env.ts";
import { hasSettingsPermission, type WorkspaceAuthContext } from "../auth/auth-context.ts";
import { bearerToken, contextOf, loadCaller } from "../auth/authenticate.ts";
import { verifyCaller, type WorkspaceCaller } from "../auth/caller-row.ts";
import { withCaller } from "../auth/with-caller.ts";
import { AppError, permissionDenied } from "../errors/app-error.ts";
import type { Runner } from "../query/operations/caller-gate.ts";
import { enforceRateLimit, surfaceOf } from "../rate-limit/rate-limit.ts";
import type { PermissionFlagType } from "../roles/permission-flags.ts";

/** The spec's decision: a missing token is 401 (Twenty answers 403). */
export const missingToken = () => new AppError(401, "UNAUTHENTICATED", "Missing authentication token", "UNAUTHENTICATED");

const workspaceRequired = () => new AppError(403, "WORKSPACE_REQUIRED", "This route needs a workspace token", "FORBIDDEN_EXCEPTION");

/** The request's verified workspace token; a workspace-agnostic one is refused once its user is known to exist. */
async function workspaceCallerOf(c: Context<AppEnv>): Promise<WorkspaceCaller> {
  const token = bearerToken(c.req.header("authorization"));
  if (!token) throw missingToken();
  const caller = await verifyCaller(c.var.config.APP_SECRET, token);
  if (caller.kind === "workspaceAgnostic") {
    await contextOf(c.var.db.http, caller);
    throw workspaceRequired();
  }
  return caller;
}

async function admit(c: Context<AppEnv>, auth: WorkspaceAuthContext): Promise<void> {
  c.set("auth", auth);
  await enforceRateLimit(c, surfaceOf(c.req.path), auth);
}

/** REST surfaces: a workspace token (user or API key) is required; the caller lands in `c.var.auth`. */
export const requireWorkspaceAuth = createMiddleware<AppEnv>(async (c, next) => {
  const caller = await workspaceCallerOf(c);
  await admit(c, await loadCaller(c.var.db.http, caller));
  await next();
});

/**
 * REST record routes: as `requireWorkspaceAuth`, but the request may take ONE round trip, the caller check
 * travelling with its statement (see `withCaller`); `run` then finds the caller in `c.var.auth` and runs
 * its statements on `runner` (writes gated by the caller themselves, see `CallerGate`).
 */
export async function asWorkspaceCaller(c: Context<AppEnv>, run: (runner: Runner) => Promise<Response>): Promise<Response> {
  const caller = await workspaceCallerOf(c);
  return withCaller(c.var.db.http, caller, {
    admit: (auth) => admit(c, auth),
    run: (auth, runner) => {
      c.set("auth", auth);
      return run(runner);
    },
  });
}

export function workspaceAuth(auth: AppEnv["Variables"]["auth"]): WorkspaceAuthContext {
  if (auth.kind === "workspaceAgnostic") throw workspaceRequired();
  return auth;
}

export function requireSettingsPermission(flag: PermissionFlagType) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!hasSettingsPermission(workspaceAuth(c.var.auth).role, flag)) throw permissionDenied();
    await next();
  });
}
