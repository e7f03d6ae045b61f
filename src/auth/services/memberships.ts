import { sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { rowsOf } from "../../db/rows.ts";
import { AppError } from "../../errors/app-error.ts";
import { findWorkspaceMemberId } from "../../workspaces/workspace-members.ts";

export interface Membership {
  workspaceId: string;
  userWorkspaceId: string;
  displayName: string | null;
  subdomain: string;
  logo: string | null;
  inviteHash: string | null;
  activationStatus: string;
  schemaName: string | null;
}

/** The workspaces a user belongs to, default workspace first. */
export async function listMemberships(db: Db, userId: string): Promise<Membership[]> {
  return rowsOf<Membership>(
    await db.execute(sql`
      SELECT w.id AS "workspaceId", uw.id AS "userWorkspaceId", w."displayName", w.subdomain, w.logo, w."inviteHash",
             w."activationStatus", w."schemaName"
      FROM core."userWorkspace" uw
      JOIN core.workspace w ON w.id = uw."workspaceId" AND w."deletedAt" IS NULL
      JOIN core."user" u ON u.id = uw."userId"
      WHERE uw."userId" = ${userId} AND uw."deletedAt" IS NULL
      ORDER BY (w.id = u."defaultWorkspaceId") DESC, uw."createdAt"`),
  );
}

/** The membership a login goes to: the asked workspace (which the user must belong to) or the default one. */
export async function pickMembership(db: Db, userId: string, workspaceId?: string | null): Promise<Membership> {
  const memberships = await listMemberships(db, userId);
  const chosen = workspaceId ? memberships.find((m) => m.workspaceId === workspaceId) : memberships.find((m) => m.activationStatus === "ACTIVE") ?? memberships[0];
  if (!chosen) {
    throw new AppError(401, "WORKSPACE_NOT_FOUND", workspaceId ? "User does not have access to this workspace" : "User has no workspace", "UNAUTHENTICATED");
  }
  return chosen;
}

/**
 * The ids an access token carries. A workspace still waiting for activation has no member yet: its token
 * may only activate it (and then be renewed to carry the member).
 */
export async function accessSubject(db: Db, userId: string, membership: Membership) {
  const subject = { workspaceId: membership.workspaceId, userWorkspaceId: membership.userWorkspaceId, workspaceMemberId: null as string | null };
  if (membership.activationStatus === "PENDING_CREATION") return subject;
  if (membership.activationStatus !== "ACTIVE" || !membership.schemaName) {
    throw new AppError(403, "WORKSPACE_NOT_ACTIVE", "Workspace is not active", "FORBIDDEN_EXCEPTION");
  }
  subject.workspaceMemberId = await findWorkspaceMemberId(db, membership.schemaName, userId);
  if (!subject.workspaceMemberId) throw new AppError(403, "WORKSPACE_MEMBER_NOT_FOUND", "Workspace member not found", "FORBIDDEN_EXCEPTION");
  return subject;
}
