import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env.ts";
import { AppError } from "../../errors/app-error.ts";
import { requireWorkspaceAuth } from "../../http/require-auth.ts";
import { validationHook } from "../../http/validation-hook.ts";
import { viewsRestApp } from "../../views/rest/index.ts";
import { webhooksRestApp } from "../../webhooks/rest/index.ts";
import { fieldHandlers, objectHandlers } from "./handlers.ts";
import { fieldRoutes, objectRoutes } from "./routes.ts";

/**
 * `/rest/metadata/objects` and `/rest/metadata/fields`, with Twenty's shapes; mounted at `/rest/metadata`
 * after the other metadata resources (API keys, ...), so its catch-all answers Twenty's path errors last.
 */
export function metadataRestApp() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use("*", requireWorkspaceAuth);
  app.route("/", viewsRestApp());
  app.route("/webhooks", webhooksRestApp());
  for (const [routes, handlers] of [
    [objectRoutes, objectHandlers],
    [fieldRoutes, fieldHandlers],
  ] as const) {
    app.openapi(routes.list, (c) => handlers.list(c, c.req.valid("query")) as never);
    app.openapi(routes.get, (c) => handlers.get(c, c.req.valid("param").id) as never);
    app.openapi(routes.create, (c) => handlers.create(c, c.req.valid("json") as never) as never);
    app.openapi(routes.update, (c) => handlers.update(c, c.req.valid("param").id, c.req.valid("json") as never) as never);
    app.openapi(routes.replace, (c) => handlers.update(c, c.req.valid("param").id, c.req.valid("json") as never) as never);
    app.openapi(routes.remove, (c) => handlers.remove(c, c.req.valid("param").id) as never);
  }
  app.on(["PATCH", "PUT", "DELETE"], "/:kind{objects|fields}", (c) => {
    const singular = c.req.param("kind").slice(0, -1);
    const verb = c.req.method === "DELETE" ? "delete" : "update";
    throw new AppError(400, "METADATA_ID_MISSING", `${verb} ${singular} query invalid. Id missing. eg: /rest/metadata/${singular}/0d4389ef-ea9c-4ae8-ada1-1cddc440fb56`);
  });
  app.all("/*", (c) => {
    const name = c.req.path.replace(/^\/rest\/metadata\/?/, "").split("/")[0] ?? "";
    throw new AppError(
      400,
      "INVALID_METADATA_PATH",
      `Query path '${c.req.path}' invalid. Metadata path "${name}" does not exist. Valid examples: /rest/metadata/fields or /rest/metadata/objects`,
    );
  });
  return app;
}
