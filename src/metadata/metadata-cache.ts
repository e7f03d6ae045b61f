import { BoundedCache } from "../cache/bounded-cache.ts";
import type { Db } from "../db/database.ts";
import { loadWorkspaceMetadata } from "./load-metadata.ts";
import type { WorkspaceMetadata } from "./workspace-metadata.ts";

/**
 * Per isolate, keyed by workspace and metadata version: a change bumps the version in its own transaction,
 * so the next request asks for the new key and never reads a stale or half-applied model. At most 200
 * workspaces and ~16 MB of loaded JSON (a workspace with the standard objects is ~0.3 MB).
 */
const cache = new BoundedCache<string, WorkspaceMetadata>(200, 16 * 1024 * 1024);

export async function getWorkspaceMetadata(db: Db, workspaceId: string, version: number): Promise<WorkspaceMetadata> {
  const key = `${workspaceId}:${version}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const { metadata, bytes } = await loadWorkspaceMetadata(db, workspaceId);
  cache.set(`${workspaceId}:${metadata.version}`, metadata, bytes);
  return metadata;
}

export function metadataCacheStats() {
  return { entries: cache.size, bytes: cache.weight };
}
