import type { RateLimiterObject } from "../durable-objects/rate-limiter.ts";
import { AppError } from "../errors/app-error.ts";
import { consumeLimit, resetLimit, retryAfterSeconds } from "../rate-limit/limiter.ts";

/** Ten password attempts per email per quarter hour, wherever they come from. */
export const loginAttempts = { limit: 10, windowMs: 15 * 60 * 1000 };

const keyFor = (email: string) => `login:${email.trim().toLowerCase()}`;

export async function throttleLogin(namespace: DurableObjectNamespace<RateLimiterObject>, email: string): Promise<void> {
  const decision = await consumeLimit(namespace, keyFor(email), loginAttempts);
  if (!decision.allowed) {
    const retryAfter = retryAfterSeconds(decision);
    throw new AppError(429, "TOO_MANY_LOGIN_ATTEMPTS", `Too many login attempts. Try again in ${retryAfter} seconds.`, "HttpException", {
      "Retry-After": String(retryAfter),
    });
  }
}

export async function forgetLoginAttempts(namespace: DurableObjectNamespace<RateLimiterObject>, email: string): Promise<void> {
  await resetLimit(namespace, keyFor(email));
}
