import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env.ts";
import { validationHook } from "../http/validation-hook.ts";
import { healthz, version } from "./handlers.ts";
import { healthzRoute, versionRoute } from "./routes.ts";

export const healthApp = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(healthzRoute, healthz)
  .openapi(versionRoute, version);
