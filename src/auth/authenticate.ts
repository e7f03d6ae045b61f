import { sql } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { rowsOf } from "../db/rows.ts";
import { AppError } from "../errors/app-error.ts";
import type { AuthContext, AuthUser, WorkspaceAuthContext } from "./auth-context.ts";
import { forgetCaller, rememberCaller, type CallerHint } from "./caller-hint.ts";
import { callerRowSql, contextOfRow, verifyCaller, type VerifiedCaller, type WorkspaceCaller } from "./caller-row.ts";

/** `Authorization: Bearer <token>` only: tokens in URLs end up in logs, so `?token=` is not read. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

/**
 * Verifies a token (see `verifyCaller`) and loads the caller with one statement. Revoked API keys and
 * removed members stop working at once: nothing about them is cached.
 */
export async function authenticate(db: Db, appSecret: string, token: string): Promise<AuthContext> {
  return contextOf(db, await verifyCaller(appSecret, token));
}

/** The context of a verified token, read now (one statement). */
export async function contextOf(db: Db, caller: VerifiedCaller): Promise<AuthContext> {
  if (caller.kind === "workspaceAgnostic") {
    return { kind: "workspaceAgnostic", user: await loadUser(db, caller.userId), authProvider: caller.authProvider };
  }
  return loadCaller(db, caller);
}

/** The caller's row now, one statement; a valid one becomes the caller's planning hint. */
export async function loadCaller(db: Db, caller: WorkspaceCaller): Promise<WorkspaceAuthContext> {
  const rows = rowsOf<CallerHint>(await db.execute(sql`SELECT c.caller AS text, md5(c.caller) AS digest FROM (${callerRowSql(caller)}) c`));
  return acceptCaller(caller, rows[0]);
}

/** The context of a freshly read row (none: the caller is gone), remembering it as the hint, or the refusal. */
export function acceptCaller(caller: WorkspaceCaller, row: CallerHint | undefined): WorkspaceAuthContext {
  try {
    const context = contextOfRow(caller, row?.text);
    rememberCaller(caller, row!);
    return context;
  } catch (error) {
    forgetCaller(caller);
    throw error;
  }
}

async function loadUser(db: Db, userId: string): Promise<AuthUser> {
  const rows = rowsOf<AuthUser>(
    await db.execute(sql`SELECT id, email, "firstName", "lastName" FROM core."user" WHERE id = ${userId} AND "deletedAt" IS NULL`),
  );
  if (!rows[0]) throw new AppError(401, "USER_NOT_FOUND", "User not found", "UNAUTHENTICATED");
  return rows[0];
}
