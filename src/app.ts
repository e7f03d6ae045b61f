import { OpenAPIHono } from "@hono/zod-openapi";
import { cors } from "hono/cors";
import { apiKeysRestApp } from "./api-keys/rest/index.ts";
import type { AppEnv } from "./app-env.ts";
import { authRestApp } from "./auth/rest/index.ts";
import { devEmailApp } from "./email/dev-routes.ts";
import { graphqlApp } from "./graphql/routes.ts";
import { clientConfigApp } from "./client-config/index.ts";
import { healthApp } from "./health/index.ts";
import { metadataRestApp } from "./metadata/rest/index.ts";
import { openApiApp } from "./openapi/routes.ts";
import { limitBody } from "./http/body-limit.ts";
import { refuseNulCharacters } from "./http/nul-character.ts";
import { onError, onNotFound } from "./http/error-handler.ts";
import { requestId } from "./http/request-id.ts";
import { coreRestApp } from "./rest/index.ts";
import { legacyWebhooksRestApp } from "./webhooks/rest/index.ts";
import { services } from "./http/services.ts";
import { validationHook } from "./http/validation-hook.ts";

const exposedHeaders = ["x-request-id", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After"];

export function createApp() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use("*", requestId);
  app.use("*", cors({ origin: "*", exposeHeaders: exposedHeaders, maxAge: 86_400 }));
  app.use("*", limitBody);
  app.use("*", refuseNulCharacters);
  app.use("*", services);
  app.route("/", healthApp);
  app.route("/", clientConfigApp);
  app.route("/", authRestApp);
  app.route("/rest/metadata/apiKeys", apiKeysRestApp());
  app.route("/rest/apiKeys", apiKeysRestApp());
  app.route("/rest/webhooks", legacyWebhooksRestApp());
  app.route("/", openApiApp);
  app.route("/rest/metadata", metadataRestApp());
  app.route("/", graphqlApp);
  app.route("/", coreRestApp);
  app.route("/", devEmailApp);
  app.notFound(onNotFound);
  app.onError(onError);
  return app;
}
