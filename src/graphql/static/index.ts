import { createSchema } from "graphql-yoga";
import type { GraphQLContext } from "../context.ts";
import { apiKeysResolvers } from "./api-keys-resolvers.ts";
import { apiKeysTypeDefs } from "./api-keys-schema.ts";
import { authResolvers } from "./auth-resolvers.ts";
import { authTypeDefs } from "./auth-schema.ts";
import { metadataResolvers } from "./metadata-resolvers.ts";
import { metadataTypeDefs } from "./metadata-schema.ts";
import { scalarResolvers, scalarTypeDefs } from "./scalars.ts";
import { workspaceResolvers } from "./workspace-resolvers.ts";
import { workspaceTypeDefs } from "./workspace-schema.ts";

/**
 * The schema Twenty serves on /metadata (and, partly, on /graphql): built once per isolate, since it does
 * not depend on any workspace. Each module adds its types and its own `Query`/`Mutation` fields.
 */
export const staticSchema = createSchema<GraphQLContext>({
  typeDefs: [scalarTypeDefs, authTypeDefs, workspaceTypeDefs, apiKeysTypeDefs, metadataTypeDefs],
  resolvers: [scalarResolvers, authResolvers, workspaceResolvers, apiKeysResolvers, metadataResolvers],
});
