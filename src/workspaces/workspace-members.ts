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

/** The columns of a `workspaceMember` row (aliased `wm`) shaped as the static `WorkspaceMember` type. */
const memberView = sql`wm.id, json_build_object('firstName', wm."nameFirstName", 'lastName', wm."nameLastName") AS name, wm."userEmail",
  wm."colorScheme", wm.locale, wm."avatarUrl", wm."timeZone", wm."dateFormat", wm."timeFormat", wm."numberFormat", wm."calendarStartDay"`;

/** The member record of a user, shaped as the static `WorkspaceMember` type. */
export async function readWorkspaceMember(db: Db, schemaName: string, userId: string): Promise<WorkspaceMemberView | null> {
  const rows = rowsOf<WorkspaceMemberView>(
    await db.execute(sql`
      SELECT ${memberView}
      FROM ${sql.identifier(schemaName)}."workspaceMember" wm WHERE wm."userId" = ${userId} AND wm."deletedAt" IS NULL LIMIT 1`),
  );
  return rows[0] ?? null;
}

/** The members holding a role, each with the id of its user-in-workspace link. */
export async function membersWithRole(db: Db, workspace: { id: string; schemaName: string }, roleId: string) {
  return rowsOf<WorkspaceMemberView & { userWorkspaceId: string }>(
    await db.execute(sql`
      SELECT ${memberView}, uw.id AS "userWorkspaceId"
      FROM ${sql.identifier(workspace.schemaName)}."workspaceMember" wm
      JOIN core."userWorkspace" uw ON uw."userId" = wm."userId" AND uw."workspaceId" = ${workspace.id} AND uw."deletedAt" IS NULL
      JOIN core."roleTarget" rt ON rt."userWorkspaceId" = uw.id
      WHERE rt."roleId" = ${roleId} AND wm."deletedAt" IS NULL
      ORDER BY wm."nameFirstName", wm."nameLastName", wm.id`),
  );
}

/** Every member of the workspace, live (`deletedAt` null) or soft-deleted, with its user-in-workspace link. */
export async function listWorkspaceMembers(db: Db, workspace: { id: string; schemaName: string }, deleted: boolean) {
  return rowsOf<WorkspaceMemberView & { userWorkspaceId: string | null }>(
    await db.execute(sql`
      SELECT ${memberView}, uw.id AS "userWorkspaceId"
      FROM ${sql.identifier(workspace.schemaName)}."workspaceMember" wm
      LEFT JOIN core."userWorkspace" uw ON uw."userId" = wm."userId" AND uw."workspaceId" = ${workspace.id} AND uw."deletedAt" IS NULL
      WHERE ${deleted ? sql`wm."deletedAt" IS NOT NULL` : sql`wm."deletedAt" IS NULL`}
      ORDER BY wm."nameFirstName", wm."nameLastName", wm.id`),
  );
}
