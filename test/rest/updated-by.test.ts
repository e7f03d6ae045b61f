import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../harness/graphql.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "updated-by");
});
afterAll(() => worker?.close());

describe("updatedBy (Twenty 2.21): whoever made the last change", () => {
  it("is the creator on create, the updater on update; createdBy stays; a client value is not taken", async () => {
    const created = await worker.json("/rest/companies", { method: "POST", token: ws.apiKeyToken, body: { name: "Acme", updatedBy: { source: "EMAIL" } } });
    expect(created.status).toBe(201);
    const company = created.body.data.createCompany;
    expect(company.updatedBy).toMatchObject({ source: "API", name: "test key", workspaceMemberId: null });
    const member = await gql(worker, `{ currentUser { workspaceMember { id } } }`, {}, { token: ws.accessToken });
    const memberId = member.data.currentUser.workspaceMember.id;
    const updated = await gql(
      worker,
      `mutation($id: UUID!) { updateCompany(id: $id, data: { name: "Acme 2" }) { createdBy { source name } updatedBy { source workspaceMemberId } } }`,
      { id: company.id },
      { token: ws.accessToken, endpoint: "/graphql" },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateCompany).toEqual({ createdBy: { source: "API", name: "test key" }, updatedBy: { source: "MANUAL", workspaceMemberId: memberId } });
    const read = await worker.json(`/rest/companies/${company.id}`, { token: ws.apiKeyToken });
    expect(read.body.data.company.updatedBy).toMatchObject({ source: "MANUAL", workspaceMemberId: memberId });
    const filtered = await worker.json(`/rest/companies?filter=updatedBy.source[eq]:MANUAL`, { token: ws.apiKeyToken });
    expect(filtered.body.data.companies.map((c: { id: string }) => c.id)).toContain(company.id);
  });

  it("is not a changed field in update events; a bad shape is refused", async () => {
    const created = await worker.json("/rest/people", { method: "POST", token: ws.apiKeyToken, body: { city: "Lyon" } });
    const id = created.body.data.createPerson.id;
    await worker.json(`/rest/people/${id}`, { method: "PATCH", token: ws.accessToken, body: { city: "Nice" } });
    const events = await worker.db.sql.query(`SELECT payload->'updatedFields' AS fields FROM core."eventOutbox" WHERE "recordId" = $1 AND "eventName" = 'person.updated'`, [id]);
    expect(events.rows[0].fields).toEqual(["city"]);
    const bad = await worker.json("/rest/people", { method: "POST", token: ws.apiKeyToken, body: { updatedBy: "someone" } });
    expect(bad.status).toBe(400);
    expect(bad.body.messages).toEqual(['Field "updatedBy" is an object with source and context']);
  });

  it("a custom object has it too", async () => {
    const object = await gql(
      worker,
      `mutation { createOneObject(input: { object: { nameSingular: "gadget", namePlural: "gadgets", labelSingular: "Gadget", labelPlural: "Gadgets" } }) { id } }`,
      {},
      { token: ws.accessToken },
    );
    expect(object.errors).toBeUndefined();
    const created = await worker.json("/rest/gadgets", { method: "POST", token: ws.apiKeyToken, body: { name: "g" } });
    expect(created.status).toBe(201);
    expect(created.body.data.createGadget.updatedBy).toMatchObject({ source: "API", name: "test key" });
  });
});
