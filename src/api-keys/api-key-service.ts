import { and, desc, eq, isNull } from "drizzle-orm";
import { apiKeys, roles, roleTargets } from "../../drizzle/schema/index.ts";
import { mintApiKeyToken } from "../auth/tokens.ts";
import type { Db } from "../db/database.ts";
import { AppError, notFound } from "../errors/app-error.ts";

export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type RoleRow = typeof roles.$inferSelect;
export type ApiKeyWithRole = ApiKeyRow & { role: RoleRow | null };

export interface CreateApiKeyInput {
  name: string;
  expiresAt: string;
  revokedAt?: string | null;
  roleId?: string | null;
}

export interface UpdateApiKeyInput {
  id: string;
  name?: string;
  expiresAt?: string;
  revokedAt?: string | null;
}

const invalid = (message: string) => new AppError(400, "INVALID_API_KEY_INPUT", message);

function parseDate(value: unknown, field: string): Date {
  const date = typeof value === "string" ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) throw invalid(`${field} must be an ISO date, got ${JSON.stringify(value)}`);
  return date;
}

function parseName(value: unknown): string {
  if (typeof value !== "string" || value.trim().length === 0) throw invalid("name must be a non-empty string");
  if (value.length > 255) throw invalid("name must be at most 255 characters");
  return value.trim();
}

/** Every read is scoped to the caller's workspace: an id from another workspace is simply not found. */
export async function getApiKey(db: Db, workspaceId: string, id: string): Promise<ApiKeyWithRole> {
  const [row] = await db
    .select({ key: apiKeys, role: roles })
    .from(apiKeys)
    .leftJoin(roleTargets, eq(roleTargets.apiKeyId, apiKeys.id))
    .leftJoin(roles, eq(roles.id, roleTargets.roleId))
    .where(and(eq(apiKeys.id, id), eq(apiKeys.workspaceId, workspaceId)));
  if (!row) throw notFound(`API Key with id ${id} not found`, "API_KEY_NOT_FOUND");
  return { ...row.key, role: row.role };
}

/** Active keys only, as Twenty lists them. */
export async function listApiKeys(db: Db, workspaceId: string): Promise<ApiKeyWithRole[]> {
  const rows = await db
    .select({ key: apiKeys, role: roles })
    .from(apiKeys)
    .leftJoin(roleTargets, eq(roleTargets.apiKeyId, apiKeys.id))
    .leftJoin(roles, eq(roles.id, roleTargets.roleId))
    .where(and(eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.createdAt));
  return rows.map((row) => ({ ...row.key, role: row.role }));
}

async function assignableRole(db: Db, workspaceId: string, roleId: string | null | undefined): Promise<RoleRow> {
  const [role] = roleId
    ? await db.select().from(roles).where(and(eq(roles.id, roleId), eq(roles.workspaceId, workspaceId)))
    : await db.select().from(roles).where(and(eq(roles.workspaceId, workspaceId), eq(roles.label, "Admin")));
  if (!role) throw new AppError(404, "ROLE_NOT_FOUND", "Role not found");
  if (!role.canBeAssignedToApiKeys) throw invalid(`Role "${role.label}" cannot be assigned to API keys`);
  return role;
}

/** The key and its role target in one transaction (the caller's). */
export async function createApiKey(tx: Db, workspaceId: string, input: CreateApiKeyInput): Promise<ApiKeyWithRole> {
  const name = parseName(input.name);
  const expiresAt = parseDate(input.expiresAt, "expiresAt");
  const revokedAt = input.revokedAt ? parseDate(input.revokedAt, "revokedAt") : null;
  const role = await assignableRole(tx, workspaceId, input.roleId);
  const [key] = await tx.insert(apiKeys).values({ workspaceId, name, expiresAt, revokedAt }).returning();
  await tx.insert(roleTargets).values({ workspaceId, roleId: role.id, apiKeyId: key!.id });
  return { ...key!, role };
}

export async function updateApiKey(db: Db, workspaceId: string, input: UpdateApiKeyInput): Promise<ApiKeyWithRole> {
  const changes: Partial<ApiKeyRow> = { updatedAt: new Date() };
  if (input.name !== undefined) changes.name = parseName(input.name);
  if (input.expiresAt !== undefined) changes.expiresAt = parseDate(input.expiresAt, "expiresAt");
  if (input.revokedAt !== undefined) changes.revokedAt = input.revokedAt === null ? null : parseDate(input.revokedAt, "revokedAt");
  const [row] = await db
    .update(apiKeys)
    .set(changes)
    .where(and(eq(apiKeys.id, input.id), eq(apiKeys.workspaceId, workspaceId)))
    .returning({ id: apiKeys.id });
  if (!row) throw notFound(`API Key with id ${input.id} not found`, "API_KEY_NOT_FOUND");
  return getApiKey(db, workspaceId, input.id);
}

export async function revokeApiKey(db: Db, workspaceId: string, id: string): Promise<ApiKeyWithRole> {
  return updateApiKey(db, workspaceId, { id, revokedAt: new Date().toISOString() });
}

export async function assignRoleToApiKey(tx: Db, workspaceId: string, apiKeyId: string, roleId: string): Promise<void> {
  await getApiKey(tx, workspaceId, apiKeyId);
  const role = await assignableRole(tx, workspaceId, roleId);
  await tx.delete(roleTargets).where(eq(roleTargets.apiKeyId, apiKeyId));
  await tx.insert(roleTargets).values({ workspaceId, roleId: role.id, apiKeyId });
}

/** The token is shown once and never stored: its `jti` names the key, whose revocation kills it. */
export async function generateApiKeyToken(db: Db, appSecret: string, workspaceId: string, id: string, expiresAt?: string): Promise<string> {
  const key = await getApiKey(db, workspaceId, id);
  if (key.revokedAt) throw new AppError(403, "API_KEY_REVOKED", "This API Key is revoked", "FORBIDDEN_EXCEPTION");
  const until = expiresAt ? parseDate(expiresAt, "expiresAt") : key.expiresAt;
  if (until.getTime() <= Date.now() || key.expiresAt.getTime() <= Date.now()) {
    throw new AppError(403, "API_KEY_EXPIRED", "This API Key has expired", "FORBIDDEN_EXCEPTION");
  }
  return (await mintApiKeyToken(appSecret, workspaceId, id, until)).token;
}
