import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../harness/graphql.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
const rest = (path: string, init: Parameters<TestWorker["json"]>[1] = {}) => worker.json(path, { token: ws.apiKeyToken, ...init });

beforeAll(async () => {
  worker = await startTestWorker({ MAX_TEXT_VALUE_BYTES: "1000", MAX_RECORD_BYTES: "3000" });
  ws = await createWorkspace(worker, "limits");
});
afterAll(() => worker?.close());

describe("caps on one text value and on one record (MAX_TEXT_VALUE_BYTES, MAX_RECORD_BYTES)", () => {
  it("text at the cap is stored; one byte over is a 400 naming the field", async () => {
    const ok = await rest("/rest/companies", { method: "POST", body: { name: "a".repeat(1000) } });
    expect(ok.status).toBe(201);
    const over = await rest("/rest/companies", { method: "POST", body: { name: "a".repeat(1001) } });
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({ messages: ['Field "name" is too large: 1001 bytes, at most 1000'], code: "VALUE_TOO_LARGE" });
  });

  it("counts UTF-8 bytes, in composite sub-fields too", async () => {
    const res = await rest("/rest/people", { method: "POST", body: { name: { firstName: "é".repeat(501) } } });
    expect(res.body.messages).toEqual(['Field "name.firstName" is too large: 1002 bytes, at most 1000']);
  });

  it("a record over the cap is refused whole, naming its largest field, in batches too", async () => {
    const body = { name: "x", tagline: "t".repeat(900), domainName: { primaryLinkUrl: "acme.com", secondaryLinks: Array.from({ length: 60 }, (_, i) => ({ url: `https://acme.com/${i}`, label: "l".repeat(20) })) } };
    const res = await rest("/rest/companies", { method: "POST", body });
    expect(res.status).toBe(400);
    expect(res.body.messages[0]).toMatch(/^The record is too large: \d+ bytes, at most 3000 \(largest field "domainName"\)$/);
    const batch = await rest("/rest/batch/companies", { method: "POST", body: [{ name: "fine" }, body] });
    expect(batch.body.messages[0]).toMatch(/^Record \[1\] is too large: \d+ bytes, at most 3000 \(largest field "\[1\]\.domainName"\)$/);
    expect((await rest(`/rest/companies?filter=${encodeURIComponent("name[eq]:fine")}`)).body.data.companies).toEqual([]);
  });

  it("GraphQL inputs meet the same caps, as BAD_USER_INPUT", async () => {
    const res = await gql(worker, `mutation($d: CompanyCreateInput!) { createCompany(data: $d) { id } }`, { d: { name: "n".repeat(1200) } }, { token: ws.apiKeyToken, endpoint: "/graphql" });
    expect(res.errors?.[0]).toMatchObject({ message: 'Field "name" is too large: 1200 bytes, at most 1000', extensions: { code: "BAD_USER_INPUT" } });
  });
});
