import { notFound } from "../../errors/app-error.ts";
import { findMany, findOne } from "../../query/operations/find-many.ts";
import { assertKnownParams, parseDepth, parseFilterParams, parseOrderParams, parsePage } from "../../query/rest/query-params.ts";
import { selectionForDepth } from "../../query/selection.ts";
import type { Runner } from "../../query/operations/caller-gate.ts";
import type { RestCall } from "../rest-context.ts";

const listParams = ["filter", "order_by", "orderBy", "limit", "starting_after", "after", "ending_before", "before", "offset", "depth"];

/** GET /rest/<plural>: `{ data: { <plural>: [...] }, totalCount, pageInfo }` in Twenty's key order. */
export async function listRecords(call: RestCall, reads: Runner): Promise<Response> {
  const { c, metadata, object, access, params } = call;
  assertKnownParams(params, listParams);
  const page = await findMany(reads, metadata, access, {
    object,
    filter: parseFilterParams(params),
    source: "text",
    orderBy: parseOrderParams(params),
    page: parsePage(params),
    selection: selectionForDepth(metadata, object, parseDepth(params), access),
  });
  return c.json({ data: { [call.plural]: page.records }, totalCount: page.totalCount, pageInfo: page.pageInfo }, 200);
}

/** GET /rest/<plural>/<id>: `{ data: { <singular>: {...} } }`, 404 `Record not found`. */
export async function getRecord(call: RestCall, id: string, reads: Runner): Promise<Response> {
  const { c, metadata, object, access, params } = call;
  assertKnownParams(params, ["depth"]);
  const record = await findOne(reads, metadata, access, selectionForDepth(metadata, object, parseDepth(params), access), id);
  if (!record) throw notFound();
  return c.json({ data: { [call.singular]: record } }, 200);
}
