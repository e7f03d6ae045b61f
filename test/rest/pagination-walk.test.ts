import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
let all: string[];
const rest = (path: string, init: Parameters<TestWorker["json"]>[1] = {}) => worker.json(path, { token: ws.apiKeyToken, ...init });

beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "walk");
  // Duplicate values, NULLs and empty text in the sort keys: the cases that lose or repeat rows.
  const bodies = Array.from({ length: 23 }, (_, i) => ({
    name: i % 5 === 0 ? "" : `Company ${i % 4}`,
    ...(i % 3 === 0 ? {} : { employees: (i * 7) % 5 }),
    idealCustomerProfile: i % 2 === 0,
  }));
  const created = await rest("/rest/batch/companies", { method: "POST", body: bodies });
  expect(created.status).toBe(201);
  all = created.body.data.createCompanies.map((c: { id: string }) => c.id).sort();
});
afterAll(() => worker?.close());

type Page = { ids: string[]; start: string | null; end: string | null; hasNext: boolean; hasPrevious: boolean };

async function page(query: string): Promise<Page> {
  const res = await rest(`/rest/companies?depth=0&${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return {
    ids: res.body.data.companies.map((c: { id: string }) => c.id),
    start: res.body.pageInfo.startCursor,
    end: res.body.pageInfo.endCursor,
    hasNext: res.body.pageInfo.hasNextPage,
    hasPrevious: res.body.pageInfo.hasPreviousPage,
  };
}

const orders = [
  "employees[AscNullsFirst]",
  "employees[AscNullsLast]",
  "employees[DescNullsFirst]",
  "employees[DescNullsLast]",
  "name[AscNullsLast],employees[DescNullsFirst]",
  "idealCustomerProfile[DescNullsLast],name[AscNullsFirst]",
];

describe.each(orders)("walking every page of order_by=%s", (order) => {
  it("forward visits every row exactly once, with truthful page flags", async () => {
    const seen: string[] = [];
    let current = await page(`order_by=${order}&limit=4`);
    expect(current.hasPrevious).toBe(false);
    for (;;) {
      seen.push(...current.ids);
      if (!current.hasNext) break;
      const next = await page(`order_by=${order}&limit=4&starting_after=${encodeURIComponent(current.end!)}`);
      expect(next.hasPrevious).toBe(true);
      current = next;
    }
    expect([...seen].sort()).toEqual(all);
    expect(new Set(seen).size).toBe(all.length);
    const full = await page(`order_by=${order}&limit=200`);
    expect(seen).toEqual(full.ids);
  });

  it("backward from the end visits every row exactly once, in the same order", async () => {
    const full = await page(`order_by=${order}&limit=200`);
    const lastCursor = (await page(`order_by=${order}&limit=1&offset=${all.length - 1}`)).end!;
    const chunks: string[][] = [];
    let current = await page(`order_by=${order}&limit=4&ending_before=${encodeURIComponent(lastCursor)}`);
    expect(current.hasNext).toBe(true);
    for (;;) {
      chunks.unshift(current.ids);
      if (!current.hasPrevious) break;
      current = await page(`order_by=${order}&limit=4&ending_before=${encodeURIComponent(current.start!)}`);
    }
    expect([...chunks.flat(), full.ids.at(-1)]).toEqual(full.ids);
  });
});

describe("offset pagination (seed 001)", () => {
  it("pages by offset with a stable order", async () => {
    const first = await page("limit=10&offset=0");
    const second = await page("limit=10&offset=10");
    const full = await page("limit=200");
    expect([...first.ids, ...second.ids]).toEqual(full.ids.slice(0, 20));
    expect(second.hasPrevious).toBe(true);
    const bad = await rest("/rest/companies?offset=-2");
    expect(bad.status).toBe(400);
  });
});
