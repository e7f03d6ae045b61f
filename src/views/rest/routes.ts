import { createRoute, z } from "@hono/zod-openapi";
import { errorBodySchema } from "../../http/openapi-schemas.ts";
import { viewBodies, viewTypes, type ViewResource } from "./schemas.ts";

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ required: true, content: { "application/json": { schema } } });
const idParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });
/** Rows are answered raw, as Twenty's view controllers do (no `data` wrapper). */
const rowSchema = z.record(z.string(), z.unknown()).openapi("ViewMetadataRow");
const errors = {
  400: json(errorBodySchema, "Bad input or missing permission"),
  401: json(errorBodySchema, "Missing or invalid token"),
  404: json(errorBodySchema, "No such row in this workspace"),
};
const security = [{ bearerAuth: [] }];

/** `?objectMetadataId=&viewTypes=` on views, `?viewId=` on their parts. */
const listQuery = (resource: ViewResource) =>
  resource === "views"
    ? z.strictObject({ objectMetadataId: z.uuid().optional(), viewTypes: z.union([z.enum(viewTypes), z.array(z.enum(viewTypes))]).optional() })
    : z.strictObject({ viewId: z.uuid().optional() });

export function viewResourceRoutes<R extends ViewResource>(resource: R) {
  const tags = ["Views"];
  const path = `/${resource}`;
  return {
    list: createRoute({ method: "get", path, tags, security, request: { query: listQuery(resource) }, responses: { 200: json(z.array(rowSchema), resource), ...errors } }),
    get: createRoute({ method: "get", path: `${path}/{id}`, tags, security, request: { params: idParam }, responses: { 200: json(rowSchema, "The row"), ...errors } }),
    create: createRoute({
      method: "post",
      path,
      tags,
      security,
      request: { body: body(viewBodies[resource].create) },
      responses: { 201: json(rowSchema, "The new row"), ...errors },
    }),
    update: createRoute({
      method: "patch",
      path: `${path}/{id}`,
      tags,
      security,
      request: { params: idParam, body: body(viewBodies[resource].update) },
      responses: { 200: json(rowSchema, "The updated row"), ...errors },
    }),
    remove: createRoute({
      method: "delete",
      path: `${path}/{id}`,
      tags,
      security,
      request: { params: idParam },
      responses: { 200: json(z.object({ success: z.boolean() }), "Deleted"), ...errors },
    }),
  };
}
