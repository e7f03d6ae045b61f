import { sql } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { rowsOf } from "../db/rows.ts";
import { AppError } from "../errors/app-error.ts";
import { roleJsonFor } from "../roles/role-json.ts";
import type { AuthContext, AuthRole, AuthUser, AuthWorkspace } from "./auth-context.ts";
import { bearerClaims, unauthenticated, verifyToken } from "./jwt.ts";
import type { JwtTokenType } from "./token-secret.ts";
import type { AuthProvider } from "./tokens.ts";
import { isUuid } from "../ids/uuid.ts";

const forbidden = (message: string, code = "FORBIDDEN_EXCEPTION") => new AppError(403, code, message, code);

/** `Authorization: Bearer <token>` only: tokens in URLs end up in logs, so `?token=` is not read. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

/**
 * Verifies a token as Twenty does (the type claim picks the secret, then the signature and expiry are checked,
 * then the type decides what it may do) and loads the caller with one statement. Revoked API keys and removed
 * members stop working at once: nothing about them is cached.
 */
export async function authenticate(db: Db, appSecret: string, token: string): Promise<AuthContext> {
  const claims = bearerClaims(token);
  const type = (claims.type as JwtTokenType | undefined) ?? "ACCESS";
  if (typeof claims.sub !== "string") throw unauthenticated("No payload sub");
  const workspaceId = typeof claims.workspaceId === "string" ? claims.workspaceId : undefined;
  const userId = typeof claims.userId === "string" ? claims.userId : undefined;

  if (type === "API_KEY") {
    await verifyToken(appSecret, token, workspaceId ?? claims.sub, "API_KEY");
    return apiKeyContext(db, workspaceId ?? claims.sub, String(claims.jti ?? ""));
  }
  if (type === "ACCESS") {
    if (!workspaceId) throw unauthenticated("Token invalid.");
    const payload = await verifyToken(appSecret, token, workspaceId, "ACCESS");
    return userContext(db, workspaceId, String(payload.userWorkspaceId ?? ""), payload);
  }
  if (type === "WORKSPACE_AGNOSTIC") {
    await verifyToken(appSecret, token, userId ?? claims.sub, "WORKSPACE_AGNOSTIC");
    const user = await loadUser(db, userId ?? claims.sub);
    return { kind: "workspaceAgnostic", user, authProvider: (claims.authProvider as AuthProvider) ?? "password" };
  }
  const scope = type === "REFRESH" && !workspaceId ? (userId ?? claims.sub) : (workspaceId ?? claims.sub);
  await verifyToken(appSecret, token, scope, type);
  throw forbidden("Invalid token", "INVALID_JWT_TOKEN_TYPE");
}


const workspaceColumns = sql`json_build_object('id', w.id, 'displayName', w."displayName", 'subdomain', w.subdomain,
  'activationStatus', w."activationStatus", 'schemaName', w."schemaName", 'metadataVersion', w."metadataVersion")`;

async function apiKeyContext(db: Db, workspaceId: string, apiKeyId: string): Promise<AuthContext> {
  if (!isUuid(workspaceId) || !isUuid(apiKeyId)) throw forbidden("This API Key is revoked");
  const rows = rowsOf<{ workspace: AuthWorkspace; name: string; revoked: boolean; expired: boolean; role: AuthRole | null }>(
    await db.execute(sql`
      SELECT ${workspaceColumns} AS workspace, k.name, k."revokedAt" IS NOT NULL AS revoked, k."expiresAt" <= now() AS expired,
             ${roleJsonFor("apiKeyId", sql`k.id`)} AS role
      FROM core.workspace w JOIN core."apiKey" k ON k."workspaceId" = w.id AND k.id = ${apiKeyId}
      WHERE w.id = ${workspaceId} AND w."deletedAt" IS NULL`),
  );
  const row = rows[0];
  if (!row || row.revoked) throw forbidden("This API Key is revoked");
  // The JWT's own expiry may be later than the key's, if the key was shortened after the token was minted.
  if (row.expired) throw forbidden("This API Key has expired");
  return { kind: "apiKey", workspace: row.workspace, apiKey: { id: apiKeyId, name: row.name }, role: row.role };
}

async function userContext(db: Db, workspaceId: string, userWorkspaceId: string, claims: Record<string, unknown>): Promise<AuthContext> {
  if (!isUuid(workspaceId) || !isUuid(userWorkspaceId)) throw unauthenticated("Token invalid.");
  const rows = rowsOf<{ workspace: AuthWorkspace; user: AuthUser; role: AuthRole | null }>(
    await db.execute(sql`
      SELECT ${workspaceColumns} AS workspace,
             json_build_object('id', u.id, 'email', u.email, 'firstName', u."firstName", 'lastName', u."lastName") AS "user",
             ${roleJsonFor("userWorkspaceId", sql`uw.id`)} AS role
      FROM core.workspace w
      JOIN core."userWorkspace" uw ON uw."workspaceId" = w.id AND uw.id = ${userWorkspaceId} AND uw."deletedAt" IS NULL
      JOIN core."user" u ON u.id = uw."userId" AND u."deletedAt" IS NULL
      WHERE w.id = ${workspaceId} AND w."deletedAt" IS NULL`),
  );
  const row = rows[0];
  if (!row) throw new AppError(401, "WORKSPACE_NOT_FOUND", "Workspace not found", "UNAUTHENTICATED");
  return {
    kind: "user",
    workspace: row.workspace,
    user: row.user,
    userWorkspaceId,
    workspaceMemberId: typeof claims.workspaceMemberId === "string" ? claims.workspaceMemberId : null,
    role: row.role,
    authProvider: (claims.authProvider as AuthProvider) ?? "password",
  };
}

async function loadUser(db: Db, userId: string): Promise<AuthUser> {
  if (!isUuid(userId)) throw unauthenticated("Token invalid.");
  const rows = rowsOf<AuthUser>(
    await db.execute(sql`SELECT id, email, "firstName", "lastName" FROM core."user" WHERE id = ${userId} AND "deletedAt" IS NULL`),
  );
  if (!rows[0]) throw new AppError(401, "USER_NOT_FOUND", "User not found", "UNAUTHENTICATED");
  return rows[0];
}
