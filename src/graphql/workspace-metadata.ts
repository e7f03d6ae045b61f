import { loadWorkspaceMetadata } from "../metadata/load-metadata.ts";
import { getWorkspaceMetadata } from "../metadata/metadata-cache.ts";
import type { WorkspaceMetadata } from "../metadata/workspace-metadata.ts";
import type { GraphQLContext } from "./context.ts";
import { requireWorkspace } from "./guards.ts";

const perRequest = new WeakMap<GraphQLContext, Promise<WorkspaceMetadata>>();

/** The caller's workspace metadata, from the version-keyed cache, once per request. */
export function metadataOf(ctx: GraphQLContext): Promise<WorkspaceMetadata> {
  let promise = perRequest.get(ctx);
  if (!promise) {
    const { workspace } = requireWorkspace(ctx);
    promise = getWorkspaceMetadata(ctx.db.http, workspace.id, workspace.metadataVersion);
    perRequest.set(ctx, promise);
  }
  return promise;
}

/** After a mutation changed the metadata, the rest of the response must see the new version. */
export function refreshMetadata(ctx: GraphQLContext): void {
  const { workspace } = requireWorkspace(ctx);
  perRequest.set(
    ctx,
    loadWorkspaceMetadata(ctx.db.http, workspace.id).then((loaded) => loaded.metadata),
  );
}
