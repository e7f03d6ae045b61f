import { createRoute, z } from "@hono/zod-openapi";
import { errorBodySchema } from "../../http/openapi-schemas.ts";

const tokensSchema = z
  .object({ accessToken: z.string(), refreshToken: z.string(), expiresIn: z.number().int() })
  .openapi("AuthTokensResponse");

const errors = {
  400: { description: "Bad input", content: { "application/json": { schema: errorBodySchema } } },
  401: { description: "Wrong credentials or token", content: { "application/json": { schema: errorBodySchema } } },
  429: { description: "Too many attempts", content: { "application/json": { schema: errorBodySchema } } },
};

export const loginRoute = createRoute({
  method: "post",
  path: "/auth/login",
  tags: ["Auth"],
  summary: "Exchange email and password for an access and a refresh token",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.strictObject({ email: z.string(), password: z.string(), workspaceId: z.uuid().optional() }),
        },
      },
    },
  },
  responses: { 200: { description: "Tokens", content: { "application/json": { schema: tokensSchema } } }, ...errors },
});

export const refreshRoute = createRoute({
  method: "post",
  path: "/auth/refresh",
  tags: ["Auth"],
  summary: "Exchange a refresh token for a new pair (the old one stops working)",
  request: {
    body: { required: true, content: { "application/json": { schema: z.strictObject({ refreshToken: z.string() }) } } },
  },
  responses: { 200: { description: "Tokens", content: { "application/json": { schema: tokensSchema } } }, ...errors },
});
