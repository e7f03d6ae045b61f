import { and, eq, gt, isNull } from "drizzle-orm";
import { appTokens, users } from "../../../drizzle/schema/index.ts";
import type { Db } from "../../db/database.ts";
import type { EmailSender } from "../../email/email-sender.ts";
import { passwordResetEmail } from "../../email/templates.ts";
import { AppError } from "../../errors/app-error.ts";
import { assertAcceptablePassword, hashPassword } from "../password.ts";
import { randomSecret, sha256Hex } from "../secret-token.ts";
import { tokenLifetimes } from "../tokens.ts";
import { revokeAllRefreshTokens } from "./session-tokens.ts";
import { findUserByEmail } from "./users.ts";

const invalidToken = () => new AppError(400, "INVALID_PASSWORD_RESET_TOKEN", "Token is invalid");

/** Always answers success, so the endpoint does not tell which emails have accounts. */
export async function requestPasswordReset(db: Db, sender: EmailSender, email: string, serverUrl: string): Promise<void> {
  const user = await findUserByEmail(db, email);
  if (!user) return;
  const secret = randomSecret();
  const expiresAt = new Date(Date.now() + tokenLifetimes.passwordReset * 1000);
  await db.insert(appTokens).values({ type: "PASSWORD_RESET_TOKEN", userId: user.id, valueHash: await sha256Hex(secret), expiresAt });
  await sender.send(passwordResetEmail(user.email, `${serverUrl}/reset-password/${secret}`, expiresAt));
}

async function findLiveResetToken(db: Db, secret: string) {
  if (typeof secret !== "string" || !/^[0-9a-f]{64}$/.test(secret)) throw invalidToken();
  const [row] = await db
    .select({ token: appTokens, user: users })
    .from(appTokens)
    .innerJoin(users, eq(users.id, appTokens.userId))
    .where(
      and(
        eq(appTokens.valueHash, await sha256Hex(secret)),
        eq(appTokens.type, "PASSWORD_RESET_TOKEN"),
        isNull(appTokens.revokedAt),
        gt(appTokens.expiresAt, new Date()),
        isNull(users.deletedAt),
      ),
    );
  if (!row) throw invalidToken();
  return row;
}

export async function validatePasswordResetToken(db: Db, secret: string) {
  const { user } = await findLiveResetToken(db, secret);
  return { id: user.id, email: user.email, hasPassword: user.passwordHash !== null };
}

/** Sets the password, burns the reset token and ends every session of the user, in one transaction. */
export async function resetPassword(tx: Db, secret: string, newPassword: unknown): Promise<void> {
  assertAcceptablePassword(newPassword);
  const { token, user } = await findLiveResetToken(tx, secret);
  const now = new Date();
  await tx.update(users).set({ passwordHash: await hashPassword(newPassword), updatedAt: now }).where(eq(users.id, user.id));
  await tx.update(appTokens).set({ revokedAt: now }).where(eq(appTokens.id, token.id));
  await revokeAllRefreshTokens(tx, user.id);
}
