import { expect } from "vitest";
import { gql, type GraphQLResult } from "../harness/graphql.ts";
import type { TestWorker } from "../harness/test-worker.ts";
import type { WorkspaceFixture } from "../harness/workspace-fixture.ts";

/** Shared by the core-writes-* suites: the workspace GraphQL API on /graphql (twenty-api.md §2). */

export type Vars = Record<string, unknown>;

/** A /graphql request that must succeed; its `data`. */
export async function ok(worker: TestWorker, token: string, query: string, variables: Vars = {}): Promise<any> {
  const res = await gql(worker, query, variables, { token, endpoint: "/graphql" });
  expect(res.status).toBe(200);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data;
}

/** A /graphql request that must fail with one error: HTTP 200, and the error. */
export async function refused(worker: TestWorker, token: string | undefined, query: string, variables: Vars = {}): Promise<GraphQLResult & { error: NonNullable<GraphQLResult["errors"]>[number] }> {
  const res = await gql(worker, query, variables, { token, endpoint: "/graphql" });
  expect(res.status).toBe(200);
  expect(res.errors, JSON.stringify(res)).toHaveLength(1);
  return { ...res, error: res.errors![0]! };
}

/** Metadata ids of one workspace's object, by its singular name. */
export async function objectIdOf(worker: TestWorker, ws: WorkspaceFixture, nameSingular: string): Promise<string> {
  const rows = await worker.db.sql.query(`SELECT id FROM core."objectMetadata" WHERE "workspaceId" = $1 AND "nameSingular" = $2`, [ws.workspaceId, nameSingular]);
  return rows.rows[0].id as string;
}

async function metadata(worker: TestWorker, ws: WorkspaceFixture, query: string, variables: Vars): Promise<any> {
  const res = await gql(worker, query, variables, { token: ws.accessToken });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data;
}

export const createField = (worker: TestWorker, ws: WorkspaceFixture, field: Vars) =>
  metadata(worker, ws, `mutation($f: CreateFieldInput!) { createOneField(input: { field: $f }) { id name } }`, { f: field });

/**
 * The custom object `gadget` of these suites, made through the metadata API: a field of most types, a unique
 * TEXT `code`, `maker` → company (MANY_TO_ONE, `makerId`) and, on person, `favoriteGadget` → gadget (so a
 * connect by the unique scalar `code` has a place to happen).
 */
export async function createGadgetObject(worker: TestWorker, ws: WorkspaceFixture): Promise<string> {
  const created = await metadata(
    worker,
    ws,
    `mutation { createOneObject(input: { object: { nameSingular: "gadget", namePlural: "gadgets", labelSingular: "Gadget", labelPlural: "Gadgets", icon: "IconTool" } }) { id } }`,
    {},
  );
  const objectMetadataId = created.createOneObject.id as string;
  const fields: Vars[] = [
    { type: "TEXT", name: "code", label: "Code", isUnique: true },
    { type: "SELECT", name: "status", label: "Status", options: [{ label: "Active", value: "ACTIVE", color: "green", position: 0 }, { label: "Retired", value: "RETIRED", color: "gray", position: 1 }] },
    { type: "MULTI_SELECT", name: "tags", label: "Tags", options: [{ label: "Red", value: "RED", color: "red", position: 0 }, { label: "Blue", value: "BLUE", color: "blue", position: 1 }, { label: "Green", value: "GREEN", color: "green", position: 2 }] },
    { type: "DATE", name: "releasedOn", label: "Released on" },
    { type: "DATE_TIME", name: "lastSeenAt", label: "Last seen at" },
    { type: "BOOLEAN", name: "isSecret", label: "Secret", defaultValue: false },
    { type: "NUMBER", name: "weight", label: "Weight" },
    { type: "RAW_JSON", name: "specs", label: "Specs" },
    { type: "ARRAY", name: "aliases", label: "Aliases" },
    { type: "RICH_TEXT_V2", name: "notes", label: "Notes" },
    { type: "CURRENCY", name: "price", label: "Price" },
    { type: "EMAILS", name: "contact", label: "Contact" },
    { type: "LINKS", name: "site", label: "Site" },
    { type: "PHONES", name: "hotline", label: "Hotline" },
    { type: "ADDRESS", name: "origin", label: "Origin" },
    { type: "FULL_NAME", name: "inventor", label: "Inventor" },
  ];
  for (const field of fields) await createField(worker, ws, { ...field, objectMetadataId });
  await createField(worker, ws, {
    type: "RELATION",
    name: "maker",
    label: "Maker",
    objectMetadataId,
    relationCreationPayload: { type: "MANY_TO_ONE", targetObjectMetadataId: await objectIdOf(worker, ws, "company"), targetFieldLabel: "Gadgets", targetFieldIcon: "IconTool" },
  });
  await createField(worker, ws, {
    type: "RELATION",
    name: "favoriteGadget",
    label: "Favorite gadget",
    objectMetadataId: await objectIdOf(worker, ws, "person"),
    relationCreationPayload: { type: "MANY_TO_ONE", targetObjectMetadataId: objectMetadataId, targetFieldLabel: "Fans", targetFieldIcon: "IconHeart" },
  });
  return objectMetadataId;
}

/** Plain reads through REST, to prove what a GraphQL write stored (soft-deleted rows included). */
export async function restRecord(worker: TestWorker, token: string, plural: string, id: string): Promise<Record<string, any> | undefined> {
  const res = await worker.json(`/rest/${plural}?filter=id[eq]:${id}&depth=0`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const found = (Object.values(res.body.data)[0] as Array<Record<string, any>>)[0];
  if (found) return found;
  const deleted = await worker.json(`/rest/${plural}?filter=and(id[eq]:${id},deletedAt[is]:NOT_NULL)&depth=0`, { token });
  return (Object.values(deleted.body.data)[0] as Array<Record<string, any>>)[0];
}

/** Rows of a workspace table as stored, for what no API shows (hard deletes). */
export async function tableRows(worker: TestWorker, ws: WorkspaceFixture, table: string, where = "TRUE", params: unknown[] = []): Promise<Array<Record<string, any>>> {
  const schema = (await worker.db.sql.query(`SELECT "schemaName" FROM core.workspace WHERE id = $1`, [ws.workspaceId])).rows[0].schemaName as string;
  return (await worker.db.sql.query(`SELECT * FROM "${schema}"."${table}" WHERE ${where}`, params)).rows;
}
