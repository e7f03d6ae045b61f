import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../app-env.ts";
import { hasSettingsPermission } from "../../auth/auth-context.ts";
import { permissionDenied } from "../../errors/app-error.ts";
import { workspaceAuth } from "../../http/require-auth.ts";
import { validationHook } from "../../http/validation-hook.ts";
import { viewEntities, type ViewEntity } from "../view-entities.ts";
import { createViewRows, getViewRow, listViewRows, softDeleteViewRow, updateViewRow, viewWriterOf, type ViewWriter } from "../view-store.ts";
import { viewResourceRoutes } from "./routes.ts";
import type { ViewResource } from "./schemas.ts";

const entityOf: Record<ViewResource, ViewEntity> = {
  views: viewEntities.view,
  viewFields: viewEntities.viewField,
  viewFilters: viewEntities.viewFilter,
  viewFilterGroups: viewEntities.viewFilterGroup,
  viewGroups: viewEntities.viewGroup,
  viewFieldGroups: viewEntities.viewFieldGroup,
  viewSorts: viewEntities.viewSort,
};

const reader = (c: Context<AppEnv>) => workspaceAuth(c.var.auth).workspace.id;
/** Writes need Twenty's VIEWS settings permission. */
function writer(c: Context<AppEnv>): ViewWriter {
  const auth = workspaceAuth(c.var.auth);
  if (!hasSettingsPermission(auth.role, "VIEWS")) throw permissionDenied();
  return viewWriterOf(auth);
}

const asList = (value: string | string[] | undefined) => (value === undefined ? undefined : [value].flat());

/**
 * `/rest/metadata/views`, `viewFields`, `viewFilters`, `viewFilterGroups`, `viewGroups`, `viewFieldGroups`,
 * `viewSorts`: raw rows as 2.21's controllers answer them; DELETE soft-deletes and answers `{success: true}`.
 * Mounted inside the metadata app, whose middleware has authenticated the caller.
 */
export function viewsRestApp() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  for (const resource of Object.keys(entityOf) as ViewResource[]) {
    const entity = entityOf[resource];
    const routes = viewResourceRoutes(resource);
    app.openapi(routes.list, async (c) => {
      const query = c.req.valid("query") as { objectMetadataId?: string; viewId?: string; viewTypes?: string | string[] };
      const rows = await listViewRows(c.var.db.http, reader(c), entity, { ...query, types: asList(query.viewTypes) });
      return c.json(rows, 200);
    });
    app.openapi(routes.get, async (c) => c.json(await getViewRow(c.var.db.http, reader(c), entity, c.req.valid("param").id), 200));
    app.openapi(routes.create, async (c) => {
      const [row] = await createViewRows(c.var.db.http, writer(c), entity, [c.req.valid("json") as Record<string, unknown>]);
      return c.json(row!, 201);
    });
    app.openapi(routes.update, async (c) =>
      c.json(await updateViewRow(c.var.db.http, writer(c).workspaceId, entity, c.req.valid("param").id, c.req.valid("json") as Record<string, unknown>), 200),
    );
    app.openapi(routes.remove, async (c) => {
      await softDeleteViewRow(c.var.db.http, writer(c).workspaceId, entity, c.req.valid("param").id);
      return c.json({ success: true }, 200);
    });
  }
  return app;
}
