import { sql } from "drizzle-orm";
import type { WorkspaceAuthContext } from "../../auth/auth-context.ts";
import type { Database } from "../../db/database.ts";
import { ident } from "../../db/sql-text.ts";
import { AppError, permissionDenied } from "../../errors/app-error.ts";
import { joinColumnOf } from "../../field-types/relation.ts";
import type { ObjectMetadata } from "../../metadata/types.ts";
import type { WorkspaceMetadata } from "../../metadata/workspace-metadata.ts";
import { RecordAccess } from "../access.ts";
import { planFilter } from "../plan/plan-filter.ts";
import { selectionForDepth, type Selection } from "../selection.ts";
import { confirmCaller, type Runner } from "./caller-gate.ts";
import { duplicateCriteriaOf } from "./duplicates.ts";
import { findMany } from "./find-many.ts";
import { mergeRecordValues } from "./merge-values.ts";
import { softDeleteRecords, updateRecords } from "./write.ts";
import { valueText } from "../../field-types/leaves/leaf.ts";

export interface MergeInput {
  ids: unknown;
  conflictPriorityIndex: unknown;
  dryRun?: unknown;
}

const bad = (message: string) => new AppError(400, "INVALID_MERGE", message);
const notWritable = new Set(["id", "createdAt", "updatedAt", "deletedAt", "createdBy", "updatedBy", "position", "searchVector"]);

/**
 * Twenty's merge: 2-9 records, the one at `conflictPriorityIndex` wins conflicts, empty values are filled
 * from the others and lists are unioned; unless `dryRun`, in one transaction the winner is updated, every
 * record pointing at a loser is re-pointed to the winner, and the losers are soft-deleted (restorable).
 * The records are read through `context.db` (a gate checks the caller with them), the transaction after.
 */
export async function mergeRecords(
  database: Database,
  context: { db: Runner; metadata: WorkspaceMetadata; access: RecordAccess; auth: WorkspaceAuthContext; object: ObjectMetadata; selection: Selection },
  input: MergeInput,
): Promise<unknown> {
  const { metadata, access, object } = context;
  duplicateCriteriaOf(object, "Merge");
  if (!access.can("update", object) || !access.can("softDelete", object)) throw permissionDenied();
  const ids = input.ids;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string" && /^[0-9a-f-]{36}$/i.test(id))) throw bad(`"ids" must be a list of UUIDs`);
  if (ids.length < 2) throw bad("At least 2 record IDs are required for merge");
  if (ids.length > 9) throw bad("Maximum 9 records can be merged at once");
  if (new Set(ids).size !== ids.length) throw bad("The same record cannot be merged with itself");
  const index = input.conflictPriorityIndex;
  if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= ids.length) {
    throw bad(`Invalid conflict priority '${valueText(index)}'. Valid options for ${ids.length} records: 0-${ids.length - 1}`);
  }
  const flat = selectionForDepth(metadata, object, 0, access);
  const found = await findMany(context.db, metadata, access, {
    object,
    filter: { kind: "condition", path: ["id"], operator: "in", value: ids as string[] },
    source: "json",
    orderBy: [],
    page: { first: 9 },
    selection: flat,
  });
  const byId = new Map((found.records as Array<Record<string, unknown>>).map((r) => [r.id as string, r]));
  if (byId.size !== ids.length) throw bad("One or more records not found");
  const priorityId = ids[index] as string;
  const kinds = Object.fromEntries(flat.items.flatMap((i) => ((i.kind === "field" || i.kind === "joinColumn") && !notWritable.has(i.key) ? [[i.key, i.field.type]] : [])));
  const merged = mergeRecordValues(byId.get(priorityId)!, ids.filter((id) => id !== priorityId).map((id) => byId.get(id)!), kinds);
  if (input.dryRun === true) return merged;
  const body = Object.fromEntries(Object.entries(merged).filter(([key]) => key in kinds));
  const losers = ids.filter((id) => id !== priorityId) as string[];
  await confirmCaller(context.db);
  return database.transaction(async (tx) => {
    const scope = { ...context, db: tx };
    for (const { object: other, field } of metadata.fieldsById.values()) {
      const joinColumn = field.isActive && field.type === "RELATION" && field.relationTargetObjectMetadataId === object.id ? joinColumnOf(field) : undefined;
      if (!joinColumn) continue;
      await tx.execute(
        sql`UPDATE ${sql.raw(`${ident(metadata.schemaName)}.${ident(other.tableName)}`)} SET ${sql.raw(ident(joinColumn))} = ${sql.param(priorityId)}::uuid WHERE ${sql.raw(ident(joinColumn))} = ANY(${sql.param(losers)}::uuid[])`,
      );
    }
    await softDeleteRecords({ ...scope, selection: flat }, { filter: planFilter(metadata, object, { kind: "condition", path: ["id"], operator: "in", value: losers }, "json", RecordAccess.everything) });
    const [record] = await updateRecords(scope, { id: priorityId }, body);
    return record;
  });
}
