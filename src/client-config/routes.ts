import { createRoute, z } from "@hono/zod-openapi";

export const clientConfigRoute = createRoute({
  method: "get",
  path: "/client-config",
  tags: ["Health"],
  summary: "What Twenty's web app needs before signing in (no token)",
  responses: {
    200: {
      description: "Twenty 2.21's client configuration, as this server answers it",
      content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
    },
  },
});
