import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildClientSchema, getIntrospectionQuery, printSchema, type IntrospectionQuery } from "graphql";
import { generateCoreClientFromSchema } from "twenty-client-sdk/generate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../harness/graphql.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

/**
 * The official twenty-client-sdk generates its Core client (genql) from a workspace's /graphql schema;
 * here it is generated from OUR introspection and then run against the Worker over HTTP.
 */
interface CoreClient {
  query(request: Record<string, unknown>): Promise<any>;
  mutation(request: Record<string, unknown>): Promise<any>;
}
type CoreClientClass = new (options: { url: string; headers: Record<string, string> }) => CoreClient;

let worker: TestWorker;
let ws: WorkspaceFixture;
let tempDir: string;
let CoreApiClient: CoreClientClass;

beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "sdk-core");
  tempDir = await mkdtemp(join(tmpdir(), "crm-edge-sdk-core-"));
});
afterAll(async () => {
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
  await worker?.close();
});

describe("twenty-client-sdk Core client generated from our /graphql introspection", () => {
  it("generates from the introspected schema", async () => {
    const introspection = await gql<IntrospectionQuery>(worker, getIntrospectionQuery(), {}, { token: ws.apiKeyToken, endpoint: "/graphql" });
    expect(introspection.errors, JSON.stringify(introspection.errors)).toBeUndefined();
    const sdl = printSchema(buildClientSchema(introspection.data));
    const outputPath = join(tempDir, "core");
    await generateCoreClientFromSchema({ schema: sdl, outputPath });
    const generated = (await import(pathToFileURL(join(outputPath, "index.mjs")).href)) as { CoreApiClient: CoreClientClass };
    expect(typeof generated.CoreApiClient).toBe("function");
    CoreApiClient = generated.CoreApiClient;
  }, 120_000);

  it("createCompany, then companies with a filter and first", async () => {
    const client = new CoreApiClient({ url: new URL("/graphql", worker.url).href, headers: { Authorization: `Bearer ${ws.apiKeyToken}` } });
    const created: Record<string, { id: string; name: string; employees: number | null }> = {};
    for (const [name, employees] of [["SDK Alpha", 50], ["SDK Beta", 20], ["SDK Gamma", 5], ["SDK Delta", 80]] as const) {
      const res = await client.mutation({ createCompany: { __args: { data: { name, employees } }, id: true, name: true, employees: true } });
      expect(res.createCompany).toEqual({ id: expect.any(String), name, employees });
      created[name] = res.createCompany;
    }

    const listed = await client.query({
      companies: {
        __args: { filter: { employees: { gte: 10 } }, orderBy: [{ employees: "DescNullsLast" }], first: 2 },
        totalCount: true,
        edges: { cursor: true, node: { id: true, name: true, employees: true } },
        pageInfo: { hasNextPage: true, endCursor: true },
      },
    });
    expect(listed.companies.totalCount).toBe(3);
    expect(listed.companies.edges.map((edge: { node: unknown }) => edge.node)).toEqual([created["SDK Delta"], created["SDK Alpha"]]);
    expect(listed.companies.pageInfo.hasNextPage).toBe(true);
    expect(listed.companies.pageInfo.endCursor).toBe(listed.companies.edges[1].cursor);

    const next = await client.query({
      companies: {
        __args: { filter: { employees: { gte: 10 } }, orderBy: [{ employees: "DescNullsLast" }], first: 2, after: listed.companies.pageInfo.endCursor },
        edges: { node: { name: true } },
        pageInfo: { hasNextPage: true },
      },
    });
    expect(next.companies.edges.map((edge: { node: { name: string } }) => edge.node.name)).toEqual(["SDK Beta"]);
    expect(next.companies.pageInfo.hasNextPage).toBe(false);

    const byName = await client.query({
      companies: { __args: { filter: { name: { like: "%Gamma%" } } }, edges: { node: { id: true, name: true } } },
    });
    expect(byName.companies.edges).toEqual([{ node: { id: created["SDK Gamma"]!.id, name: "SDK Gamma" } }]);
  });
});
