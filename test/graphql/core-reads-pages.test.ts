import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";
import { batch, nodes, query, read, seedCrm, type Ids } from "./core-reads-fixture.ts";

/** orderBy, cursor and offset pagination, the page-size clamp, and pagination errors (§2.3, §2.6, README decisions). */
let worker: TestWorker;
let ws: WorkspaceFixture;
let ids: Ids;
/** Walker companies W0..W8, by name, with employees (NULLs and ties on purpose). */
const walkerEmployees = [3, null, 1, 3, null, 2, 1, 5, 3];
const walkers: string[] = [];

const gqlRead = (text: string, variables: Record<string, unknown> = {}) => read(worker, ws.apiKeyToken, text, variables);

beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "gql-pages");
  ids = await seedCrm(worker, ws);
  walkers.push(...(await batch(worker, ws.apiKeyToken, "companies", walkerEmployees.map((employees, i) => ({ name: `W${i}`, employees })))));
  await batch(worker, ws.apiKeyToken, "people", [
    { name: { firstName: "Alice", lastName: "Smith" }, companyId: ids.acme },
    { name: { firstName: "Bob", lastName: "Smith" }, companyId: ids.acme },
    { name: { firstName: "Alice", lastName: "Brown" } },
    { name: { firstName: "Charlie", lastName: "Davis" } },
  ]);
});
afterAll(() => worker?.close());

const PAGE = `query($first: Int, $last: Int, $after: String, $before: String, $offset: Int, $orderBy: [CompanyOrderByInput], $filter: CompanyFilterInput) {
  companies(first: $first, last: $last, after: $after, before: $before, offset: $offset, orderBy: $orderBy, filter: $filter) {
    totalCount edges { cursor node { id name employees } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
const walkerFilter = { name: { startsWith: "W" } };

interface Page {
  totalCount: number;
  edges: Array<{ cursor: string; node: { id: string; name: string; employees: number | null } }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}
const page = async (vars: Record<string, unknown>): Promise<Page> => (await gqlRead(PAGE, { filter: walkerFilter, ...vars })).companies;

describe("orderBy", () => {
  it("by a scalar, NULLs where the direction puts them, ties broken by id", async () => {
    const asc = await page({ orderBy: [{ employees: "AscNullsLast" }, { name: "AscNullsFirst" }] });
    expect(asc.edges.map((e) => e.node.name)).toEqual(["W2", "W6", "W5", "W0", "W3", "W8", "W7", "W1", "W4"]);
    const desc = await page({ orderBy: [{ employees: "DescNullsFirst" }, { name: "DescNullsLast" }] });
    expect(desc.edges.map((e) => e.node.name)).toEqual(["W4", "W1", "W7", "W8", "W3", "W0", "W5", "W6", "W2"]);
    const nullsFirst = await page({ orderBy: { employees: "AscNullsFirst" }, first: 2 });
    expect(nullsFirst.edges.map((e) => e.node.employees)).toEqual([null, null]);
  });

  it("by composite sub-fields (Twenty's composite-field-pagination case), across pages", async () => {
    const q = `query($after: String) { people(first: 2, after: $after, orderBy: [{name: {firstName: AscNullsLast}}, {name: {lastName: AscNullsLast}}], filter: {name: {firstName: {in: ["Alice", "Bob", "Charlie"]}}}) {
      edges { node { name { firstName lastName } } } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[][] = [];
    let after: string | undefined;
    for (let i = 0; i < 5; i++) {
      const { people } = await gqlRead(q, after ? { after } : {});
      seen.push(nodes<{ name: { firstName: string; lastName: string } }>(people).map((n) => `${n.name.firstName} ${n.name.lastName}`));
      if (!people.pageInfo.hasNextPage) break;
      after = people.pageInfo.endCursor;
    }
    expect(seen).toEqual([["Alice Brown", "Alice Smith"], ["Bob Smith", "Charlie Davis"]]);
    const desc = await gqlRead(`{ people(orderBy: {name: {lastName: DescNullsFirst}}, filter: {name: {lastName: {in: ["Smith", "Davis", "Doe"]}}}) { edges { node { name { lastName } } } } }`);
    expect(nodes<{ name: { lastName: string } }>(desc.people).map((n) => n.name.lastName)).toEqual(["Smith", "Smith", "Doe", "Davis"]);
  });

  it("by an enum, a date and a join column", async () => {
    const stage = await gqlRead(`{ opportunities(orderBy: [{stage: DescNullsLast}]) { edges { node { stage } } } }`);
    expect(nodes<{ stage: string }>(stage.opportunities).map((n) => n.stage)).toEqual(["NEW", "MEETING", "CUSTOMER"]);
    const close = await gqlRead(`{ opportunities(orderBy: [{closeDate: DescNullsFirst}]) { edges { node { name } } } }`);
    expect(nodes<{ name: string }>(close.opportunities).map((n) => n.name)).toEqual(["Deal C", "Deal B", "Deal A"]);
    const byCompany = await gqlRead(`{ people(orderBy: [{companyId: AscNullsFirst}], filter: {name: {firstName: {in: ["John", "Jane", "Phil"]}}}) { edges { node { name { firstName } } } } }`);
    expect(nodes<{ name: { firstName: string } }>(byCompany.people).map((n) => n.name.firstName)).toEqual(["Phil", ...(ids.acme! < ids.beta! ? ["John", "Jane"] : ["Jane", "John"])]);
  });
});

describe("cursor pagination", () => {
  const orders = [
    [{ employees: "AscNullsLast" }],
    [{ employees: "DescNullsFirst" }],
    [{ employees: "AscNullsFirst" }, { name: "DescNullsLast" }],
    [{ name: "AscNullsFirst" }],
    // Rows created together share createdAt: the id breaks the ties, across pages too.
    [{ createdAt: "DescNullsLast" }],
    [{ position: "DescNullsLast" }, { employees: "AscNullsFirst" }],
    [],
  ];

  it("forward with first/after visits every row exactly once, hasNext/hasPrevious truthful", async () => {
    for (const orderBy of orders) {
      const whole = (await page({ orderBy })).edges.map((e) => e.node.id);
      expect(whole).toHaveLength(9);
      const seen: string[] = [];
      let after: string | undefined;
      for (let i = 0; i < 10; i++) {
        const p = await page({ orderBy, first: 2, ...(after ? { after } : {}) });
        expect(p.totalCount).toBe(9);
        seen.push(...p.edges.map((e) => e.node.id));
        expect(p.pageInfo.hasPreviousPage, JSON.stringify(orderBy)).toBe(i > 0);
        expect(p.pageInfo.hasNextPage, JSON.stringify(orderBy)).toBe(seen.length < 9);
        expect(p.pageInfo.startCursor).toBe(p.edges[0]!.cursor);
        expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)!.cursor);
        if (!p.pageInfo.hasNextPage) break;
        after = p.pageInfo.endCursor!;
      }
      expect(seen, JSON.stringify(orderBy)).toEqual(whole);
    }
  });

  it("backward with last/before visits every row exactly once, pages in reading order", async () => {
    for (const orderBy of orders) {
      const whole = (await page({ orderBy })).edges.map((e) => e.node.id);
      const pages: string[][] = [];
      let before: string | undefined;
      for (let i = 0; i < 10; i++) {
        const p = await page({ orderBy, last: 2, ...(before ? { before } : {}) });
        pages.unshift(p.edges.map((e) => e.node.id));
        const seen = pages.flat().length;
        expect(p.pageInfo.hasNextPage, JSON.stringify(orderBy)).toBe(i > 0);
        expect(p.pageInfo.hasPreviousPage, JSON.stringify(orderBy)).toBe(seen < 9);
        expect(p.pageInfo.startCursor).toBe(p.edges[0]!.cursor);
        if (!p.pageInfo.hasPreviousPage) break;
        before = p.pageInfo.startCursor!;
      }
      expect(pages.flat(), JSON.stringify(orderBy)).toEqual(whole);
      expect(pages[0]).toHaveLength(1);
    }
  });

  it("resumes from any edge's cursor, in both directions", async () => {
    const orderBy = [{ employees: "AscNullsLast" }];
    const whole = (await page({ orderBy })).edges;
    const after = await page({ orderBy, first: 3, after: whole[3]!.cursor });
    expect(after.edges.map((e) => e.node.id)).toEqual(whole.slice(4, 7).map((e) => e.node.id));
    const before = await page({ orderBy, last: 3, before: whole[3]!.cursor });
    expect(before.edges.map((e) => e.node.id)).toEqual(whole.slice(0, 3).map((e) => e.node.id));
    expect(before.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    const beforeOnly = await page({ orderBy, before: whole[7]!.cursor });
    expect(beforeOnly.edges.map((e) => e.node.id)).toEqual(whole.slice(0, 7).map((e) => e.node.id));
  });

  it("cursors carry any text: accents, quotes, backslashes, emoji", async () => {
    const odd = ["Élan", 'Zoë "Q"', "back\\slash", "🦊 fox", "naïve'"];
    await batch(worker, ws.apiKeyToken, "companies", odd.map((name) => ({ name })));
    const filter = { name: { in: odd } };
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 6 && seen.length < odd.length; i++) {
      const p = await page({ filter, orderBy: { name: "DescNullsLast" }, first: 2, ...(after ? { after } : {}) });
      seen.push(...p.edges.map((e) => e.node.name));
      after = p.pageInfo.endCursor!;
    }
    expect(seen).toEqual((await page({ filter, orderBy: { name: "DescNullsLast" } })).edges.map((e) => e.node.name));
    expect([...seen].sort()).toEqual([...odd].sort());
  });

  it("offset skips rows and says so", async () => {
    const orderBy = [{ name: "AscNullsFirst" }];
    const p = await page({ orderBy, first: 2, offset: 3 });
    expect(p.edges.map((e) => e.node.name)).toEqual(["W3", "W4"]);
    expect(p.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    const tail = await page({ orderBy, first: 5, offset: 7 });
    expect(tail.edges.map((e) => e.node.name)).toEqual(["W7", "W8"]);
    expect(tail.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    expect(tail.totalCount).toBe(9);
  });

  it("first: 0 and an empty result give empty pages with null cursors", async () => {
    const zero = await page({ first: 0 });
    expect(zero.edges).toEqual([]);
    expect(zero.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null });
    const none = await page({ filter: { name: { eq: "nobody" } } });
    expect(none).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
  });

  it("first above 200 is clamped to 200 with a truthful hasNextPage; the default page is 60", async () => {
    const many = Array.from({ length: 210 }, (_, i) => ({ name: `Bulk ${String(i).padStart(3, "0")}` }));
    await batch(worker, ws.apiKeyToken, "companies", many.slice(0, 200));
    await batch(worker, ws.apiKeyToken, "companies", many.slice(200));
    const filter = { name: { startsWith: "Bulk" } };
    const big = await page({ filter, first: 500, orderBy: { name: "AscNullsFirst" } });
    expect(big.totalCount).toBe(210);
    expect(big.edges).toHaveLength(200);
    expect(big.pageInfo.hasNextPage).toBe(true);
    const rest = await page({ filter, first: 500, after: big.pageInfo.endCursor, orderBy: { name: "AscNullsFirst" } });
    expect(rest.edges.map((e) => e.node.name)).toEqual(many.slice(200).map((c) => c.name));
    expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const last = await page({ filter, last: 1000 });
    expect(last.edges).toHaveLength(200);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect((await page({ filter })).edges).toHaveLength(60);
  });
});

describe("pagination errors", () => {
  const codeOf = async (vars: Record<string, unknown>) => {
    const res = await query(worker, ws.apiKeyToken, PAGE, { filter: walkerFilter, ...vars });
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ companies: null });
    return { code: res.errors?.[0]?.extensions?.code, message: res.errors?.[0]?.message };
  };

  it("first and last together, before and after together, negatives: BAD_USER_INPUT", async () => {
    expect(await codeOf({ first: 1, last: 1 })).toEqual({ code: "BAD_USER_INPUT", message: "Cannot provide both first and last" });
    const cursor = (await page({ first: 1 })).pageInfo.endCursor;
    expect((await codeOf({ after: cursor, before: cursor })).code).toBe("BAD_USER_INPUT");
    expect((await codeOf({ first: -1 })).code).toBe("BAD_USER_INPUT");
    expect((await codeOf({ offset: -3 })).code).toBe("BAD_USER_INPUT");
  });

  it("a cursor that is not ours: BAD_USER_INPUT", async () => {
    for (const after of ["garbage", btoa("[1]"), btoa(JSON.stringify({ employees: 3, id: 5 }))]) {
      const { code, message } = await codeOf({ after, orderBy: { employees: "AscNullsLast" } });
      expect(code, after).toBe("BAD_USER_INPUT");
      expect(message).toMatch(/^Invalid cursor/);
    }
  });

  it("an unknown field in orderBy, or a composite without sub-field: BAD_USER_INPUT", async () => {
    const unknown = await query(worker, ws.apiKeyToken, PAGE, { orderBy: [{ nope: "AscNullsFirst" }] });
    expect(unknown.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const composite = await query(worker, ws.apiKeyToken, `{ companies(orderBy: [{address: AscNullsFirst}]) { totalCount } }`);
    expect(composite.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });
});
