import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env.ts";
import { requireSettingsPermission, requireWorkspaceAuth } from "../../http/require-auth.ts";
import { validationHook } from "../../http/validation-hook.ts";
import { create, get, list, remove, update } from "./handlers.ts";
import { createWebhookRoute, deleteWebhookRoute, getWebhookRoute, listWebhooksRoute, updateWebhookRoute } from "./routes.ts";

/**
 * `/rest/metadata/webhooks`: mounted inside the metadata app, whose middleware has authenticated the caller.
 * Every route, reads included, needs API_KEYS_AND_WEBHOOKS, as in Twenty.
 */
export function webhooksRestApp() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use("*", requireSettingsPermission("API_KEYS_AND_WEBHOOKS"));
  return app
    .openapi(listWebhooksRoute, list)
    .openapi(getWebhookRoute, get)
    .openapi(createWebhookRoute, create)
    .openapi(updateWebhookRoute, update)
    .openapi(deleteWebhookRoute, remove);
}

/** Twenty's older `/rest/webhooks`, which authenticates on its own. */
export function legacyWebhooksRestApp() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use("*", requireWorkspaceAuth);
  app.route("/", webhooksRestApp());
  return app;
}
