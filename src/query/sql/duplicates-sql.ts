import { sql, type SQL } from "drizzle-orm";
import { ident } from "../../db/sql-text.ts";
import type { Selection } from "../selection.ts";
import { recordJsonSql } from "./record-json.ts";
import { tableOf, type SqlScope } from "./where.ts";

/** What duplicates are looked for: values given in the request, or existing records by id. */
export type DuplicateProbe = { kind: "values"; rows: Array<Record<string, string | null>> } | { kind: "ids"; ids: string[] };

/**
 * For each probe, the live records matching any duplicate-criteria group (every column of the group equal and
 * not empty), the probe itself excluded; ONE statement, one list per probe in request order.
 */
export function duplicatesSql(scope: SqlScope, selection: Selection, criteria: string[][], probe: DuplicateProbe, limit: number): SQL {
  const table = tableOf(scope, selection.object.tableName);
  const columns = [...new Set(criteria.flat())];
  const probeColumns = columns.map((column, i) => `c${i}`);
  let probes: SQL;
  if (probe.kind === "ids") {
    const s = scope.nextAlias();
    probes = sql`SELECT array_position(${sql.param(probe.ids)}::uuid[], ${sql.raw(s)}.id) AS idx, ${sql.raw(s)}.id AS self${sql.raw(
      columns.map((column, i) => `, ${s}.${ident(column)}::text AS c${i}`).join(""),
    )} FROM ${table} ${sql.raw(s)} WHERE ${sql.raw(s)}.id = ANY(${sql.param(probe.ids)}::uuid[]) AND ${sql.raw(s)}."deletedAt" IS NULL`;
  } else {
    const tuples = probe.rows.map((row, idx) => sql`(${sql.join([sql.raw(String(idx + 1)), sql.raw("NULL::uuid"), ...columns.map((column) => sql`${sql.param(row[column] ?? null)}::text`)], sql.raw(", "))})`);
    probes = sql`SELECT * FROM (VALUES ${sql.join(tuples, sql.raw(", "))}) AS v(idx, self${sql.raw(probeColumns.map((c) => `, ${c}`).join(""))})`;
  }
  const d = scope.nextAlias();
  const matches = criteria.map((group) => {
    const parts = group.map((column) => {
      const c = probeColumns[columns.indexOf(column)]!;
      return `coalesce(p.${c}, '') <> '' AND ${d}.${ident(column)}::text = p.${c}`;
    });
    return `(${parts.join(" AND ")})`;
  });
  const r = scope.nextAlias();
  const records = sql`(SELECT coalesce(json_agg(${recordJsonSql(scope, selection, r)} ORDER BY ${sql.raw(r)}.id), '[]'::json) FROM (SELECT * FROM ${table} ${sql.raw(d)} WHERE ${sql.raw(
    `${d}."deletedAt" IS NULL AND ${d}.id IS DISTINCT FROM p.self AND (${matches.join(" OR ")})`,
  )} ORDER BY ${sql.raw(d)}.id LIMIT ${sql.raw(String(limit))}) ${sql.raw(r)})`;
  return sql`WITH probes AS (${probes}) SELECT coalesce((SELECT json_agg(${records} ORDER BY p.idx) FROM probes p), '[]'::json)::text AS result`;
}
