import { createSchema } from "graphql-yoga";
import type { GraphQLContext } from "../context.ts";
import { apiKeysResolvers } from "./api-keys-resolvers.ts";
import { apiKeysTypeDefs } from "./api-keys-schema.ts";
import { authResolvers } from "./auth-resolvers.ts";
import { authTypeDefs } from "./auth-schema.ts";
import { metadataResolvers } from "./metadata-resolvers.ts";
import { metadataTypeDefs } from "./metadata-schema.ts";
import { roleResolvers } from "./role-resolvers.ts";
import { scalarResolvers, scalarTypeDefs } from "./scalars.ts";
import { searchResolvers } from "./search-resolvers.ts";
import { searchTypeDefs } from "./search-schema.ts";
import { viewsResolvers } from "./views-resolvers.ts";
import { viewsTypeDefs } from "./views-schema.ts";
import { webhooksResolvers } from "./webhooks-resolvers.ts";
import { webhooksTypeDefs } from "./webhooks-schema.ts";
import { workspaceResolvers } from "./workspace-resolvers.ts";
import { workspaceTypeDefs } from "./workspace-schema.ts";

/** Each module adds its types and its own `Query`/`Mutation` fields; /graphql adds the workspace's on top. */
export const staticTypeDefs = [scalarTypeDefs, authTypeDefs, workspaceTypeDefs, apiKeysTypeDefs, metadataTypeDefs, searchTypeDefs, viewsTypeDefs, webhooksTypeDefs];
export const staticResolvers = [scalarResolvers, authResolvers, workspaceResolvers, roleResolvers, apiKeysResolvers, metadataResolvers, searchResolvers, viewsResolvers, webhooksResolvers];

/** The schema Twenty serves on /metadata: built once per isolate, since it does not depend on any workspace. */
export const staticSchema = createSchema<GraphQLContext>({ typeDefs: staticTypeDefs, resolvers: staticResolvers });
