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
  type LoginToken {
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
  enum IdentityProviderType {
    OIDC
    SAML
  }
  enum SSOIdentityProviderStatus {
    Active
    Inactive
    Error
  }
  type SSOConnection {
    type: IdentityProviderType!
    id: UUID!
    issuer: String!
    name: String!
    status: SSOIdentityProviderStatus!
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
  type AvailableWorkspacesAndAccessTokens {
    tokens: AuthTokenPair!
    availableWorkspaces: AvailableWorkspaces!
  }
  type SignUp {
    loginToken: AuthToken!
    workspace: WorkspaceUrlsAndId!
  }
  type TransientToken {
    transientToken: AuthToken!
  }
  type CheckUserExist {
    exists: Boolean!
    availableWorkspacesCount: Float!
    isEmailVerified: Boolean!
  }
  type EmailPasswordResetLink {
    success: Boolean!
  }
  type ValidatePasswordResetToken {
    id: UUID!
    email: String!
    hasPassword: Boolean!
  }
  type InvalidatePassword {
    success: Boolean!
  }

  input SignUpInNewWorkspaceInput {
    displayName: String
    subdomain: String
  }

  type Query {
    checkUserExists(email: String!, captchaToken: String): CheckUserExist!
    validatePasswordResetToken(passwordResetToken: String!): ValidatePasswordResetToken!
  }

  type Mutation {
    signUp(email: String!, password: String!, captchaToken: String, locale: String, verifyEmailRedirectPath: String): AvailableWorkspacesAndAccessTokens!
    signIn(email: String!, password: String!, captchaToken: String, locale: String, verifyEmailRedirectPath: String): AvailableWorkspacesAndAccessTokens!
    signUpInWorkspace(
      email: String!
      password: String!
      workspaceId: UUID
      workspaceInviteHash: String
      workspacePersonalInviteToken: String
      captchaToken: String
      locale: String
      verifyEmailRedirectPath: String
    ): SignUp!
    signUpInNewWorkspace(input: SignUpInNewWorkspaceInput): SignUp!
    getLoginTokenFromCredentials(
      email: String!
      password: String!
      origin: String!
      captchaToken: String
      locale: String
      verifyEmailRedirectPath: String
    ): LoginToken!
    getAuthTokensFromLoginToken(loginToken: String!, origin: String!): AuthTokens!
    renewToken(appToken: String!): AuthTokens!
    generateTransientToken: TransientToken!
    emailPasswordResetLink(email: String!, workspaceId: UUID): EmailPasswordResetLink!
    updatePasswordViaResetToken(passwordResetToken: String!, newPassword: String!): InvalidatePassword!
  }
`;
