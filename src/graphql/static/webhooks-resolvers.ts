import { AppError } from "../../errors/app-error.ts";
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhooks,
  updateWebhook,
  webhookScopeOf,
  type CreateWebhookInput,
  type WebhookChanges,
} from "../../webhooks/webhook-service.ts";
import type { GraphQLContext } from "../context.ts";
import { requireSettings } from "../guards.ts";

/** Every webhook operation, reads included, needs API_KEYS_AND_WEBHOOKS, as in Twenty. */
const scopeOf = (ctx: GraphQLContext) => webhookScopeOf(requireSettings(ctx, "API_KEYS_AND_WEBHOOKS"), ctx.config.ENVIRONMENT);

export const webhooksResolvers = {
  Query: {
    webhooks: (_: unknown, __: unknown, ctx: GraphQLContext) => listWebhooks(ctx.db.http, scopeOf(ctx)),
    // 2.21 answers null for an id it does not know (the return type is nullable).
    webhook: (_: unknown, { id }: { id: string }, ctx: GraphQLContext) =>
      getWebhook(ctx.db.http, scopeOf(ctx), id).catch((error: unknown) => {
        if (error instanceof AppError && error.status === 404) return null;
        throw error;
      }),
  },
  Mutation: {
    createWebhook: (_: unknown, { input }: { input: CreateWebhookInput }, ctx: GraphQLContext) => createWebhook(ctx.db.http, scopeOf(ctx), input),
    updateWebhook: (_: unknown, { input }: { input: { id: string; update: WebhookChanges } }, ctx: GraphQLContext) =>
      updateWebhook(ctx.db.http, scopeOf(ctx), input.id, input.update),
    deleteWebhook: (_: unknown, { id }: { id: string }, ctx: GraphQLContext) => deleteWebhook(ctx.db.http, scopeOf(ctx), id),
  },
};
