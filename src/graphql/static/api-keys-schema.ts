export const apiKeysTypeDefs = /* GraphQL */ `
  type ApiKey {
    id: UUID!
    name: String!
    expiresAt: DateTime!
    revokedAt: DateTime
    workspaceId: UUID!
    workspace: Workspace!
    role: Role!
    createdAt: DateTime!
    updatedAt: DateTime!
  }
  type ApiKeyToken {
    token: String!
  }
  input CreateApiKeyInput {
    name: String!
    expiresAt: String!
    revokedAt: String
    roleId: UUID!
  }
  input UpdateApiKeyInput {
    id: UUID!
    name: String
    expiresAt: String
    revokedAt: String
  }
  input RevokeApiKeyInput {
    id: UUID!
  }
  input GetApiKeyInput {
    id: UUID!
  }

  type Query {
    apiKeys: [ApiKey!]!
    apiKey(input: GetApiKeyInput!): ApiKey
  }

  type Mutation {
    createApiKey(input: CreateApiKeyInput!): ApiKey!
    updateApiKey(input: UpdateApiKeyInput!): ApiKey
    revokeApiKey(input: RevokeApiKeyInput!): ApiKey
    generateApiKeyToken(apiKeyId: UUID!, expiresAt: String!): ApiKeyToken!
    assignRoleToApiKey(apiKeyId: UUID!, roleId: UUID!): Boolean!
  }
`;
