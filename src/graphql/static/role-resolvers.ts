import { eq } from "drizzle-orm";
import { permissionFlags, type roles } from "../../../drizzle/schema/index.ts";
import { RecordAccess } from "../../query/access.ts";
import { apiKeysWithRole, fieldPermissionsOfRole, objectPermissionsOfRole, rolesOfUserWorkspace } from "../../roles/role-details.ts";
import { membersWithRole } from "../../workspaces/workspace-members.ts";
import type { GraphQLContext } from "../context.ts";
import { requireSettings } from "../guards.ts";
import { metadataOf } from "../workspace-metadata.ts";

type RoleRow = typeof roles.$inferSelect;

/** The caller's workspace with its records schema, or null before activation (no members exist yet). */
function activeWorkspaceOf(ctx: GraphQLContext) {
  const auth = ctx.auth;
  if (!auth || auth.kind === "workspaceAgnostic" || !auth.workspace.schemaName) return null;
  return { id: auth.workspace.id, schemaName: auth.workspace.schemaName };
}

/**
 * What a user may do with each object, as 2.21's `UserWorkspace.objectsPermissions` lists it: known only for
 * the caller's own link (it is the caller's role that was resolved), empty for others.
 */
async function objectsPermissionsOf(link: { id: string }, ctx: GraphQLContext) {
  if (ctx.auth?.kind !== "user" || ctx.auth.userWorkspaceId !== link.id || !ctx.auth.workspace.schemaName) return [];
  const role = ctx.auth.role;
  const access = new RecordAccess(role);
  return (await metadataOf(ctx)).objects.map((object) => ({
    objectMetadataId: object.id,
    canReadObjectRecords: access.can("read", object),
    canUpdateObjectRecords: access.can("update", object),
    canSoftDeleteObjectRecords: access.can("softDelete", object),
    canDestroyObjectRecords: access.can("destroy", object),
    restrictedFields: Object.fromEntries(
      (role?.fieldPermissions ?? [])
        .filter((p) => object.fields.some((f) => f.id === p.fieldMetadataId))
        .map((p) => [p.fieldMetadataId, { canRead: p.canRead, canUpdate: p.canUpdate }]),
    ),
  }));
}

export const roleResolvers = {
  Role: {
    universalIdentifier: (role: RoleRow) => role.standardId,
    permissionFlags: (role: RoleRow, _: unknown, ctx: GraphQLContext) =>
      ctx.db.http.select().from(permissionFlags).where(eq(permissionFlags.roleId, role.id)),
    workspaceMembers(role: RoleRow, _: unknown, ctx: GraphQLContext) {
      const workspace = activeWorkspaceOf(ctx);
      return workspace ? membersWithRole(ctx.db.http, workspace, role.id) : [];
    },
    /** API keys are settings (their names say what integrates with the workspace): seen with that permission only. */
    apiKeys(role: RoleRow, _: unknown, ctx: GraphQLContext) {
      requireSettings(ctx, "API_KEYS_AND_WEBHOOKS");
      return apiKeysWithRole(ctx.db.http, role.id);
    },
    objectPermissions: (role: RoleRow, _: unknown, ctx: GraphQLContext) => objectPermissionsOfRole(ctx.db.http, role.id),
    fieldPermissions: (role: RoleRow, _: unknown, ctx: GraphQLContext) => fieldPermissionsOfRole(ctx.db.http, role.id),
  },
  WorkspaceMember: {
    roles: (member: { userWorkspaceId?: string | null }, _: unknown, ctx: GraphQLContext) =>
      member.userWorkspaceId ? rolesOfUserWorkspace(ctx.db.http, member.userWorkspaceId) : [],
  },
  UserWorkspace: {
    objectPermissions: (link: { id: string }, _: unknown, ctx: GraphQLContext) => objectsPermissionsOf(link, ctx),
    objectsPermissions: (link: { id: string }, _: unknown, ctx: GraphQLContext) => objectsPermissionsOf(link, ctx),
  },
};
