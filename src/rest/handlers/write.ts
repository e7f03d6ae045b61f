import { AppError } from "../../errors/app-error.ts";
import { workspaceAuth } from "../../http/require-auth.ts";
import { capitalize } from "../../metadata/names.ts";
import type { Target } from "../../query/sql/write-sql.ts";
import {
  createRecords,
  destroyRecords,
  requiredFilter,
  restoreRecords,
  softDeleteRecords,
  updateRecords,
  type WriteScope,
} from "../../query/operations/write.ts";
import { upsertRecords } from "../../query/operations/upsert.ts";
import type { Runner } from "../../query/operations/caller-gate.ts";
import { assertKnownParams, flag, parseDepth, parseFilterParams, param } from "../../query/rest/query-params.ts";
import { selectionForDepth } from "../../query/selection.ts";
import type { RestCall } from "../rest-context.ts";
import { readJsonBody } from "../read-body.ts";

function scopeOf(call: RestCall, depth: number, runner: Runner): WriteScope {
  return {
    db: runner,
    metadata: call.metadata,
    access: call.access,
    auth: workspaceAuth(call.c.var.auth),
    object: call.object,
    selection: selectionForDepth(call.metadata, call.object, depth, call.access),
  };
}

const key = (verb: string, name: string) => `${verb}${capitalize(name)}`;

/** `?upsert=true` updates records matching an id or unique value instead of failing on them. */
function create(call: RestCall, bodies: unknown[], runner: Runner): Promise<unknown[]> {
  const scope = scopeOf(call, parseDepth(call.params), runner);
  return flag(call.params, "upsert") ? upsertRecords(call.c.var.db, scope, bodies) : createRecords(scope, bodies);
}

/** POST /rest/<plural> → 201 `{ data: { create<Singular>: {...} } }`. */
export async function createRecord(call: RestCall, runner: Runner): Promise<Response> {
  assertKnownParams(call.params, ["depth", "upsert"]);
  const body = await readJsonBody(call.c);
  const [record] = await create(call, [body], runner);
  return call.c.json({ data: { [key("create", call.singular)]: record } }, 201);
}

/** POST /rest/batch/<plural> → 201 `{ data: { create<Plural>: [...] } }`, all or nothing, at most 200. */
export async function createBatch(call: RestCall, runner: Runner): Promise<Response> {
  assertKnownParams(call.params, ["depth", "upsert"]);
  const body = await readJsonBody(call.c);
  if (!Array.isArray(body)) throw new AppError(400, "INVALID_RECORD_INPUT", "The request body must be a JSON array of records");
  const records = await create(call, body, runner);
  return call.c.json({ data: { [key("create", call.plural)]: records } }, 201);
}

/** PATCH|PUT /rest/<plural>/<id> → `update<Singular>`; PATCH /rest/<plural>?filter= → `update<Plural>`. */
export async function updateRecord(call: RestCall, id: string | undefined, runner: Runner): Promise<Response> {
  assertKnownParams(call.params, id ? ["depth"] : ["depth", "filter"]);
  const scope = scopeOf(call, parseDepth(call.params), runner);
  const body = await readJsonBody(call.c);
  const target: Target = id ? { id } : { filter: requiredFilter(scope, parseFilterParams(call.params), "text") };
  const records = await updateRecords(scope, target, body);
  return call.c.json({ data: id ? { [key("update", call.singular)]: records[0] } : { [key("update", call.plural)]: records } }, 200);
}

/**
 * DELETE: soft by default (the record comes back with `deletedAt` set, restorable); `soft_delete=false`
 * destroys and answers the id only, as Twenty's hard delete does.
 */
export async function deleteRecord(call: RestCall, id: string | undefined, runner: Runner): Promise<Response> {
  assertKnownParams(call.params, id ? ["depth", "soft_delete"] : ["depth", "soft_delete", "filter"]);
  const soft = param(call.params, "soft_delete") !== "false";
  if (!soft && param(call.params, "depth") !== undefined) throw new AppError(400, "INVALID_QUERY_PARAMETER", "depth does not apply to a hard delete");
  const scope = scopeOf(call, soft ? parseDepth(call.params) : 0, runner);
  if (!soft) scope.selection = { object: call.object, items: scope.selection.items.filter((item) => item.key === "id") };
  const target: Target = id ? { id } : { filter: requiredFilter(scope, parseFilterParams(call.params), "text") };
  const records = soft ? await softDeleteRecords(scope, target) : await destroyRecords(scope, target);
  return call.c.json({ data: id ? { [key("delete", call.singular)]: records[0] } : { [key("delete", call.plural)]: records } }, 200);
}

/** PATCH /rest/<plural>/<id>/restore (and /rest/restore/<plural>/<id>); many with a filter. */
export async function restoreRecord(call: RestCall, id: string | undefined, runner: Runner): Promise<Response> {
  assertKnownParams(call.params, id ? ["depth"] : ["depth", "filter"]);
  const scope = scopeOf(call, parseDepth(call.params), runner);
  const target: Target = id ? { id } : { filter: requiredFilter(scope, parseFilterParams(call.params), "text") };
  const records = await restoreRecords(scope, target);
  return call.c.json({ data: id ? { [key("restore", call.singular)]: records[0] } : { [key("restore", call.plural)]: records } }, 200);
}
