import pg from "pg";
import type { BenchEnvironment } from "./environment.ts";
import { coreGraphql } from "./graphql-selection.ts";
import { runHttpLoad } from "./http-load.ts";
import { companyTable, seedLargeWorkspace } from "./seed-large.ts";
import { formatStats, type RunStats } from "./stats.ts";

const FILTER = "filter: { position: { gte: 5000 } }, orderBy: [{ position: AscNullsFirst }]";
const page = (after?: string) =>
  `{ companies(first: 60, ${FILTER}${after ? `, after: "${after}"` : ""}) { pageInfo { hasNextPage endCursor } edges { node { id name position employees } } } }`;

/** Companies up to `total` (positions continue the 10,000 of seedLargeWorkspace), written with SQL. */
async function growCompanies(databaseUrl: string, workspaceId: string, total: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { schema: s, companies } = await companyTable(client, workspaceId);
    if (companies >= total) return;
    const from = companies + 1;
    for (let start = from; start <= total; start += 100_000) {
      const end = Math.min(total, start + 99_999);
      await client.query(`INSERT INTO ${s}.company (name, employees, position, "domainNamePrimaryLinkUrl", "addressAddressCity", "createdBySource", "createdByName")
        SELECT 'Company ' || i, (i * 37) % 5000, i, 'https://company' || i || '.example.com', (ARRAY['Paris','Berlin','Lisbon','Austin'])[1 + i % 4], 'SYSTEM', 'Bench'
        FROM generate_series(${start}, ${end}) AS i`);
    }
    await client.query(`ANALYZE ${s}.company`);
  } finally {
    await client.end();
  }
}

async function measure(env: BenchEnvironment, connections: number, seconds: number): Promise<RunStats> {
  const first = await coreGraphql(env.baseUrl, env.apiToken, page());
  const body = JSON.stringify({ query: page(first.companies.pageInfo.endCursor) });
  const init = {
    url: `${env.baseUrl}/graphql`,
    method: "POST" as const,
    headers: { authorization: `Bearer ${env.apiToken}`, "content-type": "application/json" },
    body,
    connections,
  };
  await runHttpLoad({ ...init, seconds: 2 });
  return runHttpLoad({ ...init, seconds });
}

/**
 * The second page (a cursor) of a list filtered and ordered on `position`, on 10,000 companies and then on
 * 1,000,000 (seeded with SQL): the goal is within 2× (an index serves both; no totalCount is asked for).
 */
export async function scaleScenario(env: BenchEnvironment, connections: number, seconds: number): Promise<void> {
  console.log(`scale: POST /graphql companies(first: 60, after: <page 1's cursor>, position >= 5000, by position), no totalCount`);
  await seedLargeWorkspace(env.databaseUrl, env.workspaceId);
  const small = await measure(env, connections, seconds);
  console.log(formatStats("  10,000 companies", small));
  const seeding = performance.now();
  await growCompanies(env.databaseUrl, env.workspaceId, 1_000_000);
  console.log(`  (grew to 1,000,000 companies with SQL in ${((performance.now() - seeding) / 1000).toFixed(0)} s)`);
  const large = await measure(env, connections, seconds);
  console.log(formatStats("  1,000,000 companies", large));
  console.log(`  ratio 1M/10k: p50 ${(large.p50 / small.p50).toFixed(2)}, p99 ${(large.p99 / small.p99).toFixed(2)}, throughput ${(large.rps / small.rps).toFixed(2)}\n`);
}
