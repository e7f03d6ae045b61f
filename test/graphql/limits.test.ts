import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, type GraphQLResult } from "../harness/graphql.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "limits");
});
afterAll(() => worker?.close());

const endpoints = ["/metadata", "/graphql"] as const;
const aliases = (count: number, field: string, prefix = "a") =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}: ${field}`).join(" ");

/** A refusal as Twenty answers it: HTTP 200, no data, one error per limit exceeded. */
function expectRefused(result: GraphQLResult, message: string, code = "GRAPHQL_VALIDATION_FAILED") {
  expect(result.status).toBe(200);
  expect(result.data ?? null).toBeNull();
  expect(result.errors?.map((e) => e.message)).toContain(message);
  expect(result.errors?.find((e) => e.message === message)?.extensions?.code).toBe(code);
}

function expectServed(result: GraphQLResult) {
  expect(result.errors).toBeUndefined();
  expect(result.status).toBe(200);
}

describe.each(endpoints)("limits on %s", (endpoint) => {
  const send = (query: string, token: string | undefined = ws.accessToken) => gql(worker, query, {}, { token, endpoint });

  it("depth: 20 nested fields pass, 21 are refused", async () => {
    // `ofType` of a named type is null, so the chain is valid at any length: 1 (__type) + n (ofType) + 1 (name).
    const nested = (ofTypes: number) => `{ __type(name: "Query") { ${"ofType { ".repeat(ofTypes)}name${" }".repeat(ofTypes)} } }`;
    expectServed(await send(nested(18)));
    expectRefused(await send(nested(19)), "Query too complex - Too many nested fields requested: 21 - Maximum allowed nested fields: 20");
  });

  it("root fields: 20 aliases pass, 21 are refused, fragments at the root included", async () => {
    const passed = await send(`{ ${aliases(20, "currentUser { id }")} }`);
    expectServed(passed);
    expect(Object.keys(passed.data)).toHaveLength(20);
    const message = "Query too complex - Too many root resolvers requested: 21 - Maximum allowed root resolvers: 20";
    expectRefused(await send(`{ ${aliases(21, "currentUser { id }")} }`), message);
    expectRefused(await send(`{ ...Q r: currentUser { id } } fragment Q on Query { ${aliases(20, "currentUser { id }")} }`), message);
  });

  it("fields: 2000 pass, 2001 are refused, through aliases or fragment spreads", async () => {
    expectServed(await send(`{ currentUser { ${aliases(1999, "id")} } }`));
    expectRefused(await send(`{ currentUser { ${aliases(2000, "id")} } }`), "Query too complex - Too many fields requested: 2001 - Maximum allowed fields: 2000");
    // A fragment counts once per spread; inline fragments count their fields too.
    const fragment = `fragment F on User { ${aliases(100, "id")} }`;
    expectServed(await send(`{ currentUser { ${"...F ".repeat(19)} ... on User { ${aliases(99, "id", "b")} } } } ${fragment}`));
    expectRefused(
      await send(`{ currentUser { ${"...F ".repeat(19)} ... on User { ${aliases(100, "id", "b")} } } } ${fragment}`),
      "Query too complex - Too many fields requested: 2001 - Maximum allowed fields: 2000",
    );
  });

  it("complexity: list fields cost 10, 2000 passes, 2001 is refused", async () => {
    // __schema 1 + 181 × (directives 10 + name 1) + 4 × (queryType 1 + name 1) = 2000, in 371 fields.
    const atLimit = `__schema { ${aliases(181, "directives { name }", "d")} ${aliases(4, "queryType { name }", "q")}`;
    expectServed(await send(`{ ${atLimit} } }`));
    expectRefused(await send(`{ ${atLimit} description } }`), "Query too complex - Query complexity: 2001 - Maximum allowed complexity: 2000");
  });

  it("size: 100 KB of query text passes, one byte more is refused before parsing", async () => {
    const padded = (bytes: number) => {
      const query = "{ __typename }\n#";
      return query + "x".repeat(bytes - query.length);
    };
    expectServed(await send(padded(100 * 1024)));
    expectRefused(await send(padded(100 * 1024 + 1)), "Query too large - Document size: 102401 bytes - Maximum allowed size: 102400 bytes");
    // Multi-byte characters count as their UTF-8 bytes.
    expectRefused(await send(`{ __typename }\n#${"é".repeat(60_000)}`), "Query too large - Document size: 120016 bytes - Maximum allowed size: 102400 bytes");
  });

  it("nesting deep enough to overflow the parser is refused, not a crash", async () => {
    const deep = `{${"a{".repeat(3000)}b${"}".repeat(3001)}`;
    expectRefused(await send(deep), "Query too complex - Nesting of braces and brackets: 3001 - Maximum allowed nesting: 100");
  });

  it("answers 200 even to a client that prefers application/graphql-response+json", async () => {
    for (const query of [`{ ${aliases(21, "currentUser { id }")} }`, `{ __schema { queryType { name } } }`]) {
      const res = await worker.fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
        body: JSON.stringify({ query }),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { errors: unknown[] }).errors).toHaveLength(1);
    }
  });

  it("fragment cycles are refused without hanging, even when they would also be wide", { timeout: 5_000 }, async () => {
    const self = await send(`{ currentUser { ...A } } fragment A on User { id ...A }`);
    expect(self.errors?.[0]).toMatchObject({ message: 'Cannot spread fragment "A" within itself.', extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
    const mutual = await send(`{ currentUser { ...A } } fragment A on User { id ...B } fragment B on User { email ...A }`);
    expect(mutual.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(mutual.errors?.[0]?.message).toContain("within itself");
    const wide = await send(`{ currentUser { ...A } } fragment A on User { ${aliases(2001, "id")} ...A }`);
    expectRefused(wide, "Query too complex - Too many fields requested: 2002 - Maximum allowed fields: 2000");
  });
});

describe.each(endpoints)("introspection on %s", (endpoint) => {
  const send = (query: string, token?: string) => gql(worker, query, {}, { token, endpoint });
  const schemaQuery = `{ __schema { queryType { name } } }`;

  it("is refused without a token, with code UNAUTHENTICATED", async () => {
    // Asked with a token first: Yoga's validation cache must not hand the anonymous caller that result.
    expectServed(await send(schemaQuery, ws.accessToken));
    expectRefused(await send(schemaQuery), "Unauthenticated - Introspection (__schema) needs a valid access token", "UNAUTHENTICATED");
    expectRefused(await send(`{ __type(name: "Query") { name } }`), "Unauthenticated - Introspection (__type) needs a valid access token", "UNAUTHENTICATED");
    expectRefused(
      await send(`{ ...Q } fragment Q on Query { __schema { types { name } } }`),
      "Unauthenticated - Introspection (__schema) needs a valid access token",
      "UNAUTHENTICATED",
    );
  });

  it("is served with a user token or an API key", async () => {
    for (const token of [ws.accessToken, ws.apiKeyToken]) {
      const result = await send(`{ __schema { queryType { name } } __type(name: "User") { name } }`, token);
      expectServed(result);
      expect(result.data).toEqual({ __schema: { queryType: { name: "Query" } }, __type: { name: "User" } });
    }
  });

  it("__typename needs no token", async () => {
    const result = await send(`{ __typename }`);
    expectServed(result);
    expect(result.data).toEqual({ __typename: "Query" });
  });
});

const browserGet = (w: TestWorker, path: string) => w.fetch(path, { headers: { accept: "text/html" } });

describe("GraphiQL", () => {
  it("is not served in the test environment", async () => {
    for (const endpoint of endpoints) {
      const res = await browserGet(worker, endpoint);
      expect(res.headers.get("content-type") ?? "").not.toContain("text/html");
      expect(await res.text()).not.toMatch(/graphiql/i);
    }
  });

  describe("on a development server", () => {
    let dev: TestWorker;
    beforeAll(async () => {
      dev = await startTestWorker({ ENVIRONMENT: "development" });
    });
    afterAll(() => dev?.close());

    it("is served to a browser on both endpoints, and GraphQL still answers", async () => {
      for (const endpoint of endpoints) {
        const res = await browserGet(dev, endpoint);
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toContain("text/html");
        const html = await res.text();
        expect(html).toMatch(/graphiql/i);
        expect(html).toContain(`crm-edge ${endpoint}`);
        expect((await gql(dev, `{ __typename }`, {}, { endpoint })).data).toEqual({ __typename: "Query" });
      }
    });
  });
});
