import { hasSettingsPermission, type AuthContext, type WorkspaceAuthContext } from "../auth/auth-context.ts";
import { AppError, permissionDenied } from "../errors/app-error.ts";
import type { PermissionFlagType } from "../roles/permission-flags.ts";
import type { GraphQLContext } from "./context.ts";

const unauthenticated = () => new AppError(401, "UNAUTHENTICATED", "Unauthenticated", "UNAUTHENTICATED");

export function requireAuth(ctx: GraphQLContext): AuthContext {
  if (!ctx.auth) throw unauthenticated();
  return ctx.auth;
}

export function requireWorkspace(ctx: GraphQLContext): WorkspaceAuthContext {
  const auth = requireAuth(ctx);
  if (auth.kind === "workspaceAgnostic") throw new AppError(403, "WORKSPACE_REQUIRED", "This operation needs a workspace token", "FORBIDDEN");
  return auth;
}

export function requireUserInWorkspace(ctx: GraphQLContext): Extract<AuthContext, { kind: "user" }> {
  const auth = requireWorkspace(ctx);
  if (auth.kind !== "user") throw new AppError(403, "USER_REQUIRED", "This operation needs a user token", "FORBIDDEN");
  return auth;
}

export function requireSettings(ctx: GraphQLContext, flag: PermissionFlagType): WorkspaceAuthContext {
  const auth = requireWorkspace(ctx);
  if (!hasSettingsPermission(auth.role, flag)) throw permissionDenied();
  return auth;
}
