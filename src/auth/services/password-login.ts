import type { RateLimiterObject } from "../../durable-objects/rate-limiter.ts";
import type { Db } from "../../db/database.ts";
import { forgetLoginAttempts, throttleLogin } from "../login-throttle.ts";
import { checkCredentials } from "./credentials.ts";
import { normalizeEmail, type UserRow } from "./users.ts";

/**
 * Every password check goes through here: throttled per email and client address (see `clientAddress`),
 * forgiven on success. A caller that cannot tell the address shares the "unknown" budget for that email.
 */
export async function passwordLogin(
  db: Db,
  limiter: DurableObjectNamespace<RateLimiterObject>,
  email: unknown,
  password: unknown,
  address: string,
): Promise<UserRow> {
  const normalized = normalizeEmail(email);
  await throttleLogin(limiter, normalized, address);
  const user = await checkCredentials(db, normalized, password);
  await forgetLoginAttempts(limiter, normalized, address);
  return user;
}
