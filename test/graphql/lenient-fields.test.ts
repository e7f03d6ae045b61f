import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../harness/graphql.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

/** Spec README: an unknown field inside a record answers null (Twenty 2.21); everything else stays strict. */
let worker: TestWorker;
let a: WorkspaceFixture;
const query = (text: string, variables: Record<string, unknown> = {}) => gql(worker, text, variables, { token: a.apiKeyToken, endpoint: "/graphql" });

beforeAll(async () => {
  worker = await startTestWorker();
  a = await createWorkspace(worker, "gql-lenient");
  const created = await query(`mutation { createCompany(data: {name: "Acme"}) { id } }`);
  expect(created.errors).toBeUndefined();
});
afterAll(() => worker?.close());

describe("unknown fields in records", () => {
  it("answer null under their response key, through fragments and nested records", async () => {
    const res = await query(`
      query($skip: Boolean!) {
        companies { edges { node { id oldGone ...F skipped: gone @skip(if: $skip) accountOwner { id retired } } } }
      }
      fragment F on Company { alsoGone: nope { x } name }`, { skip: true });
    expect(res.errors).toBeUndefined();
    const node = res.data.companies.edges[0].node;
    expect(node).toMatchObject({ name: "Acme", oldGone: null, alsoGone: null, accountOwner: null });
    expect("skipped" in node).toBe(false);
  });

  it("answer null in a mutation's record too", async () => {
    const res = await query(`mutation { createCompany(data: {name: "Beta"}) { name legacyField } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.createCompany).toEqual({ name: "Beta", legacyField: null });
  });

  it("stay errors outside records, in filters and in inputs", async () => {
    const onConnection = await query(`{ companies { bogus } }`);
    expect(onConnection.errors?.[0]?.message).toContain(`Cannot query field "bogus" on type "CompanyConnection"`);
    expect(onConnection.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const inFilter = await query(`{ companies(filter: {bogus: {eq: "x"}}) { totalCount } }`);
    expect(inFilter.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const inInput = await query(`mutation { createCompany(data: {bogus: "x"}) { id } }`);
    expect(inInput.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const onStatic = await query(`{ currentWorkspace { id bogus } }`);
    expect(onStatic.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("need a token like any other query", async () => {
    const res = await gql(worker, `{ companies { edges { node { id oldGone } } } }`, {}, { endpoint: "/graphql" });
    expect(res.data?.companies ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|GRAPHQL_VALIDATION_FAILED/);
  });
});
