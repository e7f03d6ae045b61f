import { RestApiClient, RestApiClientError } from "twenty-client-sdk/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "sdk");
});
afterAll(() => worker?.close());

type One<K extends string> = { data: Record<K, { id: string; name: string; employees: number | null; deletedAt: string | null }> };

describe("twenty-client-sdk RestApiClient against the running Worker", () => {
  it("creates, lists with a filter, gets, updates and deletes", async () => {
    const client = new RestApiClient({ baseUrl: new URL("/rest", worker.url).href, token: ws.apiKeyToken });
    const created = await client.post<One<"createCompany">>("/companies", { name: "SDK Corp", employees: 12 });
    const id = created.data.createCompany.id;
    await client.post("/companies", { name: "Other", employees: 3 });
    const listed = await client.get<{ data: { companies: Array<{ id: string }> }; totalCount: number }>("/companies", { query: { filter: "employees[gte]:10", limit: 10, depth: 0 } });
    expect(listed.data.companies.map((c) => c.id)).toEqual([id]);
    expect(listed.totalCount).toBe(1);
    const got = await client.get<One<"company">>(`/companies/${id}`);
    expect(got.data.company.name).toBe("SDK Corp");
    const updated = await client.patch<One<"updateCompany">>(`/companies/${id}`, { employees: 13 });
    expect(updated.data.updateCompany.employees).toBe(13);
    const deleted = await client.delete<One<"deleteCompany">>(`/companies/${id}`);
    expect(deleted.data.deleteCompany.deletedAt).toEqual(expect.any(String));
    await expect(client.get(`/companies/${id}`)).rejects.toBeInstanceOf(RestApiClientError);
  });
});
