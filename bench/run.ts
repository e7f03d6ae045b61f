import { parseArgs } from "node:util";
import { startBenchEnvironment } from "./environment.ts";
import { runHttpLoad } from "./http-load.ts";
import { metadataLoad, workspaceCreation } from "./metadata-scenarios.ts";
import { scenarios } from "./scenarios.ts";
import { useLocalRelay } from "../src/db/local-relay.ts";
import { parseDriver } from "../scripts/local/drivers.ts";
import { runSqlLoad, type SqlStatement } from "./sql-load.ts";
import { formatStats } from "./stats.ts";

/**
 * `npm run bench [-- <scenario>...] [--connections 8] [--seconds 10] [--db postgres|pglite] [--driver pg|neon]`: starts a database,
 * the relay and the Worker, loads each scenario over loopback, then replays the scenario's own SQL through
 * the same driver with the same concurrency and prints the ratio. A benchmark, not a test: nothing asserts.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    connections: { type: "string", default: "8" },
    seconds: { type: "string", default: "10" },
    db: { type: "string" },
    driver: { type: "string" },
  },
});
const connections = Number(values.connections);
const seconds = Number(values.seconds);
const timedScenarios = ["workspace-create", "metadata-load"];
const known = [...scenarios.map((s) => s.name), ...timedScenarios];
const unknown = positionals.filter((name) => !known.includes(name));
if (unknown.length > 0) {
  console.error(`unknown scenario ${unknown.join(", ")}; known: ${known.join(", ")}`);
  process.exit(1);
}
const wanted = (name: string) => positionals.length === 0 || positionals.includes(name);
const chosen = scenarios.filter((s) => wanted(s.name));

const env = await startBenchEnvironment(values.db, parseDriver(values.driver, "--driver"));
// The replayed SQL goes through the relay exactly as the Worker's own statements do.
useLocalRelay(env.relayAddress);
console.log(`crm-edge bench: ${env.backend}, driver ${env.driver}, ${connections} connections, ${seconds} s per run, loopback\n`);
try {
  for (const scenario of chosen) {
    await scenario.setup?.(env);
    const request = scenario.request(env);
    const url = env.baseUrl + request.path;
    const init = { method: request.method ?? "GET", headers: request.headers ?? {}, ...(request.body ? { body: request.body } : {}) };
    // One request first, so the capture holds a warm request's SQL (no metadata load into a cold cache).
    await fetch(url, init).then((res) => res.arrayBuffer());
    const statements = scenario.runsSql ? await captureStatements(url, init) : [];
    await runHttpLoad({ url, ...init, connections, seconds: 2 });
    const worker = await runHttpLoad({ url, ...init, connections, seconds });
    console.log(`${scenario.name}: ${scenario.description}`);
    console.log(formatStats("  Worker (HTTP)", worker));
    if (statements.length) {
      const sql = await runSqlLoad(env.databaseUrl, env.driver, statements, connections, seconds);
      console.log(formatStats(`  same SQL, ${statements.length} stmt (driver)`, sql));
      console.log(`  ratio Worker/SQL: throughput ${(worker.rps / sql.rps).toFixed(2)}, p50 ${(worker.p50 / sql.p50).toFixed(2)}, p99 ${(worker.p99 / sql.p99).toFixed(2)}`);
    }
    console.log("");
  }
  if (wanted("workspace-create")) await workspaceCreation(env, 10);
  if (wanted("metadata-load")) await metadataLoad(env, connections, seconds);
} finally {
  await env.stop();
}

/** One request with the relay recording: the statements it ran, in order, with their parameters. */
async function captureStatements(url: string, init: RequestInit): Promise<SqlStatement[]> {
  const capture = `http://${env.relayAddress}/capture?database=${encodeURIComponent(env.databaseName)}`;
  await fetch(capture, { method: "POST" });
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  const { statements } = (await (await fetch(capture)).json()) as { statements: Array<{ query: string; params?: unknown[] }> };
  return statements.map((s) => ({ query: s.query, params: s.params ?? [] }));
}
