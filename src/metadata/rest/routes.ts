import { createRoute, z } from "@hono/zod-openapi";
import { requireSettingsPermission } from "../../http/require-auth.ts";
import { errorBodySchema } from "../../http/openapi-schemas.ts";
import { createFieldBody, createObjectBody, idParam, listQuery, updateFieldBody, updateObjectBody } from "./schemas.ts";

const json = (description: string, schema: z.ZodType = z.record(z.string(), z.unknown())) => ({ description, content: { "application/json": { schema } } });
const errors = {
  400: json("Bad input, invalid change, or missing permission", errorBodySchema),
  401: json("Missing or invalid token", errorBodySchema),
  404: json("Unknown id in this workspace", errorBodySchema),
};
const dataModel = [requireSettingsPermission("DATA_MODEL")];
const body = (schema: z.ZodType) => ({ body: { required: true, content: { "application/json": { schema } } } });

/** The same five routes for `objects` and `fields`, with Twenty's response keys. */
function routesFor(kind: "objects" | "fields", createBody: z.ZodType, updateBody: z.ZodType) {
  const singular = kind === "objects" ? "object" : "field";
  const tags = [kind === "objects" ? "Objects" : "Fields"];
  return {
    list: createRoute({ method: "get", path: `/${kind}`, tags, request: { query: listQuery }, responses: { 200: json(`All ${kind}`), ...errors } }),
    get: createRoute({ method: "get", path: `/${kind}/{id}`, tags, request: { params: idParam, query: z.strictObject({}) }, responses: { 200: json(`One ${singular}`), ...errors } }),
    create: createRoute({ method: "post", path: `/${kind}`, tags, middleware: dataModel, request: body(createBody), responses: { 201: json(`The new ${singular}`), ...errors } }),
    update: createRoute({ method: "patch", path: `/${kind}/{id}`, tags, middleware: dataModel, request: { params: idParam, ...body(updateBody) }, responses: { 200: json(`The updated ${singular}`), ...errors } }),
    replace: createRoute({ method: "put", path: `/${kind}/{id}`, tags, middleware: dataModel, request: { params: idParam, ...body(updateBody) }, responses: { 200: json(`The updated ${singular}`), ...errors } }),
    remove: createRoute({ method: "delete", path: `/${kind}/{id}`, tags, middleware: dataModel, request: { params: idParam }, responses: { 200: json(`The deleted ${singular}'s id`), ...errors } }),
  };
}

export const objectRoutes = routesFor("objects", createObjectBody, updateObjectBody);
export const fieldRoutes = routesFor("fields", createFieldBody, updateFieldBody);
