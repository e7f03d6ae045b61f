import { createRoute, z } from "@hono/zod-openapi";
import { errorBodySchema } from "../../http/openapi-schemas.ts";

export const apiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    workspaceId: z.uuid(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("ApiKey");

const idParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
const errors = {
  400: json(errorBodySchema, "Bad input or missing permission"),
  401: json(errorBodySchema, "Missing or invalid token"),
  404: json(errorBodySchema, "No such API key in this workspace"),
};

export const listApiKeysRoute = createRoute({
  method: "get",
  path: "/",
  tags: ["API keys"],
  summary: "Active API keys of the workspace",
  security: [{ bearerAuth: [] }],
  responses: { 200: json(z.array(apiKeySchema), "API keys"), ...errors },
});

export const getApiKeyRoute = createRoute({
  method: "get",
  path: "/{id}",
  tags: ["API keys"],
  security: [{ bearerAuth: [] }],
  request: { params: idParam },
  responses: { 200: json(apiKeySchema, "The API key"), ...errors },
});

export const createApiKeyRoute = createRoute({
  method: "post",
  path: "/",
  tags: ["API keys"],
  security: [{ bearerAuth: [] }],
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.strictObject({ name: z.string(), expiresAt: z.string(), revokedAt: z.string().nullable().optional(), roleId: z.uuid().optional() }),
        },
      },
    },
  },
  responses: { 201: json(apiKeySchema, "The new API key"), ...errors },
});

export const updateApiKeyRoute = createRoute({
  method: "patch",
  path: "/{id}",
  tags: ["API keys"],
  security: [{ bearerAuth: [] }],
  request: {
    params: idParam,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.strictObject({ name: z.string().optional(), expiresAt: z.string().optional(), revokedAt: z.string().nullable().optional() }),
        },
      },
    },
  },
  responses: { 200: json(apiKeySchema, "The updated API key"), ...errors },
});

export const revokeApiKeyRoute = createRoute({
  method: "delete",
  path: "/{id}",
  tags: ["API keys"],
  summary: "Revoke (tokens of the key stop working at once)",
  security: [{ bearerAuth: [] }],
  request: { params: idParam },
  responses: { 200: json(apiKeySchema, "The revoked API key"), ...errors },
});
