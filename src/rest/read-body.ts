import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import { nulCharacter } from "../db/database-errors.ts";
import { AppError } from "../errors/app-error.ts";
import { holdsNulCharacter } from "../http/nul-character.ts";

/** The JSON body, or the same 400 a malformed body gets everywhere; Postgres could store no NUL in it. */
export async function readJsonBody(c: Context<AppEnv>): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") throw new AppError(400, "INVALID_JSON", "The request body is empty; JSON expected");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError(400, "INVALID_JSON", "Malformed JSON in request body");
  }
  if (holdsNulCharacter(body)) throw nulCharacter();
  return body;
}
