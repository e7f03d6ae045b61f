import { Hono, type Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import { AppError } from "../errors/app-error.ts";
import { asWorkspaceCaller } from "../http/require-auth.ts";
import type { Runner } from "../query/operations/caller-gate.ts";
import { parseCorePath } from "./core-path.ts";
import { findRecordDuplicates } from "./handlers/duplicates.ts";
import { getRecord, listRecords } from "./handlers/find.ts";
import { groupRecords } from "./handlers/group-by.ts";
import { mergeRecordsRoute } from "./handlers/merge.ts";
import { createBatch, createRecord, deleteRecord, restoreRecord, updateRecord } from "./handlers/write.ts";
import { restCall } from "./rest-context.ts";

const methodNotAllowed = (method: string, path: string) => new AppError(405, "METHOD_NOT_ALLOWED", `Cannot ${method} ${path}`);

/**
 * The REST API over every object, standard or custom: one dispatcher, since the routes are the workspace's
 * objects. Mounted after the fixed `/rest/...` routes (metadata, API keys, OpenAPI).
 */
export const coreRestApp = new Hono<AppEnv>().all("/rest/*", (c) => asWorkspaceCaller(c, (runner) => dispatch(c, runner)));

/** One record route; `runner` runs its statements (see `asWorkspaceCaller`). */
async function dispatch(c: Context<AppEnv>, runner: Runner): Promise<Response> {
  const route = parseCorePath(c.req.path);
  const call = await restCall(c, route.plural);
  const method = c.req.method;
  const update = method === "PATCH" || method === "PUT";
  switch (route.kind) {
    case "collection":
      if (method === "GET") return listRecords(call, runner);
      if (method === "POST") return createRecord(call, runner);
      if (update) return updateRecord(call, undefined, runner);
      if (method === "DELETE") return deleteRecord(call, undefined, runner);
      break;
    case "record":
      if (method === "GET") return getRecord(call, route.id, runner);
      if (update) return updateRecord(call, route.id, runner);
      if (method === "DELETE") return deleteRecord(call, route.id, runner);
      break;
    case "batch":
      if (method === "POST") return createBatch(call, runner);
      break;
    case "duplicates":
      if (method === "POST") return findRecordDuplicates(call, runner);
      break;
    case "merge":
      if (update) return mergeRecordsRoute(call, runner);
      break;
    case "groupBy":
      if (method === "GET") return groupRecords(call, runner);
      break;
    case "restoreRecord":
      if (update) return restoreRecord(call, route.id, runner);
      break;
    case "restoreMany":
      if (update) return restoreRecord(call, undefined, runner);
      break;
    default:
      break;
  }
  throw methodNotAllowed(method, c.req.path);
}
