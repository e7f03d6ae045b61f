import { and, eq, isNull } from "drizzle-orm";
import { roleTargets, users, userWorkspaces, workspaces } from "../../drizzle/schema/index.ts";
import type { Db } from "../db/database.ts";
import { AppError } from "../errors/app-error.ts";
import { invitedRoleId } from "./invitations.ts";
import { insertWorkspaceMember } from "./workspace-members.ts";

export interface Joiner {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  locale: string;
}

/**
 * Makes a user a member of an active workspace: the link row, the role an invitation named (else the
 * workspace's default role) and a workspaceMember record, in the caller's transaction. Joining twice is a no-op.
 */
export async function joinWorkspace(tx: Db, workspaceId: string, user: Joiner): Promise<{ userWorkspaceId: string }> {
  const [workspace] = await tx.select().from(workspaces).where(and(eq(workspaces.id, workspaceId), isNull(workspaces.deletedAt)));
  if (!workspace || workspace.activationStatus !== "ACTIVE" || !workspace.schemaName) {
    throw new AppError(404, "WORKSPACE_NOT_FOUND", "Workspace not found");
  }
  const [existing] = await tx
    .select({ id: userWorkspaces.id })
    .from(userWorkspaces)
    .where(and(eq(userWorkspaces.userId, user.id), eq(userWorkspaces.workspaceId, workspaceId), isNull(userWorkspaces.deletedAt)));
  if (existing) return { userWorkspaceId: existing.id };
  const [link] = await tx.insert(userWorkspaces).values({ userId: user.id, workspaceId, locale: user.locale }).returning({ id: userWorkspaces.id });
  const roleId = (await invitedRoleId(tx, workspaceId, user.email)) ?? workspace.defaultRoleId;
  if (roleId) await tx.insert(roleTargets).values({ workspaceId, roleId, userWorkspaceId: link!.id });
  await insertWorkspaceMember(tx, workspace.schemaName, { userId: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName, locale: user.locale });
  await tx.update(users).set({ defaultWorkspaceId: workspaceId }).where(and(eq(users.id, user.id), isNull(users.defaultWorkspaceId)));
  return { userWorkspaceId: link!.id };
}
