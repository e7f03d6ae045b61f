import { AppError } from "../../errors/app-error.ts";
import { accessSubject, listMemberships, pickMembership } from "../../auth/services/memberships.ts";
import { passwordLogin } from "../../auth/services/password-login.ts";
import { requestPasswordReset, resetPassword, validatePasswordResetToken } from "../../auth/services/password-reset.ts";
import { consumeRefreshToken, issueTokenPair } from "../../auth/services/session-tokens.ts";
import { createUser, findUserByEmail, findUserById, normalizeEmail } from "../../auth/services/users.ts";
import { availableWorkspaces, enterWorkspace, readLoginToken, workspaceUrls, type JoinRequest } from "../../auth/services/workspace-access.ts";
import { mintLoginToken, mintTransientToken } from "../../auth/tokens.ts";
import { createPendingWorkspace } from "../../workspaces/create-workspace.ts";
import type { GraphQLContext } from "../context.ts";
import { requireAuth, requireUserInWorkspace } from "../guards.ts";

type Credentials = { email: string; password: string; locale?: string | null };

async function agnosticSession(ctx: GraphQLContext, userId: string) {
  const { db, config } = ctx;
  const user = (await findUserById(db.http, userId))!;
  return {
    tokens: await issueTokenPair(db.http, config.APP_SECRET, { userId }),
    availableWorkspaces: await availableWorkspaces(db.http, config.APP_SECRET, user, ctx.serverUrl),
  };
}

export const authResolvers = {
  Query: {
    async checkUserExists(_: unknown, { email }: { email: string }, ctx: GraphQLContext) {
      const user = await findUserByEmail(ctx.db.http, normalizeEmail(email));
      const count = user ? (await listMemberships(ctx.db.http, user.id)).length : 0;
      return { exists: Boolean(user), availableWorkspacesCount: count, isEmailVerified: user?.isEmailVerified ?? false };
    },
    validatePasswordResetToken: (_: unknown, { passwordResetToken }: { passwordResetToken: string }, ctx: GraphQLContext) =>
      validatePasswordResetToken(ctx.db.http, passwordResetToken),
  },
  Mutation: {
    async signUp(_: unknown, args: Credentials, ctx: GraphQLContext) {
      const user = await createUser(ctx.db.http, { email: args.email, password: args.password, locale: args.locale ?? "en" });
      return agnosticSession(ctx, user.id);
    },
    async signIn(_: unknown, args: Credentials, ctx: GraphQLContext) {
      const user = await passwordLogin(ctx.db.http, ctx.config.RATE_LIMITER, args.email, args.password, ctx.clientAddress);
      return agnosticSession(ctx, user.id);
    },
    async signUpInWorkspace(_: unknown, args: Credentials & JoinRequest, ctx: GraphQLContext) {
      const { db, config } = ctx;
      const existing = await findUserByEmail(db.http, normalizeEmail(args.email));
      const known = existing ? await passwordLogin(db.http, config.RATE_LIMITER, args.email, args.password, ctx.clientAddress) : undefined;
      // A new user and their membership are written together: a refused invitation leaves no account behind.
      const { user, workspaceId } = await db.transaction(async (tx) => {
        const user = known ?? (await createUser(tx, { email: args.email, password: args.password, locale: args.locale ?? "en" }));
        return { user, workspaceId: await enterWorkspace(tx, user, args) };
      });
      return {
        loginToken: await mintLoginToken(config.APP_SECRET, user.email, workspaceId),
        workspace: { id: workspaceId, workspaceUrls: workspaceUrls(ctx.serverUrl) },
      };
    },
    async signUpInNewWorkspace(_: unknown, { input }: { input?: { displayName?: string | null; subdomain?: string | null } | null }, ctx: GraphQLContext) {
      const auth = requireAuth(ctx);
      if (auth.kind === "apiKey") throw new AppError(403, "USER_REQUIRED", "This operation needs a user token", "FORBIDDEN");
      const { workspace } = await ctx.db.transaction((tx) => createPendingWorkspace(tx, auth.user.id, input ?? {}));
      return {
        loginToken: await mintLoginToken(ctx.config.APP_SECRET, auth.user.email, workspace.id),
        workspace: { id: workspace.id, workspaceUrls: workspaceUrls(ctx.serverUrl) },
      };
    },
    async getLoginTokenFromCredentials(_: unknown, args: Credentials, ctx: GraphQLContext) {
      const user = await passwordLogin(ctx.db.http, ctx.config.RATE_LIMITER, args.email, args.password, ctx.clientAddress);
      const membership = await pickMembership(ctx.db.http, user.id);
      return { loginToken: await mintLoginToken(ctx.config.APP_SECRET, user.email, membership.workspaceId) };
    },
    async getAuthTokensFromLoginToken(_: unknown, { loginToken }: { loginToken: string }, ctx: GraphQLContext) {
      const { db, config } = ctx;
      const { user, workspaceId } = await readLoginToken(db.http, config.APP_SECRET, loginToken);
      const workspace = await accessSubject(db.http, user.id, await pickMembership(db.http, user.id, workspaceId));
      return { tokens: await issueTokenPair(db.http, config.APP_SECRET, { userId: user.id, workspace }) };
    },
    async renewToken(_: unknown, { appToken }: { appToken: string }, ctx: GraphQLContext) {
      const { db, config } = ctx;
      const refreshed = await consumeRefreshToken(db.http, config.APP_SECRET, appToken);
      const workspace = refreshed.workspaceId
        ? await accessSubject(db.http, refreshed.userId, await pickMembership(db.http, refreshed.userId, refreshed.workspaceId))
        : undefined;
      return {
        tokens: await issueTokenPair(db.http, config.APP_SECRET, {
          userId: refreshed.userId,
          authProvider: refreshed.authProvider,
          ...(workspace ? { workspace } : {}),
        }),
      };
    },
    async generateTransientToken(_: unknown, __: unknown, ctx: GraphQLContext) {
      const auth = requireUserInWorkspace(ctx);
      return {
        transientToken: await mintTransientToken(ctx.config.APP_SECRET, {
          userId: auth.user.id,
          workspaceId: auth.workspace.id,
          workspaceMemberId: auth.workspaceMemberId ?? "",
        }),
      };
    },
    async emailPasswordResetLink(_: unknown, { email }: { email: string }, ctx: GraphQLContext) {
      await requestPasswordReset(ctx.db.http, ctx.email, email, ctx.serverUrl);
      return { success: true };
    },
    async updatePasswordViaResetToken(_: unknown, args: { passwordResetToken: string; newPassword: string }, ctx: GraphQLContext) {
      await ctx.db.transaction((tx) => resetPassword(tx, args.passwordResetToken, args.newPassword));
      return { success: true };
    },
  },
};
