import { AppError } from "../../errors/app-error.ts";
import { findDuplicates, maxDuplicates } from "../../query/operations/duplicates.ts";
import { encodeCursor } from "../../query/plan/cursor.ts";
import { assertKnownParams, parseDepth } from "../../query/rest/query-params.ts";
import { selectionForDepth } from "../../query/selection.ts";
import { readJsonBody } from "../read-body.ts";
import type { Runner } from "../../query/operations/caller-gate.ts";
import type { RestCall } from "../rest-context.ts";

/** POST /rest/<plural>/duplicates → `{ data: [{ <singular>Duplicates, totalCount, pageInfo }, ...] }`. */
export async function findRecordDuplicates(call: RestCall, reads: Runner): Promise<Response> {
  assertKnownParams(call.params, ["depth"]);
  const body = await readJsonBody(call.c);
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new AppError(400, "INVALID_DUPLICATES_INPUT", `The body is {"data": [...]} or {"ids": [...]}`);
  const { data, ids, ...rest } = body as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown) throw new AppError(400, "INVALID_DUPLICATES_INPUT", `Unknown field "${unknown}": the body is {"data": [...]} or {"ids": [...]}`);
  const selection = selectionForDepth(call.metadata, call.object, parseDepth(call.params), call.access);
  const lists = await findDuplicates(reads, call.metadata, call.access, selection, { data, ids });
  const key = `${call.singular}Duplicates`;
  return call.c.json(
    {
      data: lists.map((records) => {
        const page = records.slice(0, maxDuplicates) as Array<{ id: string }>;
        return {
          [key]: page,
          totalCount: page.length,
          pageInfo: {
            hasNextPage: records.length > maxDuplicates,
            hasPreviousPage: false,
            startCursor: page[0] ? encodeCursor({ id: page[0].id }) : null,
            endCursor: page.at(-1) ? encodeCursor({ id: page.at(-1)!.id }) : null,
          },
        };
      }),
    },
    200,
  );
}
