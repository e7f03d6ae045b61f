import { createApp } from "./app.ts";
import type { Bindings } from "./config/env.ts";
import { runScheduled } from "./scheduled/index.ts";

export { RateLimiterObject } from "./durable-objects/rate-limiter.ts";
export { WorkflowRunObject } from "./durable-objects/workflow-run.ts";

const app = createApp();

export default {
  fetch: app.fetch,
  scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduled(controller.cron, env));
  },
} satisfies ExportedHandler<Bindings>;
