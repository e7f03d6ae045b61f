import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import { requireActiveWorkspace } from "../auth/auth-context.ts";
import { AppError } from "../errors/app-error.ts";
import { workspaceAuth } from "../http/require-auth.ts";
import { getWorkspaceMetadata } from "../metadata/metadata-cache.ts";
import type { ObjectMetadata } from "../metadata/types.ts";
import type { WorkspaceMetadata } from "../metadata/workspace-metadata.ts";
import { RecordAccess } from "../query/access.ts";
import { queryParamsOf, type QueryParams } from "../query/rest/query-params.ts";

export interface RestCall {
  c: Context<AppEnv>;
  metadata: WorkspaceMetadata;
  object: ObjectMetadata;
  access: RecordAccess;
  params: QueryParams;
  /** `person` → `Person`, `people` → `People`: the keys of Twenty's response bodies. */
  singular: string;
  plural: string;
}

/** Resolves the object a path names (Twenty's messages for unknown names) and the caller's access. */
export async function restCall(c: Context<AppEnv>, plural: string): Promise<RestCall> {
  const auth = requireActiveWorkspace(workspaceAuth(c.var.auth));
  const metadata = await getWorkspaceMetadata(c.var.db.http, auth.workspace.id, auth.workspace.metadataVersion);
  const object = metadata.objectsByPlural.get(plural);
  if (!object || !object.isActive) {
    const singular = metadata.objectsBySingular.get(plural);
    const hint = singular ? `Did you mean '${singular.namePlural}'?` : "eg: companies";
    throw new AppError(400, "OBJECT_NOT_FOUND", `object '${plural}' not found. ${hint}`);
  }
  return {
    c,
    metadata,
    object,
    access: new RecordAccess(auth.role),
    params: queryParamsOf(c.req.url),
    singular: object.nameSingular,
    plural: object.namePlural,
  };
}
