import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

/** Twenty's own REST integration checks (T2-T7 of twenty-api.md §7.2), adapted where the spec's decisions differ. */
let worker: TestWorker;
let ws: WorkspaceFixture;
const C1 = "2f9d7a10-0000-4000-8000-0000000000c1";
const P = ["2f9d7a10-0000-4000-8000-000000000001", "2f9d7a10-0000-4000-8000-000000000002", "2f9d7a10-0000-4000-8000-000000000003", "2f9d7a10-0000-4000-8000-000000000004"];
const rest = (path: string, init: Parameters<TestWorker["json"]>[1] = {}) => worker.json(path, { token: ws.apiKeyToken, ...init });

beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "twenty");
  const company = await rest("/rest/companies", { method: "POST", body: { id: C1, domainName: { primaryLinkUrl: "https://test.com/" } } });
  expect(company.status).toBe(201);
  for (const [i, id] of P.entries()) {
    const person = await rest("/rest/people", { method: "POST", body: { id, city: `City ${i}`, position: i, companyId: C1 } });
    expect(person.status).toBe(201);
  }
});
afterAll(() => worker?.close());

describe("find many (T2)", () => {
  it("lists all with totalCount and page info, in Twenty's key order", async () => {
    const res = await rest("/rest/people");
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(["data", "totalCount", "pageInfo"]);
    expect(Object.keys(res.body.pageInfo)).toEqual(["startCursor", "endCursor", "hasNextPage", "hasPreviousPage"]);
    expect(res.body.data.people.map((p: { id: string }) => p.id).sort()).toEqual(P);
    expect(res.body.totalCount).toBe(4);
    expect(res.body.pageInfo.hasNextPage).toBe(false);
  });

  it("limit, filters on position, cursors both ways", async () => {
    const three = await rest("/rest/people?limit=3");
    expect(three.body.data.people).toHaveLength(3);
    expect([three.body.totalCount, three.body.pageInfo.hasNextPage]).toEqual([4, true]);
    expect((await rest("/rest/people?filter=position[lte]:1")).body.totalCount).toBe(2);
    expect((await rest("/rest/people?filter=position[lt]:2")).body.data.people).toHaveLength(2);
    const two = await rest("/rest/people?limit=2");
    const next = await rest(`/rest/people?starting_after=${encodeURIComponent(two.body.pageInfo.startCursor)}&limit=1`);
    expect(next.body.data.people[0].id).toBe(two.body.data.people[1].id);
    const four = await rest("/rest/people?limit=4");
    const back = await rest(`/rest/people?ending_before=${encodeURIComponent(four.body.pageInfo.endCursor)}&limit=2`);
    expect(back.body.data.people.map((p: { id: string }) => p.id)).toEqual(four.body.data.people.slice(1, 3).map((p: { id: string }) => p.id));
    expect(back.body.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it("orders, follows cursors on a descending order, and refuses bad cursors", async () => {
    const asc = await rest("/rest/people?order_by=position[AscNullsLast]");
    expect(asc.body.data.people.map((p: { position: number }) => p.position)).toEqual([0, 1, 2, 3]);
    const desc = await rest("/rest/people?order_by=position[DescNullsLast]&limit=2");
    expect(desc.body.data.people.map((p: { position: number }) => p.position)).toEqual([3, 2]);
    expect(desc.body.pageInfo.hasNextPage).toBe(true);
    const page2 = await rest(`/rest/people?order_by=position[DescNullsLast]&limit=2&starting_after=${encodeURIComponent(desc.body.pageInfo.endCursor)}`);
    expect(page2.body.data.people.map((p: { position: number }) => p.position)).toEqual([1, 0]);
    expect(page2.body.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const bad = await rest("/rest/people?starting_after=invalid-cursor");
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe("BadRequestException");
    expect(bad.body.messages[0]).toContain("Invalid cursor");
    expect((await rest(`/rest/people?filter=companyId[in]:["${C1}"]`)).body.data.people.length).toBeGreaterThan(0);
    // Across the relation, as a left join reads it: a person without a company has a NULL company name.
    const loner = await rest("/rest/people", { method: "POST", body: { city: "Nowhere" } });
    try {
      const missing = await rest(`/rest/people?filter=${encodeURIComponent("company.employees[is]:NULL")}`);
      expect(missing.body.data.people.map((p: { id: string }) => p.id).sort()).toEqual([...P, loner.body.data.createPerson.id].sort());
      const present = await rest(`/rest/people?filter=${encodeURIComponent("company.domainName.primaryLinkUrl[is]:NOT_NULL")}`);
      expect(present.body.data.people.map((p: { id: string }) => p.id).sort()).toEqual(P);
    } finally {
      await rest(`/rest/people/${loner.body.data.createPerson.id}?soft_delete=false`, { method: "DELETE" });
    }
    const composite = await rest("/rest/people?order_by=name[AscNullsLast]");
    expect(composite.status).toBe(400);
  });

  it("depth 0, 1 (default) and 2", async () => {
    const d0 = await rest("/rest/people?depth=0");
    expect(d0.body.data.people[0].companyId).toBe(C1);
    expect(d0.body.data.people[0].company).toBeUndefined();
    const d1 = await rest("/rest/people?depth=1");
    expect(d1.body.data.people[0].company.domainName.primaryLinkUrl).toBe("https://test.com");
    expect(d1.body.data.people[0].company.people).toBeUndefined();
    const d2 = await rest("/rest/people?depth=2");
    expect(d2.body.data.people[0].company.people.length).toBe(4);
    const d3 = await rest("/rest/people?depth=3");
    expect(d3.status).toBe(400);
    expect(d3.body.messages).toEqual(["'depth=3' parameter invalid. Allowed values are 0, 1, 2"]);
  });
});

describe("find one, create, update, delete (T3-T7)", () => {
  it("finds one; 404 for an unknown id; 400 for a malformed one", async () => {
    const found = await rest(`/rest/people/${P[0]}`);
    expect(found.body.data.person).toMatchObject({ id: P[0], city: "City 0" });
    const missing = await rest(`/rest/people/${crypto.randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: "NotFoundException", messages: ["Record not found"] });
    const malformed = await rest("/rest/people/malformed-uuid");
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: "BadRequestException", messages: ["'malformed-uuid' is not a valid UUID"] });
  });

  it("creates with createdBy from the API key, keeps a client source, refuses duplicates and bad enum values", async () => {
    const id = crypto.randomUUID();
    const created = await rest("/rest/people", { method: "POST", body: { id, city: "Paris" } });
    expect(created.status).toBe(201);
    expect(created.body.data.createPerson).toMatchObject({ id, city: "Paris", jobTitle: "", createdBy: { source: "API", workspaceMemberId: null, name: "test key" } });
    const email = await rest("/rest/people", { method: "POST", body: { createdBy: { source: "EMAIL" } } });
    expect(email.body.data.createPerson.createdBy).toMatchObject({ source: "EMAIL", workspaceMemberId: null });
    const asUser = await worker.json("/rest/people", { method: "POST", token: ws.accessToken, body: {} });
    expect(asUser.body.data.createPerson.createdBy.source).toBe("MANUAL");
    expect(asUser.body.data.createPerson.createdBy.workspaceMemberId).toEqual(expect.any(String));
    const again = await rest("/rest/people", { method: "POST", body: { id } });
    expect(again.status).toBe(400);
    expect(again.body.messages[0]).toContain("A duplicate entry was detected");
    const badEnum = await rest("/rest/opportunities", { method: "POST", body: { stage: "INVALID_ENUM_VALUE" } });
    expect(badEnum.status).toBe(400);
    expect(badEnum.body.messages).toEqual(['Invalid value "INVALID_ENUM_VALUE" for field "stage". Valid values are: NEW, SCREENING, MEETING, PROPOSAL, CUSTOMER']);
  });

  it("batch-creates in input order, and all or nothing", async () => {
    const ids = [crypto.randomUUID(), crypto.randomUUID()];
    const batch = await rest("/rest/batch/people", { method: "POST", body: ids.map((id) => ({ id })) });
    expect(batch.status).toBe(201);
    expect(batch.body.data.createPeople.map((p: { id: string }) => p.id)).toEqual(ids);
    const repeat = await rest("/rest/batch/people", { method: "POST", body: [{ id: crypto.randomUUID() }, { id: ids[0] }] });
    expect(repeat.status).toBe(400);
    expect(repeat.body.messages[0]).toContain("A duplicate entry was detected");
    const tooMany = await rest("/rest/batch/people", { method: "POST", body: Array.from({ length: 201 }, () => ({})) });
    expect(tooMany.body.messages).toEqual(["Maximum number of records to upsert is 200."]);
  });

  it("updates the given fields only and keeps the rest (T6)", async () => {
    const res = await rest(`/rest/people/${P[0]}`, {
      method: "PATCH",
      body: { name: { firstName: "Updated", lastName: "Person" }, emails: { primaryEmail: "Updated@Example.com", additionalEmails: ["extra@example.com"] }, city: "New" },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.updatePerson).toMatchObject({
      name: { firstName: "Updated", lastName: "Person" },
      emails: { primaryEmail: "updated@example.com", additionalEmails: ["extra@example.com"] },
      city: "New",
      jobTitle: "",
      companyId: C1,
    });
    const missing = await rest(`/rest/people/${crypto.randomUUID()}`, { method: "PATCH", body: {} });
    expect(missing.status).toBe(404);
    const put = await rest(`/rest/people/${P[0]}`, { method: "PUT", body: { city: "Via PUT" } });
    expect(put.body.data.updatePerson.city).toBe("Via PUT");
  });

  it("soft-deletes by default (restorable), hard-deletes with soft_delete=false", async () => {
    const id = (await rest("/rest/people", { method: "POST", body: { city: "Gone" } })).body.data.createPerson.id;
    const soft = await rest(`/rest/people/${id}`, { method: "DELETE" });
    expect(soft.status).toBe(200);
    expect(soft.body.data.deletePerson).toMatchObject({ id, deletedAt: expect.any(String), city: "Gone" });
    expect((await rest(`/rest/people/${id}`)).status).toBe(404);
    expect((await rest(`/rest/people?filter=deletedAt[is]:NOT_NULL`)).body.data.people.map((p: { id: string }) => p.id)).toContain(id);
    const restored = await rest(`/rest/people/${id}/restore`, { method: "PATCH" });
    expect(restored.body.data.restorePerson).toMatchObject({ id, deletedAt: null });
    await rest(`/rest/people/${id}`, { method: "DELETE" });
    const legacy = await rest(`/rest/restore/people/${id}`, { method: "PATCH" });
    expect(legacy.body.data.restorePerson.id).toBe(id);
    const favorite = await rest("/rest/favorites", { method: "POST", body: { personId: id } });
    expect(favorite.status).toBe(201);
    const hard = await rest(`/rest/people/${id}?soft_delete=false`, { method: "DELETE" });
    expect(hard.body).toEqual({ data: { deletePerson: { id } } });
    expect((await rest(`/rest/people/${id}/restore`, { method: "PATCH" })).status).toBe(404);
    expect((await rest(`/rest/people/${crypto.randomUUID()}`, { method: "DELETE" })).status).toBe(404);
  });
});
