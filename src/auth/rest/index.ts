import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env.ts";
import { validationHook } from "../../http/validation-hook.ts";
import { login, refresh } from "./handlers.ts";
import { loginRoute, refreshRoute } from "./routes.ts";

export const authRestApp = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(loginRoute, login)
  .openapi(refreshRoute, refresh);
