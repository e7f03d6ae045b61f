import { and, eq, isNull, sql } from "drizzle-orm";
import { roles, roleTargets, users, userWorkspaces, workspaces } from "../../drizzle/schema/index.ts";
import { rowsOf } from "../db/rows.ts";
import type { Db } from "../db/database.ts";
import { AppError } from "../errors/app-error.ts";
import { provisionWorkspaceSchema } from "../metadata/provisioning/provision-workspace.ts";
import { adminRole, memberRole } from "../roles/standard-roles.ts";
import { insertWorkspaceMember, type MemberInput } from "./workspace-members.ts";
import { assertValidSubdomain } from "./workspace-service.ts";

export type WorkspaceRow = typeof workspaces.$inferSelect;

/**
 * A workspace waiting for activation (Twenty's PENDING_CREATION), with its creator already a member of it.
 * The name and subdomain may be chosen now (2.21's `SignUpInNewWorkspaceInput`) or later.
 */
export async function createPendingWorkspace(
  tx: Db,
  userId: string,
  chosen: { displayName?: string | null; subdomain?: string | null } = {},
): Promise<{ workspace: WorkspaceRow; userWorkspaceId: string }> {
  if (chosen.subdomain != null) assertValidSubdomain(chosen.subdomain);
  const subdomain = chosen.subdomain ?? `workspace-${crypto.randomUUID().slice(0, 8)}`;
  const displayName = chosen.displayName?.trim() || null;
  const [taken] = await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.subdomain, subdomain));
  if (taken) throw new AppError(400, "SUBDOMAIN_TAKEN", "Subdomain already taken");
  const [workspace] = await tx
    .insert(workspaces)
    .values({ subdomain, displayName, inviteHash: crypto.randomUUID(), activationStatus: "PENDING_CREATION" })
    .returning();
  const [link] = await tx.insert(userWorkspaces).values({ userId, workspaceId: workspace!.id }).returning({ id: userWorkspaces.id });
  await tx.update(users).set({ defaultWorkspaceId: workspace!.id }).where(and(eq(users.id, userId), isNull(users.defaultWorkspaceId)));
  return { workspace: workspace!, userWorkspaceId: link!.id };
}

/**
 * Activation does everything a workspace needs, in the caller's transaction: the Admin and Member roles
 * (Member becomes the default for joiners), the creator as Admin, the record schema with the standard
 * objects, the creator's workspace member, then ACTIVE. It fully happens or not at all.
 */
export async function activateWorkspace(
  tx: Db,
  input: { workspaceId: string; userWorkspaceId: string; displayName: string; creator: MemberInput },
): Promise<{ workspace: WorkspaceRow; workspaceMemberId: string }> {
  const locked = rowsOf<{ activationStatus: string }>(
    await tx.execute(sql`SELECT "activationStatus" FROM core.workspace WHERE id = ${input.workspaceId} FOR UPDATE`),
  );
  const status = locked[0]?.activationStatus;
  if (status !== "PENDING_CREATION") {
    throw new AppError(400, "WORKSPACE_ALREADY_ACTIVATED", status ? "Workspace is already activated" : "Workspace not found");
  }
  const [admin, member] = await tx
    .insert(roles)
    .values([adminRole, memberRole].map((role) => ({ ...role, workspaceId: input.workspaceId })))
    .returning({ id: roles.id });
  await tx.insert(roleTargets).values({ workspaceId: input.workspaceId, roleId: admin!.id, userWorkspaceId: input.userWorkspaceId });
  const { schemaName } = await provisionWorkspaceSchema(tx, input.workspaceId);
  const workspaceMemberId = await insertWorkspaceMember(tx, schemaName, input.creator);
  const [workspace] = await tx
    .update(workspaces)
    .set({
      displayName: input.displayName,
      schemaName,
      defaultRoleId: member!.id,
      activationStatus: "ACTIVE",
      metadataVersion: sql`${workspaces.metadataVersion} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(workspaces.id, input.workspaceId))
    .returning();
  return { workspace: workspace!, workspaceMemberId };
}
