import { requireActiveWorkspace } from "../../auth/auth-context.ts";
import { RecordAccess } from "../../query/access.ts";
import { searchRecords, type SearchArgs } from "../../search/search.ts";
import type { GraphQLContext } from "../context.ts";
import { requireWorkspace } from "../guards.ts";
import { metadataOf } from "../workspace-metadata.ts";

export const searchResolvers = {
  Query: {
    async search(_: unknown, args: SearchArgs, ctx: GraphQLContext) {
      const auth = requireActiveWorkspace(requireWorkspace(ctx));
      return searchRecords(ctx.db.http, await metadataOf(ctx), new RecordAccess(auth.role), args);
    },
  },
};
