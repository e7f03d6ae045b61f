import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import type { AuthContext } from "../auth/auth-context.ts";
import type { AppConfig } from "../config/env.ts";
import { AppError } from "../errors/app-error.ts";
import { consumeLimit, retryAfterSeconds } from "./limiter.ts";

export type Surface = "rest" | "graphql" | "metadata";

/** Requests per minute per API key or user, by surface (the seeds' defaults; vars override them). */
export function limitFor(config: AppConfig, surface: Surface): number {
  return { rest: config.RATE_LIMIT_REST, graphql: config.RATE_LIMIT_GRAPHQL, metadata: config.RATE_LIMIT_METADATA }[surface];
}

const windowMs = 60_000;

/**
 * Counts the request against the caller's budget for the surface, in the caller's Durable Object, and sets
 * the `X-RateLimit-*` headers; over budget, a 429 with `Retry-After`. Anonymous calls are not counted here
 * (login attempts have their own throttle).
 */
export async function enforceRateLimit(c: Context<AppEnv>, surface: Surface, auth: AuthContext | undefined): Promise<void> {
  if (!auth) return;
  const who = auth.kind === "apiKey" ? `apiKey:${auth.apiKey.id}` : `user:${auth.user.id}`;
  const limit = limitFor(c.var.config, surface);
  const decision = await consumeLimit(c.var.config.RATE_LIMITER, `rate:${surface}:${who}`, { limit, windowMs });
  const headers = {
    "X-RateLimit-Limit": String(decision.limit),
    "X-RateLimit-Remaining": String(decision.remaining),
    "X-RateLimit-Reset": String(decision.resetAt),
  };
  if (!decision.allowed) {
    throw new AppError(429, "RATE_LIMITED", `Limit reached (${limit} requests per ${windowMs} ms)`, "HttpException", {
      ...headers,
      "Retry-After": String(retryAfterSeconds(decision)),
    });
  }
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
}

/** The surface a path belongs to. */
export function surfaceOf(path: string): Surface {
  if (path === "/graphql") return "graphql";
  if (path === "/metadata" || path.startsWith("/rest/metadata") || path.startsWith("/rest/apiKeys")) return "metadata";
  return "rest";
}
