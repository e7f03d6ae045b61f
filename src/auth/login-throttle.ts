import type { RateLimiterObject } from "../durable-objects/rate-limiter.ts";
import { AppError } from "../errors/app-error.ts";
import { consumeLimit, resetLimit, retryAfterSeconds } from "../rate-limit/limiter.ts";

/**
 * Ten password attempts per email per quarter hour from one client address. Counting per email alone would
 * let a stranger lock a user out by guessing wrong ten times; per pair, the guesser only locks themself out.
 */
export const loginAttempts = { limit: 10, windowMs: 15 * 60 * 1000 };

const keyFor = (email: string, address: string) => `login:${email.trim().toLowerCase()}:${address}`;

export async function throttleLogin(namespace: DurableObjectNamespace<RateLimiterObject>, email: string, address: string): Promise<void> {
  const decision = await consumeLimit(namespace, keyFor(email, address), loginAttempts);
  if (!decision.allowed) {
    const retryAfter = retryAfterSeconds(decision);
    throw new AppError(429, "TOO_MANY_LOGIN_ATTEMPTS", `Too many login attempts. Try again in ${retryAfter} seconds.`, "HttpException", {
      "Retry-After": String(retryAfter),
    });
  }
}

export async function forgetLoginAttempts(namespace: DurableObjectNamespace<RateLimiterObject>, email: string, address: string): Promise<void> {
  await resetLimit(namespace, keyFor(email, address));
}
