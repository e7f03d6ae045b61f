/** Auth types and operations, with Twenty's names, arguments and nullability. */
export const authTypeDefs = /* GraphQL */ `
  type AuthToken {
    token: String!
    expiresAt: DateTime!
  }
  type AuthTokenPair {
    accessOrWorkspaceAgnosticToken: AuthToken!
    refreshToken: AuthToken!
  }
  type AuthTokens {
    tokens: AuthTokenPair!
  }
  type LoginTokenOutput {
    loginToken: AuthToken!
  }
  type WorkspaceUrls {
    subdomainUrl: String!
    customUrl: String
  }
  type WorkspaceUrlsAndId {
    id: UUID!
    workspaceUrls: WorkspaceUrls!
  }
  type SSOConnection {
    id: UUID!
    name: String
  }
  type AvailableWorkspace {
    id: UUID!
    displayName: String
    loginToken: String
    personalInviteToken: String
    inviteHash: String
    workspaceUrls: WorkspaceUrls!
    logo: String
    sso: [SSOConnection!]!
  }
  type AvailableWorkspaces {
    availableWorkspacesForSignIn: [AvailableWorkspace!]!
    availableWorkspacesForSignUp: [AvailableWorkspace!]!
  }
  type AvailableWorkspacesAndAccessTokensOutput {
    tokens: AuthTokenPair!
    availableWorkspaces: AvailableWorkspaces!
  }
  type SignUpOutput {
    loginToken: AuthToken!
    workspace: WorkspaceUrlsAndId!
  }
  type TransientTokenOutput {
    transientToken: AuthToken!
  }
  type CheckUserExistOutput {
    exists: Boolean!
    availableWorkspacesCount: Float!
    isEmailVerified: Boolean!
  }
  type EmailPasswordResetLinkOutput {
    success: Boolean!
  }
  type ValidatePasswordResetTokenOutput {
    id: UUID!
    email: String!
    hasPassword: Boolean!
  }
  type InvalidatePasswordOutput {
    success: Boolean!
  }

  type Query {
    checkUserExists(email: String!, captchaToken: String): CheckUserExistOutput!
    validatePasswordResetToken(passwordResetToken: String!): ValidatePasswordResetTokenOutput!
  }

  type Mutation {
    signUp(email: String!, password: String!, captchaToken: String, locale: String, verifyEmailRedirectPath: String): AvailableWorkspacesAndAccessTokensOutput!
    signIn(email: String!, password: String!, captchaToken: String, locale: String, verifyEmailRedirectPath: String): AvailableWorkspacesAndAccessTokensOutput!
    signUpInWorkspace(
      email: String!
      password: String!
      workspaceId: UUID
      workspaceInviteHash: String
      workspacePersonalInviteToken: String
      captchaToken: String
      locale: String
      verifyEmailRedirectPath: String
    ): SignUpOutput!
    signUpInNewWorkspace: SignUpOutput!
    getLoginTokenFromCredentials(
      email: String!
      password: String!
      origin: String!
      captchaToken: String
      locale: String
      verifyEmailRedirectPath: String
    ): LoginTokenOutput!
    getAuthTokensFromLoginToken(loginToken: String!, origin: String!): AuthTokens!
    renewToken(appToken: String!): AuthTokens!
    generateTransientToken: TransientTokenOutput!
    emailPasswordResetLink(email: String!, workspaceId: UUID): EmailPasswordResetLinkOutput!
    updatePasswordViaResetToken(passwordResetToken: String!, newPassword: String!): InvalidatePasswordOutput!
  }
`;
