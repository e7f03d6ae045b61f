import { and, asc, eq, isNull } from "drizzle-orm";
import { roles, userWorkspaces } from "../../../drizzle/schema/index.ts";
import { findUserById } from "../../auth/services/users.ts";
import { availableWorkspaces, workspaceUrls } from "../../auth/services/workspace-access.ts";
import { AppError } from "../../errors/app-error.ts";
import { permissionFlagTypes } from "../../roles/permission-flags.ts";
import packageJson from "../../../package.json" with { type: "json" };
import { activateWorkspace, type WorkspaceRow } from "../../workspaces/create-workspace.ts";
import { deleteInvitation, listInvitations, resendInvitation, sendInvitations } from "../../workspaces/invitations.ts";
import { loadApplicationIds } from "../../workspaces/application-ids.ts";
import { fixedWorkspaceSettings } from "../../workspaces/fixed-settings.ts";
import { listWorkspaceMembers, readWorkspaceMember } from "../../workspaces/workspace-members.ts";
import {
  countMembers,
  findWorkspaceByInviteHash,
  loadWorkspace,
  softDeleteWorkspace,
  updateWorkspace,
  type WorkspaceChanges,
} from "../../workspaces/workspace-service.ts";
import type { GraphQLContext } from "../context.ts";
import { requireAuth, requireSettings, requireUserInWorkspace, requireWorkspace } from "../guards.ts";

function userOf(ctx: GraphQLContext) {
  const auth = requireAuth(ctx);
  if (auth.kind === "apiKey") throw new AppError(403, "USER_REQUIRED", "This operation needs a user token", "FORBIDDEN");
  return auth;
}

const inviterName = (auth: ReturnType<typeof requireUserInWorkspace>) =>
  `${auth.user.firstName} ${auth.user.lastName}`.trim() || auth.user.email;

export const workspaceResolvers = {
  Query: {
    async currentUser(_: unknown, __: unknown, ctx: GraphQLContext) {
      const user = await findUserById(ctx.db.http, userOf(ctx).user.id);
      if (!user) throw new AppError(401, "USER_NOT_FOUND", "User not found", "UNAUTHENTICATED");
      return user;
    },
    currentWorkspace: (_: unknown, __: unknown, ctx: GraphQLContext) => loadWorkspace(ctx.db.http, requireWorkspace(ctx).workspace.id),
    async getRoles(_: unknown, __: unknown, ctx: GraphQLContext) {
      const auth = requireWorkspace(ctx);
      return ctx.db.http.select().from(roles).where(eq(roles.workspaceId, auth.workspace.id)).orderBy(asc(roles.createdAt));
    },
    async findWorkspaceFromInviteHash(_: unknown, { inviteHash }: { inviteHash: string }, ctx: GraphQLContext) {
      const workspace = await findWorkspaceByInviteHash(ctx.db.http, inviteHash);
      if (!workspace) throw new AppError(404, "WORKSPACE_NOT_FOUND", "Workspace not found");
      return workspace;
    },
    async checkWorkspaceInviteHashIsValid(_: unknown, { inviteHash }: { inviteHash: string }, ctx: GraphQLContext) {
      const workspace = await findWorkspaceByInviteHash(ctx.db.http, inviteHash);
      return { isValid: Boolean(workspace?.isPublicInviteLinkEnabled) };
    },
    findWorkspaceInvitations: (_: unknown, __: unknown, ctx: GraphQLContext) =>
      listInvitations(ctx.db.http, requireSettings(ctx, "WORKSPACE_MEMBERS").workspace.id),
    versionInfo: () => ({ currentVersion: packageJson.version, latestVersion: packageJson.version }),
  },
  Mutation: {
    async activateWorkspace(_: unknown, { data }: { data: { displayName?: string | null } }, ctx: GraphQLContext) {
      const auth = requireUserInWorkspace(ctx);
      const chosenAtSignUp = auth.workspace.displayName;
      const { workspace } = await ctx.db.transaction((tx) =>
        activateWorkspace(tx, {
          workspaceId: auth.workspace.id,
          userWorkspaceId: auth.userWorkspaceId,
          displayName: data.displayName?.trim() || chosenAtSignUp || "My workspace",
          creator: { userId: auth.user.id, email: auth.user.email, firstName: auth.user.firstName, lastName: auth.user.lastName },
        }),
      );
      return workspace;
    },
    updateWorkspace: (_: unknown, { data }: { data: WorkspaceChanges }, ctx: GraphQLContext) =>
      updateWorkspace(ctx.db.http, requireSettings(ctx, "WORKSPACE").workspace.id, data),
    deleteCurrentWorkspace: (_: unknown, __: unknown, ctx: GraphQLContext) =>
      softDeleteWorkspace(ctx.db.http, requireSettings(ctx, "WORKSPACE").workspace.id),
    async sendInvitations(_: unknown, { emails, roleId }: { emails: string[]; roleId?: string | null }, ctx: GraphQLContext) {
      requireSettings(ctx, "WORKSPACE_MEMBERS");
      const auth = requireUserInWorkspace(ctx);
      const workspace = await loadWorkspace(ctx.db.http, auth.workspace.id);
      return sendInvitations(ctx.db.http, ctx.email, { workspace, inviterName: inviterName(auth), emails, roleId: roleId ?? null, serverUrl: ctx.serverUrl });
    },
    deleteWorkspaceInvitation: (_: unknown, { appTokenId }: { appTokenId: string }, ctx: GraphQLContext) =>
      deleteInvitation(ctx.db.http, requireSettings(ctx, "WORKSPACE_MEMBERS").workspace.id, appTokenId),
    async resendWorkspaceInvitation(_: unknown, { appTokenId }: { appTokenId: string }, ctx: GraphQLContext) {
      requireSettings(ctx, "WORKSPACE_MEMBERS");
      const auth = requireUserInWorkspace(ctx);
      const workspace = await loadWorkspace(ctx.db.http, auth.workspace.id);
      const invitation = await resendInvitation(ctx.db.http, ctx.email, workspace, inviterName(auth), appTokenId, ctx.serverUrl);
      return { success: true, errors: [], result: [invitation] };
    },
  },
  /** A self-hosted install without SSO, billing, AI or an enterprise key: those members answer their "off" values. */
  Workspace: {
    ...Object.fromEntries(Object.entries(fixedWorkspaceSettings).map(([name, value]) => [name, () => value])),
    logoFileId: () => null,
    isCustomDomainEnabled: () => false,
    routerModel: () => "",
    featureFlags: () => [],
    hasValidSignedEnterpriseKey: () => false,
    hasValidEnterpriseValidityToken: () => false,
    databaseSchema: (workspace: WorkspaceRow) => workspace.schemaName,
    workspaceCustomApplicationId: async (workspace: WorkspaceRow, _: unknown, ctx: GraphQLContext) =>
      (await loadApplicationIds(ctx.db.http, workspace.id)).customApplicationId,
    workspaceUrls: (_: WorkspaceRow, __: unknown, ctx: GraphQLContext) => workspaceUrls(ctx.serverUrl),
    workspaceMembersCount: (workspace: WorkspaceRow, _: unknown, ctx: GraphQLContext) => countMembers(ctx.db.http, workspace.id),
    async defaultRole(workspace: WorkspaceRow, _: unknown, ctx: GraphQLContext) {
      if (!workspace.defaultRoleId) return null;
      const [role] = await ctx.db.http.select().from(roles).where(eq(roles.id, workspace.defaultRoleId));
      return role ?? null;
    },
  },
  User: {
    hasPassword: (user: { passwordHash: string | null }) => user.passwordHash !== null,
    disabled: () => false,
    userVars: () => ({}),
    supportUserHash: () => null,
    workspaceMembers: (_: unknown, __: unknown, ctx: GraphQLContext) => membersOfCallerWorkspace(ctx, false),
    deletedWorkspaceMembers: (_: unknown, __: unknown, ctx: GraphQLContext) => membersOfCallerWorkspace(ctx, true),
    onboardingStatus: () => "COMPLETED",
    async workspaceMember(_: unknown, __: unknown, ctx: GraphQLContext) {
      const auth = ctx.auth;
      if (auth?.kind !== "user" || !auth.workspace.schemaName) return null;
      const member = await readWorkspaceMember(ctx.db.http, auth.workspace.schemaName, auth.user.id);
      return member && { ...member, userWorkspaceId: auth.userWorkspaceId };
    },
    currentWorkspace: (_: unknown, __: unknown, ctx: GraphQLContext) =>
      ctx.auth?.kind === "user" ? loadWorkspace(ctx.db.http, ctx.auth.workspace.id) : null,
    async currentUserWorkspace(_: unknown, __: unknown, ctx: GraphQLContext) {
      if (ctx.auth?.kind !== "user") return null;
      const [row] = await ctx.db.http.select().from(userWorkspaces).where(eq(userWorkspaces.id, ctx.auth.userWorkspaceId));
      return row ?? null;
    },
    workspaces: (user: { id: string }, _: unknown, ctx: GraphQLContext) => userWorkspacesOf(ctx, user.id),
    userWorkspaces: (user: { id: string }, _: unknown, ctx: GraphQLContext) => userWorkspacesOf(ctx, user.id),
    async availableWorkspaces(user: { id: string }, _: unknown, ctx: GraphQLContext) {
      const row = (await findUserById(ctx.db.http, user.id))!;
      return availableWorkspaces(ctx.db.http, ctx.config.APP_SECRET, row, ctx.serverUrl);
    },
  },
  UserWorkspace: {
    user: (link: { userId: string }, _: unknown, ctx: GraphQLContext) => findUserById(ctx.db.http, link.userId),
    permissionFlags(link: { id: string }, _: unknown, ctx: GraphQLContext) {
      if (ctx.auth?.kind !== "user" || ctx.auth.userWorkspaceId !== link.id || !ctx.auth.role) return [];
      return ctx.auth.role.canUpdateAllSettings ? permissionFlagTypes : ctx.auth.role.permissionFlags;
    },
  },
};

async function userWorkspacesOf(ctx: GraphQLContext, userId: string) {
  return ctx.db.http
    .select()
    .from(userWorkspaces)
    .where(and(eq(userWorkspaces.userId, userId), isNull(userWorkspaces.deletedAt)));
}

/** The members of the caller's own workspace (live or soft-deleted); none before the workspace is active. */
async function membersOfCallerWorkspace(ctx: GraphQLContext, deleted: boolean) {
  const auth = ctx.auth;
  if (auth?.kind !== "user" || !auth.workspace.schemaName) return [];
  return listWorkspaceMembers(ctx.db.http, { id: auth.workspace.id, schemaName: auth.workspace.schemaName }, deleted);
}
