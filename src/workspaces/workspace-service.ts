import { and, count, eq, isNull } from "drizzle-orm";
import { roles, userWorkspaces, workspaces } from "../../drizzle/schema/index.ts";
import type { Db } from "../db/database.ts";
import { isUniqueViolation } from "../db/pg-errors.ts";
import { AppError } from "../errors/app-error.ts";
import type { WorkspaceRow } from "./create-workspace.ts";
import { assertFixedSettingsUnchanged, type FixedWorkspaceSettings } from "./fixed-settings.ts";

const notFound = () => new AppError(404, "WORKSPACE_NOT_FOUND", "Workspace not found");

export async function loadWorkspace(db: Db, id: string): Promise<WorkspaceRow> {
  const [row] = await db.select().from(workspaces).where(and(eq(workspaces.id, id), isNull(workspaces.deletedAt)));
  if (!row) throw notFound();
  return row;
}

export async function findWorkspaceByInviteHash(db: Db, inviteHash: string): Promise<WorkspaceRow | undefined> {
  const [row] = await db.select().from(workspaces).where(and(eq(workspaces.inviteHash, inviteHash), isNull(workspaces.deletedAt)));
  return row;
}

export async function countMembers(db: Db, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(userWorkspaces)
    .where(and(eq(userWorkspaces.workspaceId, workspaceId), isNull(userWorkspaces.deletedAt)));
  return row?.n ?? 0;
}

export interface WorkspaceChanges extends FixedWorkspaceSettings {
  displayName?: string | null;
  logo?: string | null;
  subdomain?: string | null;
  inviteHash?: string | null;
  allowImpersonation?: boolean | null;
  isPublicInviteLinkEnabled?: boolean | null;
  defaultRoleId?: string | null;
}

const subdomainPattern = /^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])?$/;

export function assertValidSubdomain(subdomain: string): void {
  if (!subdomainPattern.test(subdomain)) throw new AppError(400, "INVALID_SUBDOMAIN", "Subdomain is not valid");
}

export async function updateWorkspace(db: Db, id: string, changes: WorkspaceChanges): Promise<WorkspaceRow> {
  assertFixedSettingsUnchanged(changes);
  const set: Partial<WorkspaceRow> = { updatedAt: new Date() };
  if (changes.displayName != null) set.displayName = changes.displayName;
  if (changes.logo !== undefined) set.logo = changes.logo;
  if (changes.inviteHash != null) set.inviteHash = changes.inviteHash;
  if (changes.allowImpersonation != null) set.allowImpersonation = changes.allowImpersonation;
  if (changes.isPublicInviteLinkEnabled != null) set.isPublicInviteLinkEnabled = changes.isPublicInviteLinkEnabled;
  if (changes.subdomain != null) {
    assertValidSubdomain(changes.subdomain);
    set.subdomain = changes.subdomain;
  }
  if (changes.defaultRoleId != null) {
    const [role] = await db.select({ id: roles.id }).from(roles).where(and(eq(roles.id, changes.defaultRoleId), eq(roles.workspaceId, id)));
    if (!role) throw new AppError(404, "ROLE_NOT_FOUND", "Role not found");
    set.defaultRoleId = role.id;
  }
  try {
    const [row] = await db.update(workspaces).set(set).where(and(eq(workspaces.id, id), isNull(workspaces.deletedAt))).returning();
    if (!row) throw notFound();
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(400, "SUBDOMAIN_TAKEN", "Subdomain already taken");
    throw error;
  }
}

/** Soft: tokens of the workspace stop working at once, the data stays until a purge. */
export async function softDeleteWorkspace(db: Db, id: string): Promise<WorkspaceRow> {
  const [row] = await db.update(workspaces).set({ deletedAt: new Date() }).where(and(eq(workspaces.id, id), isNull(workspaces.deletedAt))).returning();
  if (!row) throw notFound();
  return row;
}
