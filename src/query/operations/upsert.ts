import { sql } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { rowsOf } from "../../db/rows.ts";
import { ident } from "../../db/sql-text.ts";
import { AppError } from "../../errors/app-error.ts";
import { uniqueColumn } from "../../metadata/ddl/indexes.ts";
import { planRecordInput } from "../input/record-input.ts";
import { confirmCaller } from "./caller-gate.ts";
import { createRecords, maxCreatedRows, restoreRecords, updateRecords, type WriteScope } from "./write.ts";

/**
 * Twenty's upsert: a record whose id or any unique value (soft-deleted rows included) matches an existing one
 * updates it (restoring it if deleted); the others are created. Matching two different records is refused.
 * All of it in one transaction, after the caller's own check when `scope.db` is a gate; records come back
 * in input order.
 */
export async function upsertRecords(database: Database, scope: WriteScope, bodies: unknown[]): Promise<unknown[]> {
  if (bodies.length > maxCreatedRows) throw new AppError(400, "TOO_MANY_RECORDS", `Maximum number of records to upsert is ${maxCreatedRows}.`);
  const { metadata, object, access } = scope;
  const uniques = object.fields.filter((f) => f.isActive && f.isUnique && f.name !== "id").map((f) => uniqueColumn(f));
  const inputs = bodies.map((body, i) => planRecordInput(metadata, object, body, "create", access, bodies.length > 1 ? `[${i}].` : ""));
  const keysOf = (input: (typeof inputs)[number]) => {
    const keys: Array<[string, string]> = input.id ? [["id", input.id]] : [];
    for (const column of uniques) {
      const value = input.columns.find((c) => c.column === column)?.value;
      if (typeof value === "string" && value !== "") keys.push([column, value]);
    }
    return keys;
  };
  const table = sql.raw(`${ident(metadata.schemaName)}.${ident(object.tableName)}`);
  await confirmCaller(scope.db);
  return database.transaction(async (tx) => {
    const conditions = ["id", ...uniques].map((column) => {
      const values = inputs.flatMap((input) => keysOf(input).filter(([c]) => c === column).map(([, v]) => v));
      return values.length ? sql`${sql.raw(ident(column))}::text = ANY(${sql.param(values)}::text[])` : undefined;
    }).filter((c) => c !== undefined);
    const existing = conditions.length
      ? rowsOf<Record<string, string | null> & { id: string; deleted: boolean }>(
          await tx.execute(sql`SELECT id::text AS id, "deletedAt" IS NOT NULL AS deleted${sql.raw(uniques.map((c) => `, ${ident(c)}::text AS ${ident(c)}`).join(""))} FROM ${table} WHERE ${sql.join(conditions, sql.raw(" OR "))} FOR UPDATE`),
        )
      : [];
    const writeScope = { ...scope, db: tx };
    const results: unknown[] = new Array(bodies.length);
    const creations: number[] = [];
    for (const [i, input] of inputs.entries()) {
      const matches = new Set(existing.filter((row) => keysOf(input).some(([column, value]) => row[column] === value)).map((row) => row.id));
      if (matches.size > 1) throw new AppError(400, "UPSERT_MULTIPLE_MATCHES", "Multiple records found with the same unique field values");
      const [id] = [...matches];
      if (!id) {
        creations.push(i);
        continue;
      }
      if (existing.find((row) => row.id === id)!.deleted) await restoreRecords(writeScope, { id });
      const { id: _ignored, ...changes } = bodies[i] as Record<string, unknown>;
      [results[i]] = await updateRecords(writeScope, { id }, changes);
    }
    const created = await createRecords(writeScope, creations.map((i) => bodies[i]));
    creations.forEach((i, k) => (results[i] = created[k]));
    return results;
  });
}
