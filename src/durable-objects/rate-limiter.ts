import { DurableObject } from "cloudflare:workers";

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch seconds when the current window ends. */
  resetAt: number;
}

interface Window {
  startedAt: number;
  count: number;
}

/**
 * One instance per limited key (API key, user, login email...), addressed with `idFromName`. Counting in a
 * Durable Object makes the limit global across isolates and regions, which an in-memory counter is not.
 * Windows are fixed; state is in memory because losing it on eviction only forgives a few requests.
 */
export class RateLimiterObject extends DurableObject {
  private readonly windows = new Map<string, Window>();

  consume(limit: number, windowMs: number, cost = 1): RateLimitDecision {
    const now = Date.now();
    const key = `${limit}/${windowMs}`;
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= windowMs) {
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
    }
    const allowed = window.count + cost <= limit;
    if (allowed) window.count += cost;
    return {
      allowed,
      limit,
      remaining: Math.max(0, limit - window.count),
      resetAt: Math.ceil((window.startedAt + windowMs) / 1000),
    };
  }

  /** Forgets a key's windows, e.g. after a successful login. */
  reset(): void {
    this.windows.clear();
  }
}
