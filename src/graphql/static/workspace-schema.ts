/** Users, workspaces, members, roles and invitations as Twenty's metadata schema names them. */
export const workspaceTypeDefs = /* GraphQL */ `
  enum WorkspaceActivationStatus {
    ONGOING_CREATION
    PENDING_CREATION
    ACTIVE
    INACTIVE
    SUSPENDED
  }
  enum PermissionFlagType {
    AI
    AI_SETTINGS
    API_KEYS_AND_WEBHOOKS
    APPLICATIONS
    BILLING
    CONNECTED_ACCOUNTS
    DATA_MODEL
    DOWNLOAD_FILE
    EXPORT_CSV
    IMPERSONATE
    IMPORT_CSV
    LAYOUTS
    ROLES
    SECURITY
    SEND_EMAIL_TOOL
    SSO_BYPASS
    UPLOAD_FILE
    VIEWS
    WORKFLOWS
    WORKSPACE
    WORKSPACE_MEMBERS
  }
  enum OnboardingStatus {
    BOOK_ONBOARDING
    COMPLETED
    INVITE_TEAM
    PLAN_REQUIRED
    PROFILE_CREATION
    SYNC_EMAIL
    WORKSPACE_ACTIVATION
  }
  enum WorkspaceMemberDateFormatEnum {
    SYSTEM
    MONTH_FIRST
    DAY_FIRST
    YEAR_FIRST
  }
  enum WorkspaceMemberTimeFormatEnum {
    SYSTEM
    HOUR_24
    HOUR_12
  }
  enum WorkspaceMemberNumberFormatEnum {
    SYSTEM
    COMMAS_AND_DOT
    SPACES_AND_COMMA
    DOTS_AND_COMMA
    APOSTROPHE_AND_DOT
  }

  type FullName {
    firstName: String!
    lastName: String!
  }
  type PermissionFlag {
    id: UUID!
    roleId: UUID!
    flag: PermissionFlagType!
  }
  type Role {
    id: UUID!
    standardId: UUID
    label: String!
    description: String
    icon: String
    isEditable: Boolean!
    canUpdateAllSettings: Boolean!
    canAccessAllTools: Boolean!
    canReadAllObjectRecords: Boolean!
    canUpdateAllObjectRecords: Boolean!
    canSoftDeleteAllObjectRecords: Boolean!
    canDestroyAllObjectRecords: Boolean!
    canBeAssignedToUsers: Boolean!
    canBeAssignedToAgents: Boolean!
    canBeAssignedToApiKeys: Boolean!
    permissionFlags: [PermissionFlag!]
  }
  type WorkspaceMember {
    id: UUID!
    name: FullName!
    userEmail: String!
    colorScheme: String!
    locale: String
    avatarUrl: String
    timeZone: String
    dateFormat: WorkspaceMemberDateFormatEnum
    timeFormat: WorkspaceMemberTimeFormatEnum
    numberFormat: WorkspaceMemberNumberFormatEnum
    calendarStartDay: Int
    userWorkspaceId: UUID
  }
  type Workspace {
    id: UUID!
    displayName: String
    logo: String
    subdomain: String!
    customDomain: String
    inviteHash: String
    allowImpersonation: Boolean!
    isPublicInviteLinkEnabled: Boolean!
    isPasswordAuthEnabled: Boolean!
    isGoogleAuthEnabled: Boolean!
    isMicrosoftAuthEnabled: Boolean!
    isTwoFactorAuthenticationEnforced: Boolean!
    isCustomDomainEnabled: Boolean!
    hasValidEnterpriseKey: Boolean!
    activationStatus: WorkspaceActivationStatus!
    metadataVersion: Float!
    databaseSchema: String!
    trashRetentionDays: Float!
    version: String
    workspaceUrls: WorkspaceUrls!
    defaultRole: Role
    workspaceMembersCount: Float
    createdAt: DateTime!
    updatedAt: DateTime!
    deletedAt: DateTime
  }
  type UserWorkspace {
    id: UUID!
    userId: UUID!
    workspaceId: UUID!
    locale: String!
    workspace: Workspace
    permissionFlags: [PermissionFlagType!]
    createdAt: DateTime!
    updatedAt: DateTime!
    deletedAt: DateTime
  }
  type User {
    id: UUID!
    email: String!
    firstName: String!
    lastName: String!
    locale: String!
    hasPassword: Boolean!
    isEmailVerified: Boolean!
    canImpersonate: Boolean!
    canAccessFullAdminPanel: Boolean!
    defaultAvatarUrl: String
    disabled: Boolean
    onboardingStatus: OnboardingStatus
    workspaceMember: WorkspaceMember
    currentWorkspace: Workspace
    currentUserWorkspace: UserWorkspace
    workspaces: [UserWorkspace!]!
    userWorkspaces: [UserWorkspace!]!
    availableWorkspaces: AvailableWorkspaces!
    createdAt: DateTime!
    updatedAt: DateTime!
    deletedAt: DateTime
  }
  type WorkspaceInvitation {
    id: UUID!
    email: String!
    expiresAt: DateTime!
  }
  type SendInvitationsOutput {
    success: Boolean!
    errors: [String!]!
    result: [WorkspaceInvitation!]!
  }
  type WorkspaceInviteHashValidOutput {
    isValid: Boolean!
  }
  type VersionInfo {
    currentVersion: String
    latestVersion: String!
  }

  input ActivateWorkspaceInput {
    displayName: String
  }
  input UpdateWorkspaceInput {
    displayName: String
    logo: String
    subdomain: String
    inviteHash: String
    allowImpersonation: Boolean
    isPublicInviteLinkEnabled: Boolean
    defaultRoleId: UUID
  }

  type Query {
    currentUser: User!
    currentWorkspace: Workspace!
    getRoles: [Role!]!
    findWorkspaceFromInviteHash(inviteHash: String!): Workspace!
    checkWorkspaceInviteHashIsValid(inviteHash: String!): WorkspaceInviteHashValidOutput!
    findWorkspaceInvitations: [WorkspaceInvitation!]!
    versionInfo: VersionInfo!
  }

  type Mutation {
    activateWorkspace(data: ActivateWorkspaceInput!): Workspace!
    updateWorkspace(data: UpdateWorkspaceInput!): Workspace!
    deleteCurrentWorkspace: Workspace!
    sendInvitations(emails: [String!]!): SendInvitationsOutput!
    deleteWorkspaceInvitation(appTokenId: String!): String!
    resendWorkspaceInvitation(appTokenId: String!): SendInvitationsOutput!
  }
`;
