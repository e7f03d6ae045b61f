import { sql, type SQL } from "drizzle-orm";
import { AppError } from "../errors/app-error.ts";
import { isUuid } from "../ids/uuid.ts";
import { roleJsonFor } from "../roles/role-json.ts";
import type { AuthRole, AuthUser, AuthWorkspace, WorkspaceAuthContext } from "./auth-context.ts";
import { bearerClaims, unauthenticated, verifyToken } from "./jwt.ts";
import type { JwtTokenType } from "./token-secret.ts";
import type { AuthProvider } from "./tokens.ts";

const forbidden = (message: string, code = "FORBIDDEN_EXCEPTION") => new AppError(403, code, message, code);

/** A token whose signature, expiry and type were checked: who it names, before the database says who that is now. */
export type VerifiedCaller =
  | { kind: "apiKey"; workspaceId: string; apiKeyId: string }
  | { kind: "user"; workspaceId: string; userWorkspaceId: string; claims: Record<string, unknown> }
  | { kind: "workspaceAgnostic"; userId: string; authProvider: AuthProvider };

export type WorkspaceCaller = Exclude<VerifiedCaller, { kind: "workspaceAgnostic" }>;

/**
 * Verifies a token as Twenty does: the type claim picks the secret, then the signature and expiry are
 * checked, then the type decides what it may do. Ids that cannot name a row are refused before any SQL.
 */
export async function verifyCaller(appSecret: string, token: string): Promise<VerifiedCaller> {
  const claims = bearerClaims(token);
  const type = (claims.type as JwtTokenType | undefined) ?? "ACCESS";
  if (typeof claims.sub !== "string") throw unauthenticated("No payload sub");
  const workspaceId = typeof claims.workspaceId === "string" ? claims.workspaceId : undefined;
  const userId = typeof claims.userId === "string" ? claims.userId : undefined;

  if (type === "API_KEY") {
    await verifyToken(appSecret, token, workspaceId ?? claims.sub, "API_KEY");
    const apiKeyId = String(claims.jti ?? "");
    if (!isUuid(workspaceId ?? claims.sub) || !isUuid(apiKeyId)) throw forbidden("This API Key is revoked");
    return { kind: "apiKey", workspaceId: workspaceId ?? claims.sub, apiKeyId };
  }
  if (type === "ACCESS") {
    if (!workspaceId) throw unauthenticated("Token invalid.");
    const payload = await verifyToken(appSecret, token, workspaceId, "ACCESS");
    const userWorkspaceId = String(payload.userWorkspaceId ?? "");
    if (!isUuid(workspaceId) || !isUuid(userWorkspaceId)) throw unauthenticated("Token invalid.");
    return { kind: "user", workspaceId, userWorkspaceId, claims: payload };
  }
  if (type === "WORKSPACE_AGNOSTIC") {
    await verifyToken(appSecret, token, userId ?? claims.sub, "WORKSPACE_AGNOSTIC");
    const id = userId ?? claims.sub;
    if (!isUuid(id)) throw unauthenticated("Token invalid.");
    return { kind: "workspaceAgnostic", userId: id, authProvider: (claims.authProvider as AuthProvider) ?? "password" };
  }
  const scope = type === "REFRESH" && !workspaceId ? (userId ?? claims.sub) : (workspaceId ?? claims.sub);
  await verifyToken(appSecret, token, scope, type);
  throw forbidden("Invalid token", "INVALID_JWT_TOKEN_TYPE");
}

/** Identifies a caller across requests (the key of its planning hint). */
export const callerKey = (caller: WorkspaceCaller) =>
  caller.kind === "apiKey" ? `apiKey:${caller.workspaceId}:${caller.apiKeyId}` : `user:${caller.workspaceId}:${caller.userWorkspaceId}`;

const workspaceJson = sql`json_build_object('id', w.id, 'displayName', w."displayName", 'subdomain', w.subdomain,
  'activationStatus', w."activationStatus", 'schemaName', w."schemaName", 'metadataVersion', w."metadataVersion")`;

/**
 * The caller as the database sees it now, as ONE row with one text column `caller` (no row when the key,
 * member or workspace is gone). Everything that decides what the caller may do is in that text, so two
 * equal texts mean equal rights: its md5 is what a gated statement compares.
 */
export function callerRowSql(caller: WorkspaceCaller): SQL {
  if (caller.kind === "apiKey") {
    return sql`SELECT json_build_object('workspace', ${workspaceJson}, 'name', k.name, 'revoked', k."revokedAt" IS NOT NULL,
        'expired', k."expiresAt" <= now(), 'role', ${roleJsonFor("apiKeyId", sql`k.id`)})::text AS caller
      FROM core.workspace w JOIN core."apiKey" k ON k."workspaceId" = w.id AND k.id = ${caller.apiKeyId}
      WHERE w.id = ${caller.workspaceId} AND w."deletedAt" IS NULL`;
  }
  return sql`SELECT json_build_object('workspace', ${workspaceJson},
      'user', json_build_object('id', u.id, 'email', u.email, 'firstName', u."firstName", 'lastName', u."lastName"),
      'role', ${roleJsonFor("userWorkspaceId", sql`uw.id`)})::text AS caller
    FROM core.workspace w
    JOIN core."userWorkspace" uw ON uw."workspaceId" = w.id AND uw.id = ${caller.userWorkspaceId} AND uw."deletedAt" IS NULL
    JOIN core."user" u ON u.id = uw."userId" AND u."deletedAt" IS NULL
    WHERE w.id = ${caller.workspaceId} AND w."deletedAt" IS NULL`;
}

interface CallerRow {
  workspace: AuthWorkspace;
  role: AuthRole | null;
  name?: string;
  revoked?: boolean;
  expired?: boolean | null;
  user?: AuthUser;
}

/** The request's caller from its row (the text of `callerRowSql`, or null without a row); refusals as Twenty words them. */
export function contextOfRow(caller: WorkspaceCaller, text: string | null | undefined): WorkspaceAuthContext {
  const row = text ? (JSON.parse(text) as CallerRow) : undefined;
  if (caller.kind === "apiKey") {
    if (!row || row.revoked) throw forbidden("This API Key is revoked");
    // The JWT's own expiry may be later than the key's, if the key was shortened after the token was minted.
    if (row.expired) throw forbidden("This API Key has expired");
    return { kind: "apiKey", workspace: row.workspace, apiKey: { id: caller.apiKeyId, name: row.name ?? "" }, role: row.role };
  }
  if (!row) throw new AppError(401, "WORKSPACE_NOT_FOUND", "Workspace not found", "UNAUTHENTICATED");
  const { claims } = caller;
  return {
    kind: "user",
    workspace: row.workspace,
    user: row.user!,
    userWorkspaceId: caller.userWorkspaceId,
    workspaceMemberId: typeof claims.workspaceMemberId === "string" ? claims.workspaceMemberId : null,
    role: row.role,
    authProvider: (claims.authProvider as AuthProvider) ?? "password",
  };
}
