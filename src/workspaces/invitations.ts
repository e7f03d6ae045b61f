import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { appTokens, roles, userWorkspaces, users } from "../../drizzle/schema/index.ts";
import { randomSecret, sha256Hex } from "../auth/secret-token.ts";
import { tokenLifetimes } from "../auth/tokens.ts";
import type { Db } from "../db/database.ts";
import type { EmailSender } from "../email/email-sender.ts";
import { invitationEmail } from "../email/templates.ts";
import { AppError } from "../errors/app-error.ts";
import { isUuid } from "../ids/uuid.ts";

export interface Invitation {
  id: string;
  email: string;
  /** The role the invitee gets on joining; null means the workspace's default role. */
  roleId: string | null;
  expiresAt: Date;
}

export interface InvitingWorkspace {
  id: string;
  displayName: string | null;
  inviteHash: string | null;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

async function isMember(db: Db, workspaceId: string, email: string): Promise<boolean> {
  const rows = await db
    .select({ id: userWorkspaces.id })
    .from(userWorkspaces)
    .innerJoin(users, eq(users.id, userWorkspaces.userId))
    .where(and(eq(userWorkspaces.workspaceId, workspaceId), eq(users.email, email), isNull(userWorkspaces.deletedAt)));
  return rows.length > 0;
}

async function assertAssignableRole(db: Db, workspaceId: string, roleId: string): Promise<void> {
  const [role] = await db.select().from(roles).where(and(eq(roles.id, roleId), eq(roles.workspaceId, workspaceId)));
  if (!role) throw new AppError(404, "ROLE_NOT_FOUND", "Role not found");
  if (!role.canBeAssignedToUsers) throw new AppError(400, "ROLE_CANNOT_BE_ASSIGNED_TO_USERS", `Role "${role.label}" cannot be assigned to users`);
}

/** One personal token per email (stored hashed, with the role to grant), mailed with the workspace's invite link. */
export async function sendInvitations(
  db: Db,
  sender: EmailSender,
  input: { workspace: InvitingWorkspace; inviterName: string; emails: string[]; roleId: string | null; serverUrl: string },
): Promise<{ success: boolean; errors: string[]; result: Invitation[] }> {
  if (input.roleId) await assertAssignableRole(db, input.workspace.id, input.roleId);
  const errors: string[] = [];
  const result: Invitation[] = [];
  for (const raw of input.emails) {
    const email = raw.trim().toLowerCase();
    if (!emailPattern.test(email)) {
      errors.push(`${raw} is not a valid email`);
      continue;
    }
    if (await isMember(db, input.workspace.id, email)) {
      errors.push(`${email} is already a member of this workspace`);
      continue;
    }
    result.push(await createInvitation(db, sender, input.workspace, input.inviterName, email, input.roleId, input.serverUrl));
  }
  return { success: errors.length === 0, errors, result };
}

async function createInvitation(db: Db, sender: EmailSender, workspace: InvitingWorkspace, inviterName: string, email: string, roleId: string | null, serverUrl: string) {
  const secret = randomSecret();
  const expiresAt = new Date(Date.now() + tokenLifetimes.invitation * 1000);
  const [row] = await db
    .insert(appTokens)
    .values({ type: "INVITATION_TOKEN", workspaceId: workspace.id, valueHash: await sha256Hex(secret), context: roleId ? { email, roleId } : { email }, expiresAt })
    .returning({ id: appTokens.id });
  const link = `${serverUrl}/invite/${workspace.inviteHash ?? ""}?inviteToken=${secret}&email=${encodeURIComponent(email)}`;
  await sender.send(invitationEmail(email, workspace.displayName ?? "a workspace", inviterName, link, workspace.id));
  return { id: row!.id, email, roleId, expiresAt };
}

const liveInvitations = (workspaceId: string) =>
  and(
    eq(appTokens.workspaceId, workspaceId),
    eq(appTokens.type, "INVITATION_TOKEN"),
    isNull(appTokens.revokedAt),
    isNull(appTokens.deletedAt),
    gt(appTokens.expiresAt, new Date()),
  );

export async function listInvitations(db: Db, workspaceId: string): Promise<Invitation[]> {
  const rows = await db
    .select({
      id: appTokens.id,
      email: sql<string>`${appTokens.context}->>'email'`,
      roleId: sql<string | null>`${appTokens.context}->>'roleId'`,
      expiresAt: appTokens.expiresAt,
    })
    .from(appTokens)
    .where(liveInvitations(workspaceId))
    .orderBy(appTokens.createdAt);
  return rows;
}

const invitationNotFound = () => new AppError(404, "INVITATION_NOT_FOUND", "Invitation not found");

export async function deleteInvitation(db: Db, workspaceId: string, appTokenId: string): Promise<string> {
  if (!isUuid(appTokenId)) throw invitationNotFound();
  const rows = await db
    .delete(appTokens)
    .where(and(eq(appTokens.id, appTokenId), eq(appTokens.workspaceId, workspaceId), eq(appTokens.type, "INVITATION_TOKEN")))
    .returning({ id: appTokens.id });
  if (!rows[0]) throw invitationNotFound();
  return rows[0].id;
}

export async function resendInvitation(db: Db, sender: EmailSender, workspace: InvitingWorkspace, inviterName: string, appTokenId: string, serverUrl: string) {
  if (!isUuid(appTokenId)) throw invitationNotFound();
  const [row] = await db
    .select({ email: sql<string>`${appTokens.context}->>'email'`, roleId: sql<string | null>`${appTokens.context}->>'roleId'` })
    .from(appTokens)
    .where(and(eq(appTokens.id, appTokenId), liveInvitations(workspace.id)));
  if (!row) throw invitationNotFound();
  await deleteInvitation(db, workspace.id, appTokenId);
  return createInvitation(db, sender, workspace, inviterName, row.email, row.roleId, serverUrl);
}

/** A personal invitation is good for the email it was sent to, once, until it expires. */
export async function consumePersonalInvitation(tx: Db, secret: string, email: string): Promise<string> {
  const [row] = await tx
    .select()
    .from(appTokens)
    .where(and(eq(appTokens.valueHash, await sha256Hex(secret)), eq(appTokens.type, "INVITATION_TOKEN"), isNull(appTokens.revokedAt), gt(appTokens.expiresAt, new Date())));
  if (!row || !row.workspaceId) throw new AppError(400, "INVALID_INVITATION", "Invitation is invalid or has expired");
  if ((row.context as { email?: string } | null)?.email !== email) {
    throw new AppError(400, "INVITATION_EMAIL_MISMATCH", "This invitation was sent to another email");
  }
  await tx.update(appTokens).set({ revokedAt: new Date() }).where(eq(appTokens.id, row.id));
  return row.workspaceId;
}

/**
 * The role the latest invitation of this email to this workspace carried, if any: whichever way the invitee
 * joins (personal token or the public link), the inviter's choice of role holds.
 */
export async function invitedRoleId(tx: Db, workspaceId: string, email: string): Promise<string | null> {
  const [row] = await tx
    .select({ roleId: sql<string | null>`${appTokens.context}->>'roleId'` })
    .from(appTokens)
    .innerJoin(roles, sql`${roles.id}::text = ${appTokens.context}->>'roleId'`)
    .where(and(eq(appTokens.workspaceId, workspaceId), eq(appTokens.type, "INVITATION_TOKEN"), sql`${appTokens.context}->>'email' = ${email}`))
    .orderBy(sql`${appTokens.createdAt} DESC`)
    .limit(1);
  return row?.roleId ?? null;
}
