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
    API_KEYS_AND_WEBHOOKS
    WORKSPACE
    WORKSPACE_MEMBERS
    ROLES
    DATA_MODEL
    SECURITY
    WORKFLOWS
    IMPERSONATE
    SSO_BYPASS
    APPLICATIONS
    MARKETPLACE_APPS
    LAYOUTS
    BILLING
    AI_SETTINGS
    AI
    VIEWS
    UPLOAD_FILE
    DOWNLOAD_FILE
    SEND_EMAIL_TOOL
    CREATE_CALENDAR_EVENT_TOOL
    HTTP_REQUEST_TOOL
    CODE_INTERPRETER_TOOL
    IMPORT_CSV
    EXPORT_CSV
    CONNECTED_ACCOUNTS
    PROFILE_INFORMATION
  }
  enum OnboardingStatus {
    PLAN_REQUIRED
    WORKSPACE_ACTIVATION
    PROFILE_CREATION
    SYNC_EMAIL
    APPS_INSTALLATION
    INVITE_TEAM
    COMPLETED
  }
  enum WorkspaceDiscoverability {
    PUBLIC
    MEMBERS_AND_INVITEES
    HIDDEN
  }
  enum FeatureFlagKey {
    IS_UNIQUE_INDEXES_ENABLED
    IS_JSON_FILTER_ENABLED
    IS_EMAIL_GROUP_ENABLED
    IS_JUNCTION_RELATIONS_ENABLED
    IS_REST_METADATA_API_NEW_FORMAT_DIRECT
    IS_LOGIC_FUNCTION_PREBUILT_MODE_ENABLED
    IS_SETTINGS_DISCOVERY_HERO_ENABLED
    IS_WORKFLOW_VERSION_IN_CORE_ENABLED
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
  type FeatureFlag {
    key: FeatureFlagKey!
    value: Boolean!
  }
  type RolePermissionFlag {
    id: UUID!
    roleId: UUID!
    flag: String!
  }
  type ApiKeyForRole {
    id: UUID!
    name: String!
    expiresAt: DateTime!
    revokedAt: DateTime
  }
  type ObjectPermission {
    objectMetadataId: UUID!
    canReadObjectRecords: Boolean
    canUpdateObjectRecords: Boolean
    canSoftDeleteObjectRecords: Boolean
    canDestroyObjectRecords: Boolean
    restrictedFields: JSON
  }
  type FieldPermission {
    id: UUID!
    objectMetadataId: UUID!
    fieldMetadataId: UUID!
    roleId: UUID!
    canReadFieldValue: Boolean
    canUpdateFieldValue: Boolean
  }
  type Role {
    id: UUID!
    universalIdentifier: UUID
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
    workspaceMembers: [WorkspaceMember!]!
    apiKeys: [ApiKeyForRole!]!
    permissionFlags: [RolePermissionFlag!]
    objectPermissions: [ObjectPermission!]
    fieldPermissions: [FieldPermission!]
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
    roles: [Role!]
    userWorkspaceId: UUID
  }
  type DeletedWorkspaceMember {
    id: UUID!
    name: FullName!
    userEmail: String!
    avatarUrl: String
    userWorkspaceId: UUID
  }
  type Workspace {
    id: UUID!
    displayName: String
    logo: String
    logoFileId: UUID
    inviteHash: String
    deletedAt: DateTime
    createdAt: DateTime!
    updatedAt: DateTime!
    allowImpersonation: Boolean!
    isPublicInviteLinkEnabled: Boolean!
    workspaceDiscoverability: WorkspaceDiscoverability!
    trashRetentionDays: Float!
    eventLogRetentionDays: Float!
    workspaceMembersCount: Float
    activationStatus: WorkspaceActivationStatus!
    metadataVersion: Float!
    databaseSchema: String
    subdomain: String!
    customDomain: String
    isGoogleAuthEnabled: Boolean!
    isGoogleAuthBypassEnabled: Boolean!
    isTwoFactorAuthenticationEnforced: Boolean!
    isPasswordAuthEnabled: Boolean!
    isPasswordAuthBypassEnabled: Boolean!
    isMicrosoftAuthEnabled: Boolean!
    isMicrosoftAuthBypassEnabled: Boolean!
    isCustomDomainEnabled: Boolean!
    isInternalMessagesImportEnabled: Boolean!
    editableProfileFields: [String!]
    defaultRole: Role
    fastModel: String!
    smartModel: String!
    aiAdditionalInstructions: String
    enabledAiModelIds: [String!]
    useRecommendedModels: Boolean!
    routerModel: String!
    featureFlags: [FeatureFlag!]
    hasValidSignedEnterpriseKey: Boolean!
    hasValidEnterpriseValidityToken: Boolean!
    workspaceUrls: WorkspaceUrls!
    workspaceCustomApplicationId: String!
  }
  type UserWorkspace {
    id: UUID!
    user: User!
    userId: UUID!
    locale: String!
    createdAt: DateTime!
    updatedAt: DateTime!
    deletedAt: DateTime
    permissionFlags: [PermissionFlagType!]
    objectPermissions: [ObjectPermission!]
    objectsPermissions: [ObjectPermission!]
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
    disabled: Boolean
    onboardingStatus: OnboardingStatus
    workspaceMember: WorkspaceMember
    currentWorkspace: Workspace
    currentUserWorkspace: UserWorkspace
    workspaces: [UserWorkspace!]!
    userWorkspaces: [UserWorkspace!]!
    userVars: JSONObject
    workspaceMembers: [WorkspaceMember!]
    deletedWorkspaceMembers: [DeletedWorkspaceMember!]
    supportUserHash: String
    availableWorkspaces: AvailableWorkspaces!
    createdAt: DateTime!
    updatedAt: DateTime!
    deletedAt: DateTime
  }
  type WorkspaceInvitation {
    id: UUID!
    email: String!
    roleId: UUID
    expiresAt: DateTime!
  }
  type SendInvitations {
    success: Boolean!
    errors: [String!]!
    result: [WorkspaceInvitation!]!
  }
  type WorkspaceInviteHashValid {
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
    subdomain: String
    customDomain: String
    displayName: String
    logo: String
    inviteHash: String
    isPublicInviteLinkEnabled: Boolean
    workspaceDiscoverability: WorkspaceDiscoverability
    allowImpersonation: Boolean
    isGoogleAuthEnabled: Boolean
    isMicrosoftAuthEnabled: Boolean
    isPasswordAuthEnabled: Boolean
    isGoogleAuthBypassEnabled: Boolean
    isMicrosoftAuthBypassEnabled: Boolean
    isPasswordAuthBypassEnabled: Boolean
    defaultRoleId: UUID
    isTwoFactorAuthenticationEnforced: Boolean
    trashRetentionDays: Float
    eventLogRetentionDays: Float
    fastModel: String
    smartModel: String
    aiAdditionalInstructions: String
    editableProfileFields: [String!]
    enabledAiModelIds: [String!]
    useRecommendedModels: Boolean
    isInternalMessagesImportEnabled: Boolean
  }

  type Query {
    currentUser: User!
    currentWorkspace: Workspace!
    getRoles: [Role!]!
    findWorkspaceFromInviteHash(inviteHash: String!): Workspace!
    checkWorkspaceInviteHashIsValid(inviteHash: String!): WorkspaceInviteHashValid!
    findWorkspaceInvitations: [WorkspaceInvitation!]!
    versionInfo: VersionInfo!
  }

  type Mutation {
    activateWorkspace(data: ActivateWorkspaceInput!): Workspace!
    updateWorkspace(data: UpdateWorkspaceInput!): Workspace!
    deleteCurrentWorkspace: Workspace!
    sendInvitations(emails: [String!]!, roleId: UUID): SendInvitations!
    deleteWorkspaceInvitation(appTokenId: String!): String!
    resendWorkspaceInvitation(appTokenId: String!): SendInvitations!
  }
`;
