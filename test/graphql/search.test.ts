import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeSearchCursor, encodeSearchCursor } from "../../src/search/search-cursor.ts";
import { formatSearchTerms } from "../../src/search/search-terms.ts";
import { gql } from "../harness/graphql.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { addMember, createWorkspace, type MemberFixture, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

/** Twenty's global `search` (twenty-api.md §6.7), on /graphql and /metadata. */
let worker: TestWorker;
let a: WorkspaceFixture;
let b: WorkspaceFixture;
let member: MemberFixture;
const ids: Record<string, string> = {};
const walkers: string[] = [];

const SEARCH = /* GraphQL */ `
  query Search($q: String!, $limit: Int!, $after: String, $inc: [String!], $exc: [String!], $filter: ObjectRecordFilterInput) {
    search(searchInput: $q, limit: $limit, after: $after, includedObjectNameSingulars: $inc, excludedObjectNameSingulars: $exc, filter: $filter) {
      edges { cursor node { recordId objectNameSingular label imageUrl tsRankCD tsRank } }
      pageInfo { endCursor hasNextPage }
    }
  }
`;

interface Hit {
  recordId: string;
  objectNameSingular: string;
  label: string;
  imageUrl: string | null;
  tsRankCD: number;
  tsRank: number;
}

async function search(vars: { q: string; limit?: number; after?: string; inc?: string[]; exc?: string[]; filter?: unknown }, options: { token?: string; endpoint?: "/metadata" | "/graphql" } = {}) {
  return gql(worker, SEARCH, { limit: 20, ...vars }, { token: a.apiKeyToken, endpoint: "/graphql", ...options });
}

async function hits(vars: Parameters<typeof search>[0], options: Parameters<typeof search>[1] = {}): Promise<Hit[]> {
  const res = await search(vars, options);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.search.edges.map((edge: { node: Hit }) => edge.node);
}

async function create(token: string, plural: string, body: Record<string, unknown>): Promise<string> {
  const res = await worker.json(`/rest/${plural}`, { method: "POST", token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (Object.values(res.body.data)[0] as { id: string }).id;
}

beforeAll(async () => {
  worker = await startTestWorker();
  [a, b] = [await createWorkspace(worker, "search-a"), await createWorkspace(worker, "search-b")];
  member = await addMember(worker, a, "searcher");
  const token = a.apiKeyToken;
  ids.acmeCorp = await create(token, "companies", { name: "Acme Corporation", domainName: { primaryLinkUrl: "https://www.acme.com" } });
  ids.zebraAcme = await create(token, "companies", { name: "Zebra Acme" });
  ids.elan = await create(token, "companies", { name: "Élan Vital", domainName: { primaryLinkUrl: "elan.io" } });
  ids.jose = await create(token, "people", { name: { firstName: "José", lastName: "Müller" }, avatarUrl: "https://img.example.com/jose.png" });
  ids.acmeDeal = await create(token, "opportunities", { name: "Acme deal" });
  ids.gone = await create(token, "companies", { name: "Acme Gone" });
  expect((await worker.json(`/rest/companies/${ids.gone}`, { method: "DELETE", token })).status).toBe(200);
  const companies = await worker.json("/rest/batch/companies", { method: "POST", token, body: Array.from({ length: 12 }, (_, i) => ({ name: `Walker ${i}` })) });
  const people = await worker.json("/rest/batch/people", { method: "POST", token, body: Array.from({ length: 9 }, (_, i) => ({ name: { firstName: "Walker", lastName: `${i}` } })) });
  walkers.push(...companies.body.data.createCompanies.map((c: { id: string }) => c.id), ...people.body.data.createPeople.map((p: { id: string }) => p.id));
  ids.secret = await create(b.apiKeyToken, "companies", { name: "Acme Secret" });
});
afterAll(() => worker?.close());

describe("terms and cursors", () => {
  it("each word is a quoted prefix lexeme, ANDed and ORed; syntax never reaches to_tsquery", () => {
    expect(formatSearchTerms("  jo  ma ")).toEqual({ matchAll: false, allWords: "'jo':* & 'ma':*", anyWord: "'jo':* | 'ma':*", likePatterns: ["%jo%", "%ma%"] });
    expect(formatSearchTerms("o'brien & (x|y):*")).toMatchObject({ allWords: "'o''brien':* & 'xy':*", likePatterns: ["%o'brien%", "%&%", "%(x|y):*%"] });
    expect(formatSearchTerms("100%_")).toMatchObject({ allWords: "'100_':*", likePatterns: ["%100\\%\\_%"] });
    expect(formatSearchTerms("   ")).toMatchObject({ matchAll: true, allWords: "", likePatterns: [] });
  });

  it("a cursor is Twenty's base64 JSON and reads back exactly; anything else is refused", () => {
    const position = { tsRankCD: 0.1, tsRank: 0.06079271, objectNameSingular: "person", recordId: "2f9d7a10-0000-4000-8000-000000000001" };
    const cursor = encodeSearchCursor(position);
    expect(JSON.parse(atob(cursor))).toEqual({ lastRanks: { tsRankCD: 0.1, tsRank: 0.06079271 }, lastRecordIdsPerObject: { person: position.recordId } });
    expect(decodeSearchCursor(cursor)).toEqual(position);
    for (const bad of ["nope", btoa("{}"), btoa(JSON.stringify({ lastRanks: { tsRankCD: 0, tsRank: 0 }, lastRecordIdsPerObject: { person: "x" } }))]) {
      expect(() => decodeSearchCursor(bad)).toThrow("Invalid cursor");
    }
  });
});

describe("search", () => {
  it("finds records by a word prefix, accent-insensitively, with label, image and object", async () => {
    const jose = await hits({ q: "jos" });
    expect(jose[0]).toMatchObject({ recordId: ids.jose, objectNameSingular: "person", label: "José Müller", imageUrl: "https://img.example.com/jose.png" });
    expect((await hits({ q: "jose muller" }))[0]!.recordId).toBe(ids.jose);
    expect((await hits({ q: "MÜLL" }))[0]!.recordId).toBe(ids.jose);
    for (const q of ["élan", "elan", "ELAN vit"]) {
      const [first] = await hits({ q });
      expect(first, q).toMatchObject({ recordId: ids.elan, objectNameSingular: "company", label: "Élan Vital", imageUrl: "https://twenty-icons.com/elan.io" });
    }
    const [acme] = await hits({ q: "acme corp" });
    expect(acme).toMatchObject({ recordId: ids.acmeCorp, label: "Acme Corporation", imageUrl: "https://twenty-icons.com/acme.com" });
    const [deal] = await hits({ q: "deal" });
    expect(deal).toMatchObject({ recordId: ids.acmeDeal, objectNameSingular: "opportunity", label: "Acme deal", imageUrl: "" });
  });

  it("ranks records with every word first, then by the any-word rank; soft-deleted records are not found", async () => {
    const found = await hits({ q: "acme corporation" });
    expect(found.map((h) => h.recordId)).toEqual([ids.acmeCorp, ...found.slice(1).map((h) => h.recordId)]);
    expect(found.map((h) => h.recordId)).toEqual(expect.arrayContaining([ids.zebraAcme, ids.acmeDeal]));
    expect(found.map((h) => h.recordId)).not.toContain(ids.gone);
    expect(found[0]!.tsRankCD).toBeGreaterThan(0);
    expect(found.slice(1).every((h) => h.tsRankCD === 0 && h.tsRank > 0)).toBe(true);
    for (let i = 1; i < found.length; i++) {
      const [prev, cur] = [found[i - 1]!, found[i]!];
      expect(prev.tsRankCD > cur.tsRankCD || (prev.tsRankCD === cur.tsRankCD && prev.tsRank >= cur.tsRank)).toBe(true);
    }
  });

  it("falls back to an unaccented substring of the label, ranked after full-text hits", async () => {
    expect((await hits({ q: "rporat" })).map((h) => h.recordId)).toEqual([ids.acmeCorp]);
    const inside = await hits({ q: "LLER" });
    expect(inside.map((h) => h.recordId)).toEqual([ids.jose]);
    expect(inside[0]).toMatchObject({ tsRankCD: 0, tsRank: 0 });
    expect((await hits({ q: "lan vi" })).map((h) => h.recordId)).toEqual([ids.elan]);
  });

  it("empty input finds every record with a search vector, people before companies when ranks tie", async () => {
    const all = await hits({ q: "", limit: 100, inc: ["company", "person"] });
    expect(all).toHaveLength(3 + 1 + 12 + 9);
    const objects = all.map((h) => h.objectNameSingular);
    expect(objects).toEqual([...objects.filter((o) => o === "person"), ...objects.filter((o) => o === "company")]);
  });

  it("included and excluded objects", async () => {
    const companies = await hits({ q: "acme", inc: ["company"] });
    expect(companies.map((h) => h.recordId).sort()).toEqual([ids.acmeCorp, ids.zebraAcme].sort());
    const others = await hits({ q: "acme", exc: ["company"] });
    expect(others.map((h) => h.recordId)).toEqual([ids.acmeDeal]);
    expect(await hits({ q: "acme", inc: ["company"], exc: ["company"] })).toEqual([]);
    expect(await hits({ q: "acme", inc: ["noSuchObject"] })).toEqual([]);
  });

  it("filters on id, createdAt and deletedAt", async () => {
    expect((await hits({ q: "acme", filter: { id: { eq: ids.zebraAcme } } })).map((h) => h.recordId)).toEqual([ids.zebraAcme]);
    expect((await hits({ q: "acme", filter: { id: { in: [ids.acmeCorp, ids.acmeDeal] } } })).map((h) => h.recordId).sort()).toEqual([ids.acmeCorp, ids.acmeDeal].sort());
    expect((await hits({ q: "acme", filter: { not: { id: { eq: ids.acmeCorp } } } })).map((h) => h.recordId)).not.toContain(ids.acmeCorp);
    // Stored instants have microseconds and read back with milliseconds: compare with gte / lt only.
    const zebraCreated = (await worker.json(`/rest/companies/${ids.zebraAcme}`, { token: a.apiKeyToken })).body.data.company.createdAt;
    const later = await hits({ q: "acme", filter: { createdAt: { gte: zebraCreated } } });
    expect(later.map((h) => h.recordId).sort()).toEqual([ids.zebraAcme, ids.acmeDeal].sort());
    const either = await hits({ q: "acme", filter: { or: [{ createdAt: { lt: zebraCreated } }, { id: { eq: ids.acmeDeal } }] } });
    expect(either.map((h) => h.recordId).sort()).toEqual([ids.acmeCorp, ids.acmeDeal].sort());
    expect((await hits({ q: "acme", filter: { deletedAt: { is: "NOT_NULL" } } })).map((h) => h.recordId)).toEqual([ids.gone]);
    // Refused by the UUID scalar before the resolver runs: the caller's mistake.
    const bad = await search({ q: "acme", filter: { id: { eq: "not-a-uuid" } } });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(bad.data?.search).toBeUndefined();
  });

  it("pages with `after` visit every result exactly once, in the order of one big page", async () => {
    for (const vars of [{ q: "walker" }, { q: "", inc: ["company", "person"] }, { q: "walker 1" }]) {
      const whole = await hits({ ...vars, limit: 100 });
      const seen: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 50; page++) {
        const res = await search({ ...vars, limit: 4, ...(after ? { after } : {}) });
        expect(res.errors).toBeUndefined();
        const { edges, pageInfo } = res.data.search;
        seen.push(...edges.map((e: { node: Hit }) => e.node.recordId));
        if (!pageInfo.hasNextPage) break;
        expect(pageInfo.endCursor).toBe(edges.at(-1).cursor);
        after = pageInfo.endCursor;
      }
      expect(seen, JSON.stringify(vars)).toEqual(whole.map((h) => h.recordId));
      expect(new Set(seen).size).toBe(seen.length);
    }
    const walked = await hits({ q: "walker", limit: 100 });
    expect(walked.map((h) => h.recordId).sort()).toEqual([...walkers].sort());
  });

  it("resumes from any edge's cursor", async () => {
    const whole = await search({ q: "walker", limit: 10 });
    const edges = whole.data.search.edges;
    const rest = await hits({ q: "walker", limit: 5, after: edges[4].cursor });
    expect(rest.map((h) => h.recordId)).toEqual(edges.slice(5, 10).map((e: { node: Hit }) => e.node.recordId));
  });

  it("answers the same on /graphql and /metadata", async () => {
    const onGraphql = await search({ q: "acme" }, { endpoint: "/graphql" });
    const onMetadata = await search({ q: "acme" }, { endpoint: "/metadata" });
    expect(onGraphql.errors).toBeUndefined();
    expect(onMetadata.data).toEqual(onGraphql.data);
    expect(onMetadata.data.search.edges.length).toBeGreaterThan(0);
  });

  it("is one SQL statement after the caller's lookup", async () => {
    await search({ q: "acme corp" });
    const before = await worker.statementCount();
    const res = await search({ q: "acme corp", filter: { createdAt: { is: "NOT_NULL" } } });
    expect(res.data.search.edges.length).toBeGreaterThan(0);
    expect((await worker.statementCount()) - before).toBe(2);
  });
});

describe("refusals and isolation", () => {
  it("limit over 100 and a bad cursor are BAD_USER_INPUT", async () => {
    const over = await search({ q: "acme", limit: 101 });
    expect(over.errors?.[0]).toMatchObject({ message: "Limit cannot exceed 100 items", extensions: { code: "BAD_USER_INPUT" } });
    expect(over.data).toBeNull();
    const cursor = await search({ q: "acme", after: "garbage" });
    expect(cursor.errors?.[0]).toMatchObject({ message: "Invalid cursor", extensions: { code: "BAD_USER_INPUT" } });
  });

  it("without a token: UNAUTHENTICATED on both endpoints", async () => {
    for (const endpoint of ["/graphql", "/metadata"] as const) {
      const res = await gql(worker, SEARCH, { q: "acme", limit: 5 }, { endpoint });
      expect(res.errors?.[0]?.extensions?.code, endpoint).toBe("UNAUTHENTICATED");
    }
  });

  it("a token of workspace A never finds B's records, and the other way round", async () => {
    expect((await hits({ q: "secret" })).map((h) => h.recordId)).toEqual([]);
    expect((await hits({ q: "acme", filter: { id: { eq: ids.secret } } })).map((h) => h.recordId)).toEqual([]);
    expect((await hits({ q: "secret" }, { token: b.apiKeyToken })).map((h) => h.recordId)).toEqual([ids.secret]);
    expect((await hits({ q: "acme" }, { token: b.apiKeyToken })).map((h) => h.recordId)).toEqual([ids.secret]);
  });

  it("a role that cannot read a searched field does not find records through its text", async () => {
    const token = member.accessToken;
    const role = (await worker.db.sql.query(`SELECT id FROM core.role WHERE "workspaceId" = $1 AND label = 'Member'`, [a.workspaceId])).rows[0];
    const domain = (
      await worker.db.sql.query(
        `SELECT f.id, f."objectMetadataId" FROM core."fieldMetadata" f JOIN core."objectMetadata" o ON o.id = f."objectMetadataId" WHERE o."workspaceId" = $1 AND o."nameSingular" = 'company' AND f.name = 'domainName'`,
        [a.workspaceId],
      )
    ).rows[0];
    // "www.acme.com" is in Acme Corporation's domain only, not in its name: found through the vector.
    expect((await hits({ q: "www.acme.com" }, { token })).map((h) => h.recordId)).toContain(ids.acmeCorp);
    await worker.db.sql.query(
      `INSERT INTO core."fieldPermission" ("workspaceId", "roleId", "objectMetadataId", "fieldMetadataId", "canReadFieldValue", "canUpdateFieldValue") VALUES ($1, $2, $3, $4, false, false)`,
      [a.workspaceId, role.id, domain.objectMetadataId, domain.id],
    );
    try {
      expect((await hits({ q: "www.acme.com" }, { token })).map((h) => h.recordId)).not.toContain(ids.acmeCorp);
      // The label still finds it, and a caller who may read the domain still finds it by the domain.
      expect((await hits({ q: "acme corporation" }, { token })).map((h) => h.recordId)).toContain(ids.acmeCorp);
      expect((await hits({ q: "www.acme.com" })).map((h) => h.recordId)).toContain(ids.acmeCorp);
    } finally {
      await worker.db.sql.query(`DELETE FROM core."fieldPermission" WHERE "roleId" = $1`, [role.id]);
    }
  });

  it("a role that cannot read an object finds none of its records", async () => {
    const token = member.accessToken;
    expect((await hits({ q: "acme" }, { token })).map((h) => h.objectNameSingular)).toContain("company");
    const role = (await worker.db.sql.query(`SELECT id FROM core.role WHERE "workspaceId" = $1 AND label = 'Member'`, [a.workspaceId])).rows[0];
    const company = (await worker.db.sql.query(`SELECT id FROM core."objectMetadata" WHERE "workspaceId" = $1 AND "nameSingular" = 'company'`, [a.workspaceId])).rows[0];
    await worker.db.sql.query(`INSERT INTO core."objectPermission" ("workspaceId", "roleId", "objectMetadataId", "canReadObjectRecords") VALUES ($1, $2, $3, false)`, [
      a.workspaceId,
      role.id,
      company.id,
    ]);
    try {
      const found = await hits({ q: "acme" }, { token });
      expect(found.map((h) => h.recordId)).toEqual([ids.acmeDeal]);
      expect(await hits({ q: "acme", inc: ["company"] }, { token })).toEqual([]);
      expect((await hits({ q: "acme" })).map((h) => h.objectNameSingular)).toContain("company");
    } finally {
      await worker.db.sql.query(`DELETE FROM core."objectPermission" WHERE "roleId" = $1`, [role.id]);
    }
  });
});
