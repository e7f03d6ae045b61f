import { AppError } from "../../errors/app-error.ts";
import { RecordAccess } from "../../query/access.ts";
import { searchRecords, type SearchArgs } from "../../search/search.ts";
import type { GraphQLContext } from "../context.ts";
import { requireWorkspace } from "../guards.ts";
import { metadataOf } from "../workspace-metadata.ts";

export const searchResolvers = {
  Query: {
    async search(_: unknown, args: SearchArgs, ctx: GraphQLContext) {
      const auth = requireWorkspace(ctx);
      // A workspace still being created has no tables to search.
      if (!auth.workspace.schemaName || auth.workspace.activationStatus !== "ACTIVE") {
        throw new AppError(400, "WORKSPACE_NOT_ACTIVE", "Workspace is not active");
      }
      return searchRecords(ctx.db.http, await metadataOf(ctx), new RecordAccess(auth.role), args);
    },
  },
};
