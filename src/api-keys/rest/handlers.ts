import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env.ts";
import { workspaceAuth } from "../../http/require-auth.ts";
import { createApiKey, getApiKey, listApiKeys, revokeApiKey, updateApiKey, type ApiKeyRow } from "../api-key-service.ts";
import type { createApiKeyRoute, getApiKeyRoute, listApiKeysRoute, revokeApiKeyRoute, updateApiKeyRoute } from "./routes.ts";

/** The raw entity, as Twenty's REST controller answers it. */
const entity = (key: ApiKeyRow) => ({
  id: key.id,
  name: key.name,
  expiresAt: key.expiresAt.toISOString(),
  revokedAt: key.revokedAt?.toISOString() ?? null,
  workspaceId: key.workspaceId,
  createdAt: key.createdAt.toISOString(),
  updatedAt: key.updatedAt.toISOString(),
});

export const list: RouteHandler<typeof listApiKeysRoute, AppEnv> = async (c) =>
  c.json((await listApiKeys(c.var.db.http, workspaceAuth(c.var.auth).workspace.id)).map(entity), 200);

export const get: RouteHandler<typeof getApiKeyRoute, AppEnv> = async (c) =>
  c.json(entity(await getApiKey(c.var.db.http, workspaceAuth(c.var.auth).workspace.id, c.req.valid("param").id)), 200);

export const create: RouteHandler<typeof createApiKeyRoute, AppEnv> = async (c) => {
  const workspaceId = workspaceAuth(c.var.auth).workspace.id;
  const body = c.req.valid("json");
  return c.json(entity(await c.var.db.transaction((tx) => createApiKey(tx, workspaceId, body))), 201);
};

export const update: RouteHandler<typeof updateApiKeyRoute, AppEnv> = async (c) => {
  const workspaceId = workspaceAuth(c.var.auth).workspace.id;
  return c.json(entity(await updateApiKey(c.var.db.http, workspaceId, { id: c.req.valid("param").id, ...c.req.valid("json") })), 200);
};

export const revoke: RouteHandler<typeof revokeApiKeyRoute, AppEnv> = async (c) =>
  c.json(entity(await revokeApiKey(c.var.db.http, workspaceAuth(c.var.auth).workspace.id, c.req.valid("param").id)), 200);
