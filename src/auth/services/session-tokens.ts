import { and, eq, isNull } from "drizzle-orm";
import { appTokens } from "../../../drizzle/schema/index.ts";
import type { Db } from "../../db/database.ts";
import { AppError } from "../../errors/app-error.ts";
import { readClaims, unauthenticated, verifyToken, type SignedToken } from "../jwt.ts";
import { mintAccessToken, mintRefreshToken, mintWorkspaceAgnosticToken, tokenLifetimes, type AuthProvider } from "../tokens.ts";

export interface TokenPair {
  accessOrWorkspaceAgnosticToken: SignedToken;
  refreshToken: SignedToken;
}

export interface SessionSubject {
  userId: string;
  /** With a workspace, the pair is an ACCESS token; without, a WORKSPACE_AGNOSTIC one. */
  workspace?: { workspaceId: string; userWorkspaceId: string; workspaceMemberId: string | null };
  authProvider?: AuthProvider;
}

/** An access (or workspace-agnostic) token plus a refresh token whose server-side row makes it revocable. */
export async function issueTokenPair(db: Db, appSecret: string, subject: SessionSubject): Promise<TokenPair> {
  const authProvider = subject.authProvider ?? "password";
  const expiresAt = new Date(Date.now() + tokenLifetimes.refresh * 1000);
  const [row] = await db
    .insert(appTokens)
    .values({ type: "REFRESH_TOKEN", userId: subject.userId, workspaceId: subject.workspace?.workspaceId ?? null, expiresAt })
    .returning({ id: appTokens.id });
  const refreshToken = await mintRefreshToken(
    appSecret,
    {
      userId: subject.userId,
      workspaceId: subject.workspace?.workspaceId ?? null,
      appTokenId: row!.id,
      authProvider,
      targetedTokenType: subject.workspace ? "ACCESS" : "WORKSPACE_AGNOSTIC",
    },
    expiresAt,
  );
  const access = subject.workspace
    ? await mintAccessToken(appSecret, { userId: subject.userId, ...subject.workspace, authProvider })
    : await mintWorkspaceAgnosticToken(appSecret, subject.userId, authProvider);
  return { accessOrWorkspaceAgnosticToken: access, refreshToken };
}

export interface VerifiedRefresh {
  appTokenId: string;
  userId: string;
  workspaceId: string | null;
  authProvider: AuthProvider;
}

/**
 * Rotation with reuse detection: a refresh token works once. Presented again within the cool-down (parallel
 * tabs racing) it is tolerated; later, someone holds a stolen copy, so every refresh token of the user dies.
 */
export async function consumeRefreshToken(db: Db, appSecret: string, token: string): Promise<VerifiedRefresh> {
  const claims = readClaims(token);
  if (claims.type !== undefined && claims.type !== "REFRESH") throw unauthenticated("This refresh token is malformed");
  const userId = typeof claims.userId === "string" ? claims.userId : typeof claims.sub === "string" ? claims.sub : undefined;
  const workspaceId = typeof claims.workspaceId === "string" ? claims.workspaceId : null;
  if (!userId || typeof claims.jti !== "string") throw unauthenticated("This refresh token is malformed");
  await verifyToken(appSecret, token, workspaceId ?? userId, "REFRESH");
  const [row] = await db.select().from(appTokens).where(and(eq(appTokens.id, claims.jti), eq(appTokens.type, "REFRESH_TOKEN")));
  if (!row || row.userId !== userId) throw unauthenticated("This refresh token doesn't exist");
  if (row.revokedAt) {
    // Only a rotation is forgiven, and only briefly; a token revoked for any other reason is dead.
    const rotatedRecently =
      (row.context as { revokedBy?: string } | null)?.revokedBy === "rotation" &&
      Date.now() - row.revokedAt.getTime() <= tokenLifetimes.refreshCoolDown * 1000;
    if (!rotatedRecently) {
      await revokeAllRefreshTokens(db, userId);
      throw new AppError(
        401,
        "FORBIDDEN_EXCEPTION",
        "Suspicious activity detected, this refresh token has been revoked. All tokens have been revoked.",
        "FORBIDDEN_EXCEPTION",
      );
    }
  } else {
    await db.update(appTokens).set({ revokedAt: new Date(), context: { revokedBy: "rotation" } }).where(eq(appTokens.id, row.id));
  }
  return { appTokenId: row.id, userId, workspaceId, authProvider: (claims.authProvider as AuthProvider) ?? "password" };
}

/** Ends every session of a user (password changed, token theft suspected). */
export async function revokeAllRefreshTokens(db: Db, userId: string): Promise<void> {
  await db
    .update(appTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(appTokens.userId, userId), eq(appTokens.type, "REFRESH_TOKEN"), isNull(appTokens.revokedAt)));
}
