import {
  assignRoleToApiKey,
  createApiKey,
  generateApiKeyToken,
  getApiKey,
  listApiKeys,
  revokeApiKey,
  updateApiKey,
  type CreateApiKeyInput,
  type UpdateApiKeyInput,
} from "../../api-keys/api-key-service.ts";
import { AppError } from "../../errors/app-error.ts";
import { loadWorkspace } from "../../workspaces/workspace-service.ts";
import type { GraphQLContext } from "../context.ts";
import { requireSettings } from "../guards.ts";

const workspaceOf = (ctx: GraphQLContext) => requireSettings(ctx, "API_KEYS_AND_WEBHOOKS").workspace.id;

/** Unknown ids answer null where Twenty's return type is nullable, instead of an error. */
const orNull = <T>(promise: Promise<T>) =>
  promise.catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) return null;
    throw error;
  });

export const apiKeysResolvers = {
  Query: {
    apiKeys: (_: unknown, __: unknown, ctx: GraphQLContext) => listApiKeys(ctx.db.http, workspaceOf(ctx)),
    apiKey: (_: unknown, { input }: { input: { id: string } }, ctx: GraphQLContext) => orNull(getApiKey(ctx.db.http, workspaceOf(ctx), input.id)),
  },
  Mutation: {
    createApiKey: (_: unknown, { input }: { input: CreateApiKeyInput }, ctx: GraphQLContext) => {
      const workspaceId = workspaceOf(ctx);
      return ctx.db.transaction((tx) => createApiKey(tx, workspaceId, input));
    },
    updateApiKey: (_: unknown, { input }: { input: UpdateApiKeyInput }, ctx: GraphQLContext) => orNull(updateApiKey(ctx.db.http, workspaceOf(ctx), input)),
    revokeApiKey: (_: unknown, { input }: { input: { id: string } }, ctx: GraphQLContext) => orNull(revokeApiKey(ctx.db.http, workspaceOf(ctx), input.id)),
    async generateApiKeyToken(_: unknown, args: { apiKeyId: string; expiresAt: string }, ctx: GraphQLContext) {
      return { token: await generateApiKeyToken(ctx.db.http, ctx.config.APP_SECRET, workspaceOf(ctx), args.apiKeyId, args.expiresAt) };
    },
    async assignRoleToApiKey(_: unknown, args: { apiKeyId: string; roleId: string }, ctx: GraphQLContext) {
      const workspaceId = workspaceOf(ctx);
      await ctx.db.transaction((tx) => assignRoleToApiKey(tx, workspaceId, args.apiKeyId, args.roleId));
      return true;
    },
  },
  ApiKey: {
    workspace: (key: { workspaceId: string }, _: unknown, ctx: GraphQLContext) => loadWorkspace(ctx.db.http, key.workspaceId),
  },
};
