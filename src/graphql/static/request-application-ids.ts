import { loadApplicationIds, type ApplicationIds } from "../../workspaces/application-ids.ts";
import type { GraphQLContext } from "../context.ts";
import { requireWorkspace } from "../guards.ts";

const perRequest = new WeakMap<GraphQLContext, Promise<ApplicationIds>>();

/** The caller's workspace application ids, read once per request however many objects and fields ask. */
export function applicationIdsOf(ctx: GraphQLContext): Promise<ApplicationIds> {
  let ids = perRequest.get(ctx);
  if (!ids) {
    ids = loadApplicationIds(ctx.db.http, requireWorkspace(ctx).workspace.id);
    perRequest.set(ctx, ids);
  }
  return ids;
}
