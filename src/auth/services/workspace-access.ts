import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { appTokens, workspaces } from "../../../drizzle/schema/index.ts";
import type { Db } from "../../db/database.ts";
import { AppError } from "../../errors/app-error.ts";
import { joinWorkspace } from "../../workspaces/join-workspace.ts";
import { consumePersonalInvitation } from "../../workspaces/invitations.ts";
import { verifyToken, readClaims, unauthenticated } from "../jwt.ts";
import { mintLoginToken } from "../tokens.ts";
import { listMemberships } from "./memberships.ts";
import { findUserByEmail, type UserRow } from "./users.ts";

export interface WorkspaceUrls {
  subdomainUrl: string;
  customUrl: string | null;
}

export interface AvailableWorkspace {
  id: string;
  displayName: string | null;
  loginToken: string | null;
  personalInviteToken: string | null;
  inviteHash: string | null;
  workspaceUrls: WorkspaceUrls;
  logo: string | null;
  sso: never[];
}

/** One server, one URL: the workspace URL is the server's (Twenty's single-workspace mode). */
export const workspaceUrls = (serverUrl: string): WorkspaceUrls => ({ subdomainUrl: serverUrl, customUrl: null });

/** Where a user may sign in (with a login token each) and where pending invitations would let them join. */
export async function availableWorkspaces(db: Db, appSecret: string, user: UserRow, serverUrl: string) {
  const memberships = await listMemberships(db, user.id);
  const forSignIn: AvailableWorkspace[] = [];
  for (const membership of memberships) {
    forSignIn.push({
      id: membership.workspaceId,
      displayName: membership.displayName,
      loginToken: (await mintLoginToken(appSecret, user.email, membership.workspaceId)).token,
      personalInviteToken: null,
      inviteHash: membership.inviteHash,
      workspaceUrls: workspaceUrls(serverUrl),
      logo: membership.logo,
      sso: [],
    });
  }
  const invited = await db
    .selectDistinct({ id: workspaces.id, displayName: workspaces.displayName, logo: workspaces.logo, inviteHash: workspaces.inviteHash })
    .from(appTokens)
    .innerJoin(workspaces, eq(workspaces.id, appTokens.workspaceId))
    .where(
      and(
        eq(appTokens.type, "INVITATION_TOKEN"),
        sql`${appTokens.context}->>'email' = ${user.email}`,
        isNull(appTokens.revokedAt),
        gt(appTokens.expiresAt, new Date()),
        isNull(workspaces.deletedAt),
      ),
    );
  const forSignUp = invited
    .filter((workspace) => !memberships.some((m) => m.workspaceId === workspace.id))
    .map((workspace): AvailableWorkspace => ({ ...workspace, loginToken: null, personalInviteToken: null, workspaceUrls: workspaceUrls(serverUrl), sso: [] }));
  return { availableWorkspacesForSignIn: forSignIn, availableWorkspacesForSignUp: forSignUp };
}

/** A login token names a user (by email) and one workspace; it is only good for that workspace's session. */
export async function readLoginToken(db: Db, appSecret: string, loginToken: string): Promise<{ user: UserRow; workspaceId: string }> {
  const claims = readClaims(loginToken);
  if (claims.type !== "LOGIN" || typeof claims.workspaceId !== "string" || typeof claims.sub !== "string") {
    throw unauthenticated("Token invalid.");
  }
  await verifyToken(appSecret, loginToken, claims.workspaceId, "LOGIN");
  const user = await findUserByEmail(db, claims.sub);
  if (!user) throw new AppError(401, "USER_NOT_FOUND", "User not found", "UNAUTHENTICATED");
  return { user, workspaceId: claims.workspaceId };
}

export interface JoinRequest {
  workspaceId?: string | null;
  workspaceInviteHash?: string | null;
  workspacePersonalInviteToken?: string | null;
}

/**
 * Which workspace a sign-up may enter: a personal invitation sent to this email, the public invite link when
 * the workspace allows it, or a workspace the user already belongs to. Anything else is refused.
 */
export async function enterWorkspace(tx: Db, user: UserRow, request: JoinRequest): Promise<string> {
  let workspaceId: string | undefined;
  if (request.workspacePersonalInviteToken) {
    workspaceId = await consumePersonalInvitation(tx, request.workspacePersonalInviteToken, user.email);
  } else if (request.workspaceInviteHash) {
    const [workspace] = await tx
      .select()
      .from(workspaces)
      .where(and(eq(workspaces.inviteHash, request.workspaceInviteHash), isNull(workspaces.deletedAt)));
    if (!workspace || !workspace.isPublicInviteLinkEnabled) throw new AppError(400, "INVALID_INVITE_HASH", "Invite link is invalid");
    workspaceId = workspace.id;
  } else if (request.workspaceId) {
    const member = (await listMemberships(tx, user.id)).some((m) => m.workspaceId === request.workspaceId);
    if (!member) throw new AppError(403, "INVITATION_REQUIRED", "An invitation is required to join this workspace", "FORBIDDEN_EXCEPTION");
    return request.workspaceId;
  } else {
    throw new AppError(400, "WORKSPACE_REQUIRED", "workspaceId, workspaceInviteHash or workspacePersonalInviteToken is required");
  }
  await joinWorkspace(tx, workspaceId, user);
  return workspaceId;
}
