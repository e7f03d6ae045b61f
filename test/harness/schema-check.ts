import { expect } from "vitest";
import { gql } from "./graphql.ts";
import type { TestWorker } from "./test-worker.ts";

/** Sub-fields of each composite type, from the spec (§3.6), written out here independently of src/. */
const compositeSubFields: Record<string, string[]> = {
  CURRENCY: ["amountMicros", "currencyCode"],
  FULL_NAME: ["firstName", "lastName"],
  ADDRESS: ["addressStreet1", "addressStreet2", "addressCity", "addressPostcode", "addressState", "addressCountry", "addressLat", "addressLng"],
  LINKS: ["primaryLinkLabel", "primaryLinkUrl", "secondaryLinks"],
  EMAILS: ["primaryEmail", "additionalEmails"],
  PHONES: ["primaryPhoneNumber", "primaryPhoneCountryCode", "primaryPhoneCallingCode", "additionalPhones"],
  ACTOR: ["source", "workspaceMemberId", "name", "context"],
  RICH_TEXT_V2: ["blocknote", "markdown"],
  RICH_TEXT: ["blocknote", "markdown"],
};

const scalarTypes: Record<string, string> = {
  TEXT: "text",
  NUMBER: "double precision",
  POSITION: "double precision",
  NUMERIC: "numeric",
  BOOLEAN: "boolean",
  DATE_TIME: "timestamp with time zone",
  DATE: "date",
  UUID: "uuid",
  RAW_JSON: "jsonb",
  FILES: "jsonb",
  ARRAY: "ARRAY",
  TS_VECTOR: "tsvector",
  SELECT: "USER-DEFINED",
  RATING: "USER-DEFINED",
  MULTI_SELECT: "ARRAY",
};

interface MetaField {
  name: string;
  type: string;
  isNullable: boolean;
  options: Array<{ value: string }> | null;
  settings: { relationType?: string; joinColumnName?: string } | null;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Columns each field should own, by the spec's rules. */
function expectedColumns(field: MetaField): Array<{ column: string; type?: string }> {
  if (field.type === "RELATION") {
    return field.settings?.relationType === "MANY_TO_ONE" ? [{ column: field.settings.joinColumnName ?? `${field.name}Id`, type: "uuid" }] : [];
  }
  const subFields = compositeSubFields[field.type];
  if (subFields) return subFields.map((sub) => ({ column: field.name + capitalize(sub) }));
  return [{ column: field.name, type: scalarTypes[field.type] }];
}

/**
 * Asserts that the tables and columns of the workspace schema are exactly what the metadata API says:
 * one table per object, one column per field (or sub-field), the right SQL types, enum values = options.
 */
export async function expectSchemaMatchesMetadata(worker: TestWorker, token: string, workspaceId: string): Promise<void> {
  const { data, errors } = await gql(
    worker,
    `{ objects(paging: { first: 1000 }) { edges { node { nameSingular isCustom
        fields(paging: { first: 1000 }) { edges { node { name type isNullable options settings } } } } } } }`,
    {},
    { token },
  );
  expect(errors).toBeUndefined();
  const schema = (await worker.db.sql.query(`SELECT "schemaName" FROM core.workspace WHERE id = $1`, [workspaceId])).rows[0].schemaName;
  const columns = await worker.db.sql.query<{ table_name: string; column_name: string; data_type: string; udt_name: string }>(
    `SELECT table_name, column_name, data_type, udt_name FROM information_schema.columns WHERE table_schema = $1`,
    [schema],
  );
  const actual = new Map<string, Map<string, { type: string; udt: string }>>();
  for (const row of columns.rows) {
    if (!actual.has(row.table_name)) actual.set(row.table_name, new Map());
    actual.get(row.table_name)!.set(row.column_name, { type: row.data_type, udt: row.udt_name });
  }
  const enums = await worker.db.sql.query<{ typname: string; labels: string[] }>(
    `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels FROM pg_type t
     JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = $1 GROUP BY t.typname`,
    [schema],
  );
  const enumValues = new Map(enums.rows.map((row) => [row.typname, row.labels]));
  const objects = data.objects.edges.map((e: { node: { nameSingular: string; isCustom: boolean; fields: { edges: Array<{ node: MetaField }> } } }) => e.node);
  expect([...actual.keys()].sort()).toEqual(objects.map((o: { nameSingular: string; isCustom: boolean }) => (o.isCustom ? `_${o.nameSingular}` : o.nameSingular)).sort());
  for (const object of objects) {
    const table = object.isCustom ? `_${object.nameSingular}` : object.nameSingular;
    const tableColumns = actual.get(table)!;
    const expected = object.fields.edges.flatMap((e: { node: MetaField }) => expectedColumns(e.node).map((c) => ({ ...c, field: e.node })));
    expect([...tableColumns.keys()].sort(), `columns of ${table}`).toEqual(expected.map((c: { column: string }) => c.column).sort());
    for (const { column, type, field } of expected as Array<{ column: string; type?: string; field: MetaField }>) {
      const found = tableColumns.get(column)!;
      if (type) expect(found.type, `${table}.${column}`).toBe(type);
      if (field.type === "SELECT" || field.type === "RATING" || field.type === "MULTI_SELECT") {
        const enumName = field.type === "MULTI_SELECT" ? found.udt.replace(/^_/, "") : found.udt;
        expect(enumValues.get(enumName), `enum of ${table}.${column}`).toEqual(field.options!.map((o) => o.value));
      }
    }
  }
}
