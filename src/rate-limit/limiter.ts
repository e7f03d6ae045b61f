import type { RateLimitDecision, RateLimiterObject } from "../durable-objects/rate-limiter.ts";

export interface Limit {
  limit: number;
  windowMs: number;
}

/** Counts one hit against `key` in its Durable Object and returns the decision. */
export async function consumeLimit(namespace: DurableObjectNamespace<RateLimiterObject>, key: string, limit: Limit): Promise<RateLimitDecision> {
  const stub = namespace.get(namespace.idFromName(key));
  return stub.consume(limit.limit, limit.windowMs);
}

export async function resetLimit(namespace: DurableObjectNamespace<RateLimiterObject>, key: string): Promise<void> {
  const stub = namespace.get(namespace.idFromName(key));
  await stub.reset();
}

export function retryAfterSeconds(decision: RateLimitDecision): number {
  return Math.max(1, decision.resetAt - Math.floor(Date.now() / 1000));
}
