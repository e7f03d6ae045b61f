import { z } from "@hono/zod-openapi";

export const errorBodySchema = z
  .object({
    statusCode: z.number().int(),
    error: z.string(),
    messages: z.array(z.string()),
    code: z.string(),
    requestId: z.string(),
  })
  .openapi("Error");
