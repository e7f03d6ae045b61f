import { inSeconds, signToken, type SignedToken } from "./jwt.ts";

/** Twenty's default lifetimes. */
export const tokenLifetimes = {
  access: 30 * 60,
  workspaceAgnostic: 30 * 60,
  refresh: 60 * 24 * 60 * 60,
  login: 15 * 60,
  transient: 5 * 60,
  file: 24 * 60 * 60,
  passwordReset: 5 * 60,
  invitation: 30 * 24 * 60 * 60,
  /** A refresh token reused within this window after rotation is tolerated (parallel tabs), later it is theft. */
  refreshCoolDown: 60,
};

export type AuthProvider = "password" | "google" | "microsoft" | "sso" | "impersonation";

export interface AccessClaims {
  userId: string;
  workspaceId: string;
  workspaceMemberId: string | null;
  userWorkspaceId: string;
  authProvider: AuthProvider;
}

export function mintAccessToken(appSecret: string, claims: AccessClaims): Promise<SignedToken> {
  return signToken(appSecret, claims.workspaceId, "ACCESS", { sub: claims.userId, ...claims, isImpersonating: false }, inSeconds(tokenLifetimes.access));
}

export function mintWorkspaceAgnosticToken(appSecret: string, userId: string, authProvider: AuthProvider): Promise<SignedToken> {
  return signToken(appSecret, userId, "WORKSPACE_AGNOSTIC", { sub: userId, userId, authProvider }, inSeconds(tokenLifetimes.workspaceAgnostic));
}

export interface RefreshClaims {
  userId: string;
  workspaceId: string | null;
  appTokenId: string;
  authProvider: AuthProvider;
  targetedTokenType: "ACCESS" | "WORKSPACE_AGNOSTIC";
}

export function mintRefreshToken(appSecret: string, claims: RefreshClaims, expiresAt: Date): Promise<SignedToken> {
  return signToken(
    appSecret,
    claims.workspaceId ?? claims.userId,
    "REFRESH",
    {
      sub: claims.userId,
      userId: claims.userId,
      workspaceId: claims.workspaceId,
      authProvider: claims.authProvider,
      targetedTokenType: claims.targetedTokenType,
      isImpersonating: false,
      jti: claims.appTokenId,
    },
    expiresAt,
  );
}

/** Login tokens carry the email as `sub` and are bound to one workspace. */
export function mintLoginToken(appSecret: string, email: string, workspaceId: string, authProvider: AuthProvider = "password"): Promise<SignedToken> {
  return signToken(appSecret, workspaceId, "LOGIN", { sub: email, workspaceId, authProvider }, inSeconds(tokenLifetimes.login));
}

export function mintTransientToken(appSecret: string, claims: { userId: string; workspaceId: string; workspaceMemberId: string }): Promise<SignedToken> {
  return signToken(appSecret, claims.workspaceId, "LOGIN", { sub: claims.workspaceMemberId, ...claims }, inSeconds(tokenLifetimes.transient));
}

export function mintApiKeyToken(appSecret: string, workspaceId: string, apiKeyId: string, expiresAt: Date): Promise<SignedToken> {
  return signToken(appSecret, workspaceId, "API_KEY", { sub: workspaceId, workspaceId, jti: apiKeyId }, expiresAt);
}
