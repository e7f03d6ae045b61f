import { AppError } from "../errors/app-error.ts";
import type { PermissionFlagType } from "../roles/permission-flags.ts";
import type { AuthProvider } from "./tokens.ts";

export interface AuthWorkspace {
  id: string;
  displayName: string | null;
  subdomain: string;
  activationStatus: string;
  schemaName: string | null;
  metadataVersion: number;
}

export interface AuthUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
}

export interface AuthRole {
  id: string;
  label: string;
  canUpdateAllSettings: boolean;
  canReadAllObjectRecords: boolean;
  canUpdateAllObjectRecords: boolean;
  canSoftDeleteAllObjectRecords: boolean;
  canDestroyAllObjectRecords: boolean;
  permissionFlags: PermissionFlagType[];
  /** Per-object overrides of the role's `can*AllObjectRecords` (null keeps the role's value). */
  objectPermissions: Array<{ objectMetadataId: string; canRead: boolean | null; canUpdate: boolean | null; canSoftDelete: boolean | null; canDestroy: boolean | null }>;
  /** Field restrictions: `false` hides or freezes a field. */
  fieldPermissions: Array<{ fieldMetadataId: string; canRead: boolean | null; canUpdate: boolean | null }>;
}

/** Who is calling, resolved once per request from the bearer token; every later query is scoped by it. */
export type AuthContext =
  | {
      kind: "user";
      workspace: AuthWorkspace;
      user: AuthUser;
      userWorkspaceId: string;
      workspaceMemberId: string | null;
      role: AuthRole | null;
      authProvider: AuthProvider;
    }
  | {
      kind: "apiKey";
      workspace: AuthWorkspace;
      apiKey: { id: string; name: string };
      role: AuthRole | null;
    }
  | {
      /** A user between sign-up and choosing a workspace: may only manage workspaces of its own. */
      kind: "workspaceAgnostic";
      user: AuthUser;
      authProvider: AuthProvider;
    };

export type WorkspaceAuthContext = Extract<AuthContext, { workspace: AuthWorkspace }>;

export function hasSettingsPermission(role: AuthRole | null, flag: PermissionFlagType): boolean {
  return role !== null && (role.canUpdateAllSettings || role.permissionFlags.includes(flag));
}

/** A workspace still being created has no record tables yet. */
export function hasActiveWorkspace(auth: WorkspaceAuthContext): boolean {
  return Boolean(auth.workspace.schemaName) && auth.workspace.activationStatus === "ACTIVE";
}

/** Record operations need the workspace's tables: refused while it is not active. */
export function requireActiveWorkspace(auth: WorkspaceAuthContext): WorkspaceAuthContext {
  if (!hasActiveWorkspace(auth)) throw new AppError(400, "WORKSPACE_NOT_ACTIVE", "Workspace is not active");
  return auth;
}
