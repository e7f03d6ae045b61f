import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import { AppError } from "../errors/app-error.ts";

/** The JSON body, or the same 400 a malformed body gets everywhere. */
export async function readJsonBody(c: Context<AppEnv>): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") throw new AppError(400, "INVALID_JSON", "The request body is empty; JSON expected");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(400, "INVALID_JSON", "Malformed JSON in request body");
  }
}
