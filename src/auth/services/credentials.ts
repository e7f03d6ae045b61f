import { AppError } from "../../errors/app-error.ts";
import type { Db } from "../../db/database.ts";
import { verifyPassword } from "../password.ts";
import { findUserByEmail, normalizeEmail, type UserRow } from "./users.ts";

/** Twenty's answers: an unknown email is 401 `User not found`, a wrong password 403 `Wrong password`. */
export async function checkCredentials(db: Db, email: unknown, password: unknown): Promise<UserRow> {
  const normalized = normalizeEmail(email);
  if (typeof password !== "string" || password.length === 0) throw new AppError(400, "PASSWORD_REQUIRED", "Password is required");
  const user = await findUserByEmail(db, normalized);
  const matches = await verifyPassword(password, user?.passwordHash);
  if (!user) throw new AppError(401, "USER_NOT_FOUND", "User not found", "UNAUTHENTICATED");
  if (!matches) throw new AppError(403, "WRONG_PASSWORD", "Wrong password", "FORBIDDEN_EXCEPTION");
  return user;
}
