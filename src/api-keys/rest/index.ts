import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env.ts";
import { requireSettingsPermission, requireWorkspaceAuth } from "../../http/require-auth.ts";
import { validationHook } from "../../http/validation-hook.ts";
import { create, get, list, revoke, update } from "./handlers.ts";
import { createApiKeyRoute, getApiKeyRoute, listApiKeysRoute, revokeApiKeyRoute, updateApiKeyRoute } from "./routes.ts";

/** Mounted at `/rest/metadata/apiKeys` and at Twenty's older `/rest/apiKeys`. */
export function apiKeysRestApp() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use("*", requireWorkspaceAuth, requireSettingsPermission("API_KEYS_AND_WEBHOOKS"));
  return app
    .openapi(listApiKeysRoute, list)
    .openapi(getApiKeyRoute, get)
    .openapi(createApiKeyRoute, create)
    .openapi(updateApiKeyRoute, update)
    .openapi(revokeApiKeyRoute, revoke);
}
