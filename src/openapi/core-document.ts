import { OpenAPIHono, z } from "@hono/zod-openapi";
import { BoundedCache } from "../cache/bounded-cache.ts";
import { errorBodySchema } from "../http/openapi-schemas.ts";
import { capitalize } from "../metadata/names.ts";
import type { ObjectMetadata } from "../metadata/types.ts";
import type { WorkspaceMetadata } from "../metadata/workspace-metadata.ts";
import { deleteQuery, depthQuery, filterQuery, groupByQuery, idPath, listQuery, upsertQuery } from "./parameters.ts";
import { objectSchemas } from "./record-schemas.ts";

const pageInfo = z
  .object({ startCursor: z.string().nullable(), endCursor: z.string().nullable(), hasNextPage: z.boolean(), hasPreviousPage: z.boolean() })
  .openapi("PageInfo");
const json = (schema: z.ZodType, description: string) => ({ description, content: { "application/json": { schema } } });
const errors = {
  400: json(errorBodySchema, "Bad request: the message names the parameter, field or value"),
  401: json(errorBodySchema, "Missing or invalid token"),
  404: json(errorBodySchema, "Record not found"),
  429: json(errorBodySchema, "Rate limit reached"),
};
const wrap = (key: string, schema: z.ZodType) => z.object({ data: z.object({ [key]: schema }) });

function registerObject(app: OpenAPIHono, metadata: WorkspaceMetadata, object: ObjectMetadata): void {
  const { record, create, update } = objectSchemas(metadata, object);
  const singular = capitalize(object.nameSingular);
  const plural = capitalize(object.namePlural);
  const tags = [object.labelPlural];
  const registry = app.openAPIRegistry;
  const body = (schema: z.ZodType) => ({ body: { required: true, content: { "application/json": { schema } } } });
  const base = `/${object.namePlural}`;
  registry.registerPath({
    method: "get", path: base, operationId: `findMany${plural}`, tags, summary: `Find ${object.labelPlural}`, request: { query: listQuery },
    responses: { 200: json(z.object({ data: z.object({ [object.namePlural]: z.array(record) }), totalCount: z.number().int(), pageInfo }), "A page of records"), ...errors },
  });
  registry.registerPath({ method: "post", path: base, operationId: `createOne${singular}`, tags, request: { query: upsertQuery, ...body(create) }, responses: { 201: json(wrap(`create${singular}`, record), "Created"), ...errors } });
  registry.registerPath({ method: "patch", path: base, operationId: `updateMany${plural}`, tags, summary: "Update the records matching a filter (required, at most 200)", request: { query: filterQuery, ...body(update) }, responses: { 200: json(wrap(`update${plural}`, z.array(record)), "Updated"), ...errors } });
  registry.registerPath({ method: "delete", path: base, operationId: `deleteMany${plural}`, tags, summary: "Delete the records matching a filter (required)", request: { query: filterQuery.extend(deleteQuery.shape) }, responses: { 200: json(wrap(`delete${plural}`, z.array(record)), "Deleted"), ...errors } });
  registry.registerPath({ method: "post", path: `/batch${base}`, operationId: `createMany${plural}`, tags, summary: "Create up to 200 records, all or none", request: { query: upsertQuery, ...body(z.array(create)) }, responses: { 201: json(wrap(`create${plural}`, z.array(record)), "Created"), ...errors } });
  registry.registerPath({ method: "get", path: `${base}/{id}`, operationId: `findOne${singular}`, tags, request: { params: idPath, query: depthQuery }, responses: { 200: json(wrap(object.nameSingular, record), "The record"), ...errors } });
  registry.registerPath({ method: "patch", path: `${base}/{id}`, operationId: `UpdateOne${singular}`, tags, request: { params: idPath, query: depthQuery, ...body(update) }, responses: { 200: json(wrap(`update${singular}`, record), "Updated"), ...errors } });
  registry.registerPath({ method: "delete", path: `${base}/{id}`, operationId: `deleteOne${singular}`, tags, summary: "Soft delete (restorable); soft_delete=false destroys", request: { params: idPath, query: deleteQuery }, responses: { 200: json(wrap(`delete${singular}`, record), "Deleted"), ...errors } });
  registry.registerPath({ method: "patch", path: `${base}/{id}/restore`, operationId: `restoreOne${singular}`, tags, request: { params: idPath, query: depthQuery }, responses: { 200: json(wrap(`restore${singular}`, record), "Restored"), ...errors } });
  registry.registerPath({
    method: "get", path: `${base}/groupBy`, operationId: `groupBy${plural}`, tags, summary: "Groups with aggregates (a bare array)",
    request: { query: groupByQuery },
    responses: { 200: json(z.array(z.object({ groupByDimensionValues: z.array(z.string().nullable()), records: z.array(record).optional() }).catchall(z.unknown())), "Groups"), ...errors },
  });
  registry.registerPath({
    method: "post", path: `${base}/duplicates`, operationId: `findMany${plural}Duplicates`, tags, summary: "Records that look like the given ids or data (one list per entry)",
    request: { query: depthQuery, ...body(z.object({ ids: z.array(z.string().uuid()).optional(), data: z.array(create).optional() })) },
    responses: { 200: json(z.object({ data: z.array(z.object({ [`${object.nameSingular}Duplicates`]: z.array(record), totalCount: z.number().int(), pageInfo })) }), "Duplicates per entry"), ...errors },
  });
  registry.registerPath({
    method: "patch", path: `${base}/merge`, operationId: `mergeMany${plural}`, tags, summary: "Merge 2 to 9 records into the one at conflictPriorityIndex; the others are soft-deleted",
    request: { query: depthQuery, ...body(z.object({ ids: z.array(z.string().uuid()).min(2).max(9), conflictPriorityIndex: z.number().int().min(0), dryRun: z.boolean().optional() })) },
    responses: { 200: json(wrap(`merge${singular}`, record), "The merged record"), ...errors },
  });
  registry.registerPath({ method: "patch", path: `${base}/restore`, operationId: `restoreMany${plural}`, tags, request: { query: filterQuery }, responses: { 200: json(wrap(`restore${plural}`, z.array(record)), "Restored"), ...errors } });
}

/** The workspace's REST API as OpenAPI 3.1, from its live metadata, through @hono/zod-openapi's generator. */
export function buildCoreDocument(metadata: WorkspaceMetadata, serverUrl: string) {
  const app = new OpenAPIHono();
  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", { type: "http", scheme: "bearer", bearerFormat: "JWT" });
  for (const object of metadata.objects) if (object.isActive) registerObject(app, metadata, object);
  return app.getOpenAPI31Document({
    openapi: "3.1.1",
    info: { title: "Twenty Api", version: "v0.1", description: "REST API of the workspace's objects, generated from its metadata." },
    servers: [{ url: `${serverUrl}/rest` }],
    security: [{ bearerAuth: [] }],
  });
}

// Documents are rebuilt only when the metadata version moves; a few big ones at most per isolate.
const documents = new BoundedCache<string, string>(32, 24 * 1024 * 1024);

export function coreDocumentText(metadata: WorkspaceMetadata, serverUrl: string): string {
  const key = `${metadata.workspaceId}:${metadata.version}:${serverUrl}`;
  let text = documents.get(key);
  if (!text) {
    text = JSON.stringify(buildCoreDocument(metadata, serverUrl));
    documents.set(key, text, text.length);
  }
  return text;
}
