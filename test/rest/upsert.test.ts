import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../harness/graphql.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
const rest = (path: string, init: Parameters<TestWorker["json"]>[1] = {}) => worker.json(path, { token: ws.apiKeyToken, ...init });

beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "upsert");
  const object = await gql(worker, `mutation { createOneObject(input: { object: { nameSingular: "testRecordObject", namePlural: "testRecordObjects", labelSingular: "Test record", labelPlural: "Test records" } }) { id } }`, {}, { token: ws.accessToken });
  for (const name of ["firstUniqueTestField", "secondUniqueTestField"]) {
    const res = await gql(worker, `mutation($f: CreateFieldInput!) { createOneField(input: { field: $f }) { id } }`, { f: { type: "TEXT", name, label: name, isUnique: true, objectMetadataId: object.data.createOneObject.id } }, { token: ws.accessToken });
    expect(res.errors).toBeUndefined();
  }
});
afterAll(() => worker?.close());

describe("?upsert=true (Twenty T13)", () => {
  it("updates records matching a unique value, keeping their other values", async () => {
    const created = await rest("/rest/batch/testRecordObjects", {
      method: "POST",
      body: [
        { name: "record1", firstUniqueTestField: "u1", secondUniqueTestField: "s1" },
        { name: "record2", firstUniqueTestField: "u2", secondUniqueTestField: "s2" },
      ],
    });
    const ids = created.body.data.createTestRecordObjects.map((r: { id: string }) => r.id);
    const upserted = await rest("/rest/batch/testRecordObjects?upsert=true", {
      method: "POST",
      body: [
        { firstUniqueTestField: "u1", name: "updatedRecord1" },
        { firstUniqueTestField: "u2", name: "updatedRecord2" },
        { firstUniqueTestField: "u3", name: "new" },
      ],
    });
    expect(upserted.status).toBe(201);
    const records = upserted.body.data.createTestRecordObjects;
    expect(records.slice(0, 2)).toMatchObject([
      { id: ids[0], name: "updatedRecord1", secondUniqueTestField: "s1", deletedAt: null },
      { id: ids[1], name: "updatedRecord2", secondUniqueTestField: "s2", deletedAt: null },
    ]);
    expect(records[2]).toMatchObject({ name: "new", firstUniqueTestField: "u3" });
    expect((await rest("/rest/testRecordObjects")).body.totalCount).toBe(3);
  });

  it("refuses a record matching two different records", async () => {
    const res = await rest("/rest/testRecordObjects?upsert=true", { method: "POST", body: { firstUniqueTestField: "u1", secondUniqueTestField: "s2" } });
    expect(res.status).toBe(400);
    expect(res.body.messages[0]).toContain("Multiple records found with the same unique field values");
  });

  it("restores a soft-deleted record it matches by id", async () => {
    const id = (await rest("/rest/testRecordObjects", { method: "POST", body: { name: "gone", firstUniqueTestField: "g1" } })).body.data.createTestRecordObject.id;
    await rest(`/rest/testRecordObjects/${id}`, { method: "DELETE" });
    const res = await rest("/rest/testRecordObjects?upsert=true", { method: "POST", body: { id, name: "updatedRecord" } });
    expect(res.body.data.createTestRecordObject).toMatchObject({ id, name: "updatedRecord", deletedAt: null });
  });

  it("unique values collide with a clear message without upsert", async () => {
    const res = await rest("/rest/testRecordObjects", { method: "POST", body: { firstUniqueTestField: "u1" } });
    expect(res.status).toBe(400);
    expect(res.body.messages).toEqual(["Duplicate firstUniqueTestField with value u1. Please set a unique one."]);
  });
});
