import { createRoute, z } from "@hono/zod-openapi";
import { errorBodySchema } from "../http/openapi-schemas.ts";

export const healthzRoute = createRoute({
  method: "get",
  path: "/healthz",
  tags: ["Health"],
  summary: "Liveness and database check",
  responses: {
    200: {
      description: "The Worker runs and the database answers",
      content: {
        "application/json": {
          schema: z.object({
            status: z.literal("ok"),
            checks: z.object({ database: z.object({ status: z.literal("up"), latencyMs: z.number() }) }),
          }),
        },
      },
    },
    503: { description: "The database does not answer", content: { "application/json": { schema: errorBodySchema } } },
  },
});

export const versionRoute = createRoute({
  method: "get",
  path: "/version",
  tags: ["Health"],
  summary: "Build and compatibility information",
  responses: {
    200: {
      description: "Version information",
      content: {
        "application/json": {
          schema: z.object({ name: z.string(), version: z.string(), compatibleWith: z.string() }),
        },
      },
    },
  },
});
