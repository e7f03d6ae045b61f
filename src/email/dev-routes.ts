import { desc, eq } from "drizzle-orm";
import { Hono } from "hono";
import { emailOutbox } from "../../drizzle/schema/index.ts";
import type { AppEnv } from "../app-env.ts";
import { AppError } from "../errors/app-error.ts";

/**
 * Development and tests only: reads the local outbox, so reset and invitation links can be followed.
 * In production the route does not exist (404 like any unknown path).
 */
export const devEmailApp = new Hono<AppEnv>().get("/dev/emails", async (c) => {
  if (c.var.config.ENVIRONMENT === "production") throw new AppError(404, "ROUTE_NOT_FOUND", `Cannot GET ${c.req.path}`);
  const to = c.req.query("to");
  const query = c.var.db.http.select().from(emailOutbox).orderBy(desc(emailOutbox.createdAt)).limit(50);
  const emails = to ? await query.where(eq(emailOutbox.to, to.toLowerCase())) : await query;
  return c.json({ emails });
});
