import { sql } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { rowsOf } from "../db/rows.ts";

export interface MemberInput {
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  locale?: string;
}

/** A user's workspaceMember record, the person behind `createdBy`, assignees and account owners. */
export async function insertWorkspaceMember(db: Db, schemaName: string, member: MemberInput): Promise<string> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      INSERT INTO ${sql.identifier(schemaName)}."workspaceMember" ("nameFirstName", "nameLastName", "userEmail", "userId", "locale")
      VALUES (${member.firstName}, ${member.lastName}, ${member.email}, ${member.userId}, ${member.locale ?? "en"})
      RETURNING id`),
  );
  return rows[0]!.id;
}

export async function findWorkspaceMemberId(db: Db, schemaName: string, userId: string): Promise<string | null> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`SELECT id FROM ${sql.identifier(schemaName)}."workspaceMember" WHERE "userId" = ${userId} AND "deletedAt" IS NULL LIMIT 1`),
  );
  return rows[0]?.id ?? null;
}

export interface WorkspaceMemberView {
  id: string;
  name: { firstName: string; lastName: string };
  userEmail: string;
  colorScheme: string;
  locale: string;
  avatarUrl: string;
  timeZone: string;
  dateFormat: string | null;
  timeFormat: string | null;
  numberFormat: string | null;
  calendarStartDay: number | null;
}

/** The member record of a user, shaped as the static `WorkspaceMember` type. */
export async function readWorkspaceMember(db: Db, schemaName: string, userId: string): Promise<WorkspaceMemberView | null> {
  const rows = rowsOf<WorkspaceMemberView>(
    await db.execute(sql`
      SELECT id, json_build_object('firstName', "nameFirstName", 'lastName', "nameLastName") AS name, "userEmail",
             "colorScheme", locale, "avatarUrl", "timeZone", "dateFormat", "timeFormat", "numberFormat", "calendarStartDay"
      FROM ${sql.identifier(schemaName)}."workspaceMember" WHERE "userId" = ${userId} AND "deletedAt" IS NULL LIMIT 1`),
  );
  return rows[0] ?? null;
}
