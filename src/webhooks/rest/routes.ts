import { createRoute, z } from "@hono/zod-openapi";
import { errorBodySchema } from "../../http/openapi-schemas.ts";

export const webhookSchema = z
  .object({
    id: z.uuid(),
    targetUrl: z.string(),
    operations: z.array(z.string()),
    description: z.string().nullable(),
    secret: z.string().openapi({ description: "Shown in full only in the answer of the write that set it; masked afterwards" }),
    applicationId: z.uuid(),
    workspaceId: z.uuid(),
    createdAt: z.string(),
    updatedAt: z.string(),
    deletedAt: z.string().nullable(),
  })
  .openapi("Webhook");

const operations = z.array(z.string()).openapi({ description: '`<object>.<action>` patterns, e.g. "company.created", "*.updated", "person.*", "*.*"' });
const createBody = z.strictObject({
  id: z.uuid().optional(),
  targetUrl: z.string(),
  operations: operations.optional(),
  description: z.string().nullable().optional(),
  secret: z.string().nullable().optional(),
});
const updateBody = z.strictObject({
  targetUrl: z.string().optional(),
  operations: operations.optional(),
  description: z.string().nullable().optional(),
  secret: z.string().nullable().optional(),
});

const idParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ required: true, content: { "application/json": { schema } } });
const errors = {
  400: json(errorBodySchema, "Bad input or missing permission"),
  401: json(errorBodySchema, "Missing or invalid token"),
  404: json(errorBodySchema, "No such webhook in this workspace"),
};
const tags = ["Webhooks"];
const security = [{ bearerAuth: [] }];

export const listWebhooksRoute = createRoute({ method: "get", path: "/", tags, security, summary: "Webhooks of the workspace", responses: { 200: json(z.array(webhookSchema), "Webhooks"), ...errors } });
export const getWebhookRoute = createRoute({ method: "get", path: "/{id}", tags, security, request: { params: idParam }, responses: { 200: json(webhookSchema, "The webhook"), ...errors } });
export const createWebhookRoute = createRoute({
  method: "post",
  path: "/",
  tags,
  security,
  summary: "Register a webhook; the answer shows its secret, once",
  request: { body: body(createBody) },
  responses: { 201: json(webhookSchema, "The new webhook"), 409: json(errorBodySchema, "The id is taken"), ...errors },
});
export const updateWebhookRoute = createRoute({
  method: "patch",
  path: "/{id}",
  tags,
  security,
  request: { params: idParam, body: body(updateBody) },
  responses: { 200: json(webhookSchema, "The updated webhook"), ...errors },
});
export const deleteWebhookRoute = createRoute({
  method: "delete",
  path: "/{id}",
  tags,
  security,
  summary: "Delete (it stops receiving events at once)",
  request: { params: idParam },
  responses: { 200: json(webhookSchema, "The deleted webhook"), ...errors },
});
