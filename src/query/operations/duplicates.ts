import type { Runner } from "./caller-gate.ts";
import { AppError, permissionDenied } from "../../errors/app-error.ts";
import type { ObjectMetadata } from "../../metadata/types.ts";
import type { WorkspaceMetadata } from "../../metadata/workspace-metadata.ts";
import type { RecordAccess } from "../access.ts";
import { planRecordInput } from "../input/record-input.ts";
import type { Selection } from "../selection.ts";
import { duplicatesSql } from "../sql/duplicates-sql.ts";
import { createScope } from "../sql/where.ts";
import { runJson } from "./run-json.ts";

export const maxDuplicates = 60;

/** Duplicates and merge exist only for objects with duplicate criteria (company, person; Twenty's wording). */
export function duplicateCriteriaOf(object: ObjectMetadata, feature: "Merge" | "Duplicate search"): string[][] {
  const criteria = object.duplicateCriteria ?? [];
  if (criteria.length === 0) {
    throw new AppError(
      400,
      "NO_DUPLICATE_CRITERIA",
      `${feature} is only available for objects with duplicate criteria. Object '${object.nameSingular}' does not have duplicate criteria defined.`,
    );
  }
  return criteria;
}

/**
 * Twenty's duplicate search: `data` (records to check before creating them) or `ids` (existing records), not
 * both, not neither; one list of matches per item, in order.
 */
export async function findDuplicates(
  db: Runner,
  metadata: WorkspaceMetadata,
  access: RecordAccess,
  selection: Selection,
  input: { data?: unknown; ids?: unknown },
): Promise<unknown[][]> {
  const object = selection.object;
  if (!access.can("read", object)) throw permissionDenied();
  const criteria = duplicateCriteriaOf(object, "Duplicate search");
  if (input.data !== undefined && input.ids !== undefined) throw new AppError(400, "INVALID_DUPLICATES_INPUT", `You cannot provide both "data" and "ids" arguments`);
  if (input.data === undefined && input.ids === undefined) throw new AppError(400, "INVALID_DUPLICATES_INPUT", `You have to provide either "data" or "ids" argument`);
  let statement;
  const scope = createScope(metadata.schemaName);
  if (input.ids !== undefined) {
    if (!Array.isArray(input.ids) || !input.ids.every((id) => typeof id === "string" && /^[0-9a-f-]{36}$/i.test(id))) {
      throw new AppError(400, "INVALID_DUPLICATES_INPUT", `"ids" must be a list of UUIDs`);
    }
    if (input.ids.length === 0) return [];
    statement = duplicatesSql(scope, selection, criteria, { kind: "ids", ids: input.ids as string[] }, maxDuplicates + 1);
  } else {
    if (!Array.isArray(input.data) || input.data.length === 0) {
      throw new AppError(400, "INVALID_DUPLICATES_INPUT", `The "data" condition can not be empty when "ids" input not provided`);
    }
    const rows = input.data.map((item, i) => {
      const planned = planRecordInput(metadata, object, item, "create", access, `data[${i}].`);
      return Object.fromEntries(planned.columns.map((c) => [c.column, c.value === null ? null : String(c.value)]));
    });
    statement = duplicatesSql(scope, selection, criteria, { kind: "values", rows }, maxDuplicates + 1);
  }
  return runJson<unknown[][]>(db, statement, object);
}
