import { OpenAPIHono } from "@hono/zod-openapi";
import { cors } from "hono/cors";
import type { AppEnv } from "./app-env.ts";
import { healthApp } from "./health/index.ts";
import { onError, onNotFound } from "./http/error-handler.ts";
import { requestId } from "./http/request-id.ts";
import { services } from "./http/services.ts";
import { validationHook } from "./http/validation-hook.ts";

const exposedHeaders = ["x-request-id", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After"];

export function createApp() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use("*", requestId);
  app.use("*", cors({ origin: "*", exposeHeaders: exposedHeaders, maxAge: 86_400 }));
  app.use("*", services);
  app.route("/", healthApp);
  app.notFound(onNotFound);
  app.onError(onError);
  return app;
}
