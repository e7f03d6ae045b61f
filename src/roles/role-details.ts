import { and, asc, eq, isNotNull } from "drizzle-orm";
import { apiKeys, fieldPermissions, objectPermissions, roles, roleTargets } from "../../drizzle/schema/index.ts";
import type { Db } from "../db/database.ts";

/** The parts of a role Twenty 2.21's `Role` type lists beside its own columns, read on demand. */

export function apiKeysWithRole(db: Db, roleId: string) {
  return db
    .select({ id: apiKeys.id, name: apiKeys.name, expiresAt: apiKeys.expiresAt, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .innerJoin(roleTargets, eq(roleTargets.apiKeyId, apiKeys.id))
    .where(eq(roleTargets.roleId, roleId))
    .orderBy(asc(apiKeys.createdAt));
}

export function objectPermissionsOfRole(db: Db, roleId: string) {
  return db.select().from(objectPermissions).where(eq(objectPermissions.roleId, roleId)).orderBy(asc(objectPermissions.createdAt));
}

export function fieldPermissionsOfRole(db: Db, roleId: string) {
  return db.select().from(fieldPermissions).where(eq(fieldPermissions.roleId, roleId)).orderBy(asc(fieldPermissions.createdAt));
}

/** The roles of a user in a workspace (one today, as in Twenty), for `WorkspaceMember.roles`. */
export function rolesOfUserWorkspace(db: Db, userWorkspaceId: string) {
  return db
    .select({ role: roles })
    .from(roles)
    .innerJoin(roleTargets, and(eq(roleTargets.roleId, roles.id), isNotNull(roleTargets.userWorkspaceId)))
    .where(eq(roleTargets.userWorkspaceId, userWorkspaceId))
    .then((rows) => rows.map((row) => row.role));
}
