/** Twenty 2.21's webhook types and operations, on /metadata (and /graphql). */
export const webhooksTypeDefs = /* GraphQL */ `
  type Webhook {
    id: UUID!
    targetUrl: String!
    operations: [String!]!
    description: String
    secret: String!
    applicationId: UUID!
    createdAt: DateTime!
    updatedAt: DateTime!
    deletedAt: DateTime
  }
  input CreateWebhookInput {
    id: UUID
    targetUrl: String!
    operations: [String!]!
    description: String
    secret: String
  }
  input UpdateWebhookInput {
    id: UUID!
    update: UpdateWebhookInputUpdates!
  }
  input UpdateWebhookInputUpdates {
    targetUrl: String
    operations: [String!]
    description: String
    secret: String
  }

  type Query {
    webhooks: [Webhook!]!
    webhook(id: UUID!): Webhook
  }

  type Mutation {
    createWebhook(input: CreateWebhookInput!): Webhook!
    updateWebhook(input: UpdateWebhookInput!): Webhook!
    deleteWebhook(id: UUID!): Webhook!
  }
`;
