import { sql, type SQL } from "drizzle-orm";
import { ident } from "../db/sql-text.ts";
import { fieldColumns } from "../metadata/ddl/object-columns.ts";
import type { ObjectMetadata } from "../metadata/types.ts";
import type { RecordAccess } from "../query/access.ts";
import { recordColumns } from "./record-columns.ts";
import type { SearchPosition } from "./search-cursor.ts";
import { filterMentionsDeletedAt, searchFilterSql, type SearchRecordFilter } from "./search-filter.ts";
import type { SearchTerms } from "./search-terms.ts";
import { compareSearchObjects } from "./searchable-objects.ts";

export interface SearchStatement {
  schema: string;
  /** In merge order (see compareSearchObjects); their index breaks ties between objects in SQL. */
  objects: ObjectMetadata[];
  access: RecordAccess;
  terms: SearchTerms;
  filter?: SearchRecordFilter | null;
  after?: SearchPosition;
  limit: number;
}

/** One row of the statement's JSON answer, in merged order. */
export interface SearchRow {
  objectNameSingular: string;
  recordId: string;
  label: string;
  domain: string | null;
  image: string | null;
  tsRankCD: number;
  tsRank: number;
}

const alias = "t";
const vector = sql.raw(`${alias}.${ident("searchVector")}`);
const tsQuery = (terms: string) => sql`to_tsquery('simple', public.unaccent_immutable(${terms}))`;

/**
 * Whether the object's search vector holds text of a field the role cannot read: then a match on the vector
 * would tell that the hidden value contains the words, so only the (always readable) label is searched.
 */
export function vectorShowsHiddenFields(object: ObjectMetadata, access: RecordAccess, schema: string): boolean {
  const expression = (object.fields.find((field) => field.type === "TS_VECTOR")?.settings as { asExpression?: string } | null)?.asExpression ?? "";
  return object.fields.some(
    (field) => field.isActive && !access.canReadField(object, field) && fieldColumns(field, object, schema).some((column) => expression.includes(ident(column.name))),
  );
}

/** Which rows of one object the input finds: full text on the vector (when usable), or every word inside the label. */
function matchSql(terms: SearchTerms, label: string, useVector: boolean): SQL {
  if (terms.matchAll) return sql`${vector} IS NOT NULL`;
  const parts: SQL[] = [];
  if (terms.allWords && useVector) parts.push(sql`${vector} @@ ${tsQuery(terms.allWords)}`, sql`${vector} @@ ${tsQuery(terms.anyWord)}`);
  const unaccentedLabel = sql.raw(`public.unaccent_immutable(${label})`);
  parts.push(sql`(${sql.join(terms.likePatterns.map((pattern) => sql`${unaccentedLabel} ILIKE public.unaccent_immutable(${pattern})`), sql` AND `)})`);
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/**
 * Rows of this object that come after the cursor in the merged order (ranks descending, then objects in
 * merge order, then id). Among rows tied on both ranks, the cursor's own object resumes after its id,
 * objects merged before it are done, and objects merged after it have not started. Ranks are `real` in
 * SQL and travel as the shortest decimal that reads back to the same `real`, so equality is exact.
 */
function afterSql(object: ObjectMetadata, after: SearchPosition): SQL {
  const cd = sql`${after.tsRankCD}::real`;
  const rank = sql`${after.tsRank}::real`;
  const order = compareSearchObjects(object.nameSingular, after.objectNameSingular);
  const tied = order < 0 ? sql`false` : order === 0 ? sql`x.id > ${after.recordId}::uuid` : sql`true`;
  return sql`(x."tsRankCD" < ${cd} OR (x."tsRankCD" = ${cd} AND (x."tsRank" < ${rank} OR (x."tsRank" = ${rank} AND ${tied}))))`;
}

/** One object's best `limit + 1` rows after the cursor: enough for the merge to fill a page and see past it. */
function objectSql(statement: SearchStatement, object: ObjectMetadata, index: number): SQL {
  const { terms, filter, after, limit } = statement;
  const columns = recordColumns(object, statement.access, alias, statement.schema);
  const useVector = !vectorShowsHiddenFields(object, statement.access, statement.schema);
  const where: SQL[] = [matchSql(terms, columns.label, useVector)];
  if (!filterMentionsDeletedAt(filter)) where.push(sql.raw(`${alias}.${ident("deletedAt")} IS NULL`));
  if (filter) where.push(searchFilterSql(alias, filter));
  const cd = terms.allWords && useVector ? sql`ts_rank_cd(${vector}, ${tsQuery(terms.allWords)})` : sql`0`;
  const rank = terms.anyWord && useVector ? sql`ts_rank(${vector}, ${tsQuery(terms.anyWord)})` : sql`0`;
  const table = sql.raw(`${ident(statement.schema)}.${ident(object.tableName)} ${alias}`);
  const ranked = sql`SELECT ${sql.raw(`${alias}.id, ${columns.label} AS label, ${columns.domain} AS domain, ${columns.image} AS image`)}, (${cd})::real AS "tsRankCD", (${rank})::real AS "tsRank" FROM ${table} WHERE ${sql.join(where, sql` AND `)}`;
  return sql`(SELECT ${sql.raw(String(index))} AS ord, ${object.nameSingular}::text AS "objectNameSingular", x.id AS "recordId", x.label, x.domain, x.image, x."tsRankCD", x."tsRank" FROM (${ranked}) x WHERE ${
    after ? afterSql(object, after) : sql`true`
  } ORDER BY x."tsRankCD" DESC, x."tsRank" DESC, x.id LIMIT ${sql.raw(String(limit + 1))})`;
}

/**
 * The whole search as one statement: each object's ranked rows, UNION ALL, merged by ranks, object order
 * and id, cut at `limit + 1` (the extra row says whether a next page exists), answered as one JSON array.
 */
export function searchSql(statement: SearchStatement): SQL {
  const union = sql.join(statement.objects.map((object, index) => objectSql(statement, object, index)), sql` UNION ALL `);
  // The union is a subquery of its own: a lone parenthesised branch would otherwise meet a second ORDER BY.
  const merged = sql`SELECT * FROM (${union}) u ORDER BY "tsRankCD" DESC, "tsRank" DESC, ord, "recordId" LIMIT ${sql.raw(String(statement.limit + 1))}`;
  const row = sql.raw(
    `json_build_object('objectNameSingular', m."objectNameSingular", 'recordId', m."recordId", 'label', m.label, 'domain', m.domain, 'image', m.image, 'tsRankCD', m."tsRankCD", 'tsRank', m."tsRank")`,
  );
  const rowOrder = sql.raw(`m."tsRankCD" DESC, m."tsRank" DESC, m.ord, m."recordId"`);
  return sql`SELECT coalesce(json_agg(${row} ORDER BY ${rowOrder}), '[]'::json)::text AS result FROM (${merged}) m`;
}
