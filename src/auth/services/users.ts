import { and, eq, isNull } from "drizzle-orm";
import { users } from "../../../drizzle/schema/index.ts";
import type { Db } from "../../db/database.ts";
import { isUniqueViolation } from "../../db/pg-errors.ts";
import { AppError } from "../../errors/app-error.ts";
import { assertAcceptablePassword, hashPassword } from "../password.ts";

export type UserRow = typeof users.$inferSelect;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeEmail(email: unknown): string {
  if (typeof email !== "string" || !emailPattern.test(email.trim())) {
    throw new AppError(400, "INVALID_EMAIL", "Email is not valid");
  }
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(and(eq(users.email, normalizeEmail(email)), isNull(users.deletedAt)));
  return user;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(and(eq(users.id, id), isNull(users.deletedAt)));
  return user;
}

export interface NewUser {
  email: string;
  password: unknown;
  firstName?: string;
  lastName?: string;
  locale?: string;
}

/** Refuses a taken email (403 as Twenty's USER_ALREADY_EXISTS) and weak passwords (400) before hashing. */
export async function createUser(db: Db, input: NewUser): Promise<UserRow> {
  const email = normalizeEmail(input.email);
  assertAcceptablePassword(input.password);
  if (await findUserByEmail(db, email)) {
    throw new AppError(403, "USER_ALREADY_EXISTS", "User already exists", "USER_ALREADY_EXISTS");
  }
  const values = {
    email,
    passwordHash: await hashPassword(input.password),
    firstName: input.firstName ?? "",
    lastName: input.lastName ?? "",
    locale: input.locale ?? "en",
  };
  try {
    const [user] = await db.insert(users).values(values).returning();
    return user!;
  } catch (error) {
    // Two sign-ups of one email at once: the unique index decides, the loser gets the same answer.
    if (isUniqueViolation(error)) throw new AppError(403, "USER_ALREADY_EXISTS", "User already exists", "USER_ALREADY_EXISTS");
    throw error;
  }
}
