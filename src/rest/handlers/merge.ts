import { AppError } from "../../errors/app-error.ts";
import { workspaceAuth } from "../../http/require-auth.ts";
import { capitalize } from "../../metadata/names.ts";
import type { Runner } from "../../query/operations/caller-gate.ts";
import { mergeRecords } from "../../query/operations/merge.ts";
import { assertKnownParams, parseDepth } from "../../query/rest/query-params.ts";
import { selectionForDepth } from "../../query/selection.ts";
import { readJsonBody } from "../read-body.ts";
import type { RestCall } from "../rest-context.ts";

/** PATCH /rest/<plural>/merge `{ids, conflictPriorityIndex, dryRun}` → `{ data: { merge<Singular>: {...} } }`. */
export async function mergeRecordsRoute(call: RestCall, runner: Runner): Promise<Response> {
  assertKnownParams(call.params, ["depth"]);
  const body = await readJsonBody(call.c);
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new AppError(400, "INVALID_MERGE", `The body is {"ids": [...], "conflictPriorityIndex": 0, "dryRun": false}`);
  const { ids, conflictPriorityIndex, dryRun, ...rest } = body as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown) throw new AppError(400, "INVALID_MERGE", `Unknown field "${unknown}": the body takes ids, conflictPriorityIndex and dryRun`);
  const record = await mergeRecords(
    call.c.var.db,
    { db: runner, metadata: call.metadata, access: call.access, auth: workspaceAuth(call.c.var.auth), object: call.object, selection: selectionForDepth(call.metadata, call.object, parseDepth(call.params), call.access) },
    { ids, conflictPriorityIndex, dryRun },
  );
  return call.c.json({ data: { [`merge${capitalize(call.singular)}`]: record } }, 200);
}
