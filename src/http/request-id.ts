import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env.ts";

const acceptable = /^[A-Za-z0-9._:-]{1,128}$/;

/** Honours a caller's `x-request-id` when it is sane, so one id follows a request through proxies and logs. */
export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const given = c.req.header("x-request-id");
  const id = given && acceptable.test(given) ? given : crypto.randomUUID();
  c.set("requestId", id);
  await next();
  c.header("x-request-id", id);
});
