import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
let C1: string;
let P: string[];
const rest = (path: string, init: Parameters<TestWorker["json"]>[1] = {}) => worker.json(path, { token: ws.apiKeyToken, ...init });

beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "dups");
  C1 = (await rest("/rest/companies", { method: "POST", body: { name: "Acme" } })).body.data.createCompany.id;
  const people = await rest("/rest/batch/people", {
    method: "POST",
    body: [
      { name: { firstName: "John", lastName: "Doe" }, emails: { primaryEmail: "john@doe.com" }, companyId: C1 },
      { name: { firstName: "John", lastName: "Doe" }, city: "Paris", emails: { primaryEmail: "jd@work.com", additionalEmails: ["j@home.com"] }, companyId: C1 },
      { name: { firstName: "Phil", lastName: "Collins" }, companyId: C1 },
    ],
  });
  P = people.body.data.createPeople.map((p: { id: string }) => p.id);
});
afterAll(() => worker?.close());

describe("POST /rest/<plural>/duplicates (Twenty T8)", () => {
  it("finds duplicates of given data and of existing records", async () => {
    const byData = await rest("/rest/people/duplicates", { method: "POST", body: { data: [{ name: { firstName: "John", lastName: "Doe" } }] } });
    expect(byData.status).toBe(200);
    expect(byData.body.data).toHaveLength(1);
    expect(Object.keys(byData.body.data[0])).toEqual(["personDuplicates", "totalCount", "pageInfo"]);
    expect(byData.body.data[0].totalCount).toBe(2);
    expect(byData.body.data[0].personDuplicates.map((p: { id: string }) => p.id).sort()).toEqual([P[0], P[1]].sort());
    const byIds = await rest("/rest/people/duplicates", { method: "POST", body: { ids: [P[0]] } });
    expect(byIds.body.data[0].personDuplicates.map((p: { id: string }) => p.id)).toEqual([P[1]]);
    const none = await rest("/rest/people/duplicates", { method: "POST", body: { data: [{ name: { firstName: "Not", lastName: "Existing" } }] } });
    expect(none.body.data[0]).toMatchObject({ totalCount: 0, personDuplicates: [] });
    expect((await rest("/rest/people/duplicates", { method: "POST", body: { ids: [] } })).body).toEqual({ data: [] });
    const d0 = await rest("/rest/people/duplicates?depth=0", { method: "POST", body: { ids: [P[0]] } });
    expect(d0.body.data[0].personDuplicates[0].companyId).toBe(C1);
    expect(d0.body.data[0].personDuplicates[0].company).toBeUndefined();
  });

  it("refuses Twenty's bad inputs", async () => {
    const cases: Array<[unknown, string]> = [
      [{ data: [] }, `The "data" condition can not be empty when "ids" input not provided`],
      [{ data: [], ids: [] }, `You cannot provide both "data" and "ids" arguments`],
      [{}, `You have to provide either "data" or "ids" argument`],
    ];
    for (const [body, message] of cases) {
      const res = await rest("/rest/people/duplicates", { method: "POST", body });
      expect(res.status).toBe(400);
      expect(res.body.messages).toEqual([message]);
    }
    const noCriteria = await rest("/rest/notes/duplicates", { method: "POST", body: { ids: [] } });
    expect(noCriteria.body.messages[0]).toContain("does not have duplicate criteria defined");
  });
});

describe("PATCH /rest/<plural>/merge", () => {
  it("dry run shows the merged record and changes nothing", async () => {
    const dry = await rest("/rest/people/merge", { method: "PATCH", body: { ids: [P[0], P[1]], conflictPriorityIndex: 0, dryRun: true } });
    expect(dry.status).toBe(200);
    expect(dry.body.data.mergePerson).toMatchObject({ id: P[0], city: "Paris", emails: { primaryEmail: "john@doe.com", additionalEmails: ["jd@work.com", "j@home.com"] } });
    expect((await rest(`/rest/people/${P[1]}`)).status).toBe(200);
  });

  it("merges: the winner keeps its values, fills its gaps, takes over relations; the loser is soft-deleted", async () => {
    const note = (await rest("/rest/notes", { method: "POST", body: { title: "Call" } })).body.data.createNote.id;
    await rest("/rest/noteTargets", { method: "POST", body: { noteId: note, personId: P[1] } });
    const merged = await rest("/rest/people/merge", { method: "PATCH", body: { ids: [P[0], P[1]], conflictPriorityIndex: 0 } });
    expect(merged.status).toBe(200);
    expect(merged.body.data.mergePerson).toMatchObject({ id: P[0], city: "Paris", emails: { primaryEmail: "john@doe.com", additionalEmails: ["jd@work.com", "j@home.com"] } });
    expect((await rest(`/rest/people/${P[1]}`)).status).toBe(404);
    const targets = await rest(`/rest/noteTargets?filter=noteId[eq]:${note}&depth=0`);
    expect(targets.body.data.noteTargets[0].personId).toBe(P[0]);
    const restored = await rest(`/rest/people/${P[1]}/restore`, { method: "PATCH" });
    expect(restored.status).toBe(200);
  });

  it("refuses bad merges with Twenty's messages", async () => {
    const cases: Array<[unknown, string]> = [
      [{ ids: [P[0]], conflictPriorityIndex: 0 }, "At least 2 record IDs are required for merge"],
      [{ ids: Array.from({ length: 10 }, () => crypto.randomUUID()), conflictPriorityIndex: 0 }, "Maximum 9 records can be merged at once"],
      [{ ids: [P[0], P[2]], conflictPriorityIndex: 5 }, "Invalid conflict priority '5'. Valid options for 2 records: 0-1"],
      [{ ids: [P[0], crypto.randomUUID()], conflictPriorityIndex: 0 }, "One or more records not found"],
    ];
    for (const [body, message] of cases) {
      const res = await rest("/rest/people/merge", { method: "PATCH", body });
      expect(res.status).toBe(400);
      expect(res.body.messages).toEqual([message]);
    }
    const custom = await rest("/rest/notes/merge", { method: "PATCH", body: { ids: [P[0], P[2]], conflictPriorityIndex: 0 } });
    expect(custom.body.messages).toEqual(["Merge is only available for objects with duplicate criteria. Object 'note' does not have duplicate criteria defined."]);
  });
});
