import { OpenAPIHono, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env.ts";
import { validationHook } from "../http/validation-hook.ts";
import { clientConfig } from "./client-config.ts";
import { clientConfigRoute } from "./routes.ts";

const answer: RouteHandler<typeof clientConfigRoute, AppEnv> = (c) => c.json(clientConfig(c.var.config, new URL(c.req.url).origin), 200);

export const clientConfigApp = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(clientConfigRoute, answer);
