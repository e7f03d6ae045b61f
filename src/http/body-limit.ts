import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../app-env.ts";
import { AppError } from "../errors/app-error.ts";

/** Largest request body accepted: a batch of 200 records or a GraphQL request fits many times over. */
export const maxBodyBytes = 10 * 1024 * 1024;

/**
 * An isolate has 128 MB: a body parsed into objects (and rich text expanded into blocks) must not be able to
 * fill it. Refused before it is read, with the error model's 413.
 */
export const limitBody: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: maxBodyBytes,
  onError: () => {
    throw new AppError(413, "PAYLOAD_TOO_LARGE", `Request body is larger than ${maxBodyBytes / 1024 / 1024} MB`);
  },
});
