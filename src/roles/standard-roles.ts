import type { roles } from "../../drizzle/schema/index.ts";

type RoleSeed = Omit<typeof roles.$inferInsert, "workspaceId">;

/** Created with every workspace. The creator becomes Admin; Member is the default role of later joiners. */
export const adminRole: RoleSeed = {
  standardId: "20202020-0001-0001-0001-000000000001",
  label: "Admin",
  description: "Admin role",
  icon: "IconUserCog",
  isEditable: false,
  canUpdateAllSettings: true,
  canAccessAllTools: true,
  canReadAllObjectRecords: true,
  canUpdateAllObjectRecords: true,
  canSoftDeleteAllObjectRecords: true,
  canDestroyAllObjectRecords: true,
  canBeAssignedToUsers: true,
  canBeAssignedToAgents: false,
  canBeAssignedToApiKeys: true,
};

export const memberRole: RoleSeed = {
  standardId: null,
  label: "Member",
  description: "Member role",
  icon: "IconUser",
  isEditable: true,
  canUpdateAllSettings: false,
  canAccessAllTools: true,
  canReadAllObjectRecords: true,
  canUpdateAllObjectRecords: true,
  canSoftDeleteAllObjectRecords: true,
  canDestroyAllObjectRecords: true,
  canBeAssignedToUsers: true,
  canBeAssignedToAgents: false,
  canBeAssignedToApiKeys: false,
};
