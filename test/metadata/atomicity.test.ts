import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../harness/graphql.ts";
import { expectSchemaMatchesMetadata } from "../harness/schema-check.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
let schema: string;
beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "atomic");
  schema = (await worker.db.sql.query(`SELECT "schemaName" FROM core.workspace WHERE id = $1`, [ws.workspaceId])).rows[0].schemaName;
});
afterAll(() => worker?.close());

async function snapshot() {
  const q = async (text: string) => (await worker.db.sql.query(text, [ws.workspaceId])).rows;
  return {
    version: (await q(`SELECT "metadataVersion" FROM core.workspace WHERE id = $1`))[0].metadataVersion,
    objects: (await q(`SELECT count(*)::int AS n FROM core."objectMetadata" WHERE "workspaceId" = $1`))[0].n,
    fields: (await q(`SELECT count(*)::int AS n FROM core."fieldMetadata" WHERE "workspaceId" = $1`))[0].n,
    indexes: (await q(`SELECT count(*)::int AS n FROM core."indexMetadata" WHERE "workspaceId" = $1`))[0].n,
    columns: (await worker.db.sql.query(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_schema = $1`, [schema])).rows[0].n,
    types: (await worker.db.sql.query(`SELECT count(*)::int AS n FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = $1`, [schema])).rows[0].n,
  };
}

describe("a metadata change that fails in its DDL leaves nothing behind", () => {
  it("object creation: the table exists behind metadata's back, so CREATE TABLE fails after the rows and the links were written", async () => {
    await worker.db.sql.query(`CREATE TABLE "${schema}"."_ghost" (id uuid)`);
    const before = await snapshot();
    const res = await gql(
      worker,
      `mutation { createOneObject(input: { object: { nameSingular: "ghost", namePlural: "ghosts", labelSingular: "Ghost", labelPlural: "Ghosts" } }) { id } }`,
      {},
      { token: ws.accessToken },
    );
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", subCode: "SCHEMA_CHANGE_FAILED" } });
    expect(res.errors?.[0]?.message).toContain('relation "_ghost" already exists');
    expect(await snapshot()).toEqual(before);
    await worker.db.sql.query(`DROP TABLE "${schema}"."_ghost"`);
    await expectSchemaMatchesMetadata(worker, ws.accessToken, ws.workspaceId);
  });

  it("field creation: a stray column makes ADD COLUMN fail after the enum type was created", async () => {
    const company = await gql(worker, `{ objects(paging: { first: 100 }, filter: { isCustom: { is: false } }) { edges { node { id nameSingular } } } }`, {}, { token: ws.accessToken });
    const companyId = company.data.objects.edges.find((e: { node: { nameSingular: string } }) => e.node.nameSingular === "company").node.id;
    await worker.db.sql.query(`ALTER TABLE "${schema}"."company" ADD COLUMN "tier" text`);
    const before = await snapshot();
    const res = await gql(
      worker,
      `mutation($f: CreateFieldInput!) { createOneField(input: { field: $f }) { id } }`,
      { f: { type: "SELECT", name: "tier", label: "Tier", objectMetadataId: companyId, options: [{ label: "Gold", value: "GOLD" }], isUnique: false } },
      { token: ws.accessToken },
    );
    expect(res.errors?.[0]?.message).toContain('column "tier" of relation "company" already exists');
    expect(await snapshot()).toEqual(before);
    await worker.db.sql.query(`ALTER TABLE "${schema}"."company" DROP COLUMN "tier"`);
    await expectSchemaMatchesMetadata(worker, ws.accessToken, ws.workspaceId);
  });

  it("making a field unique fails on duplicate values and changes nothing", async () => {
    const created = await gql(worker, `mutation { createOneObject(input: { object: { nameSingular: "badge", namePlural: "badges", labelSingular: "Badge", labelPlural: "Badges" } }) { id fieldsList { id name } } }`, {}, { token: ws.accessToken });
    const nameField = created.data.createOneObject.fieldsList.find((f: { name: string }) => f.name === "name");
    await worker.db.sql.query(`INSERT INTO "${schema}"."_badge" (name) VALUES ('gold'), ('gold')`);
    const before = await snapshot();
    const res = await gql(worker, `mutation($id: UUID!) { updateOneField(input: { id: $id, update: { isUnique: true } }) { isUnique } }`, { id: nameField.id }, { token: ws.accessToken });
    expect(res.errors?.[0]?.message).toContain("could not create unique index");
    expect(await snapshot()).toEqual(before);
  });

  it("parallel changes of one workspace queue up instead of clobbering each other", async () => {
    const company = await gql(worker, `{ objects(paging: { first: 100 }) { edges { node { id nameSingular } } } }`, {}, { token: ws.accessToken });
    const companyId = company.data.objects.edges.find((e: { node: { nameSingular: string } }) => e.node.nameSingular === "company").node.id;
    const before = await snapshot();
    const results = await Promise.all(
      ["alpha", "beta", "gamma", "delta"].map((name) =>
        gql(worker, `mutation($f: CreateFieldInput!) { createOneField(input: { field: $f }) { name } }`, { f: { type: "NUMBER", name, label: name, objectMetadataId: companyId } }, { token: ws.accessToken }),
      ),
    );
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined]);
    const after = await snapshot();
    expect(after.version).toBe(before.version + 4);
    expect(after.fields).toBe(before.fields + 4);
    await expectSchemaMatchesMetadata(worker, ws.accessToken, ws.workspaceId);
  });
});
