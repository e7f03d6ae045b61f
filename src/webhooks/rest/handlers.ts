import type { RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../app-env.ts";
import { workspaceAuth } from "../../http/require-auth.ts";
import { createWebhook, deleteWebhook, getWebhook, listWebhooks, updateWebhook, webhookScopeOf, type WebhookView } from "../webhook-service.ts";
import type { createWebhookRoute, deleteWebhookRoute, getWebhookRoute, listWebhooksRoute, updateWebhookRoute } from "./routes.ts";

/** The raw entity, as Twenty's REST controller answers it (no `data` wrapper). */
const entity = (webhook: WebhookView) => ({
  id: webhook.id,
  targetUrl: webhook.targetUrl,
  operations: webhook.operations,
  description: webhook.description,
  secret: webhook.secret,
  applicationId: webhook.applicationId,
  workspaceId: webhook.workspaceId,
  createdAt: webhook.createdAt.toISOString(),
  updatedAt: webhook.updatedAt.toISOString(),
  deletedAt: webhook.deletedAt?.toISOString() ?? null,
});

const scope = (c: Context<AppEnv>) => webhookScopeOf(workspaceAuth(c.var.auth), c.var.config.ENVIRONMENT);

export const list: RouteHandler<typeof listWebhooksRoute, AppEnv> = async (c) => c.json((await listWebhooks(c.var.db.http, scope(c))).map(entity), 200);

export const get: RouteHandler<typeof getWebhookRoute, AppEnv> = async (c) => c.json(entity(await getWebhook(c.var.db.http, scope(c), c.req.valid("param").id)), 200);

export const create: RouteHandler<typeof createWebhookRoute, AppEnv> = async (c) =>
  c.json(entity(await createWebhook(c.var.db.http, scope(c), c.req.valid("json"))), 201);

export const update: RouteHandler<typeof updateWebhookRoute, AppEnv> = async (c) =>
  c.json(entity(await updateWebhook(c.var.db.http, scope(c), c.req.valid("param").id, c.req.valid("json"))), 200);

export const remove: RouteHandler<typeof deleteWebhookRoute, AppEnv> = async (c) =>
  c.json(entity(await deleteWebhook(c.var.db.http, scope(c), c.req.valid("param").id)), 200);
