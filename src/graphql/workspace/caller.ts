import type { GraphQLResolveInfo } from "graphql";
import { requireActiveWorkspace, type AuthContext, type WorkspaceAuthContext } from "../../auth/auth-context.ts";
import type { WorkspaceMetadata } from "../../metadata/workspace-metadata.ts";
import { RecordAccess } from "../../query/access.ts";
import type { Runner } from "../../query/operations/caller-gate.ts";
import type { GraphQLContext } from "../context.ts";
import { requireWorkspace } from "../guards.ts";
import { metadataOf } from "../workspace-metadata.ts";
import type { SelectionSource } from "./selection-from-info.ts";

export interface Caller {
  auth: WorkspaceAuthContext;
  metadata: WorkspaceMetadata;
  access: RecordAccess;
  source: SelectionSource;
  /** Where the request's record statements run (reads and writes): through the caller gate when planned with a hint. */
  runner: Runner;
}

/** The runner of the request planned with this auth context (each request has its own context object). */
const runners = new WeakMap<AuthContext, Runner>();

export function planWith(auth: AuthContext, runner: Runner): void {
  runners.set(auth, runner);
}

/** The caller of a workspace operation: its workspace (active), metadata, record access, and the query's selection inputs. */
export async function callerOf(ctx: GraphQLContext, info: GraphQLResolveInfo): Promise<Caller> {
  const auth = requireActiveWorkspace(requireWorkspace(ctx));
  const metadata = await metadataOf(ctx);
  const access = new RecordAccess(auth.role);
  return {
    auth,
    metadata,
    access,
    source: { metadata, access, schema: info.schema, fragments: info.fragments, variables: info.variableValues },
    runner: runners.get(auth) ?? ctx.db.http,
  };
}
