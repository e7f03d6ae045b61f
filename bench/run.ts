import { parseArgs } from "node:util";
import { startBenchEnvironment } from "./environment.ts";
import { runHttpLoad } from "./http-load.ts";
import { metadataLoad, workspaceCreation } from "./metadata-scenarios.ts";
import { scenarios } from "./scenarios.ts";
import { useLocalRelay } from "../src/db/local-relay.ts";
import { parseDriver } from "../scripts/local/drivers.ts";
import { seedThroughApi } from "./api-seed.ts";
import { runCompare } from "./compare.ts";
import { scaleScenario } from "./scale-scenario.ts";
import { runSqlLoad, type SqlStatement } from "./sql-load.ts";
import { formatStats } from "./stats.ts";

/**
 * `npm run bench [-- <scenario>...] [--connections 8] [--seconds 10] [--db postgres|pglite] [--driver pg|neon]`: starts a database,
 * the relay and the Worker, loads each scenario over loopback, then replays the scenario's own SQL through
 * the same driver with the same concurrency and prints the ratio. A benchmark, not a test: nothing asserts.
 * `compare --against URL --token T [--base URL --base-token T] [--companies 600] [--rounds 2]` runs
 * Twenty's public-API scenarios against crm-edge (A, started here unless --base) and another server (B;
 * `--against local` starts a second crm-edge), A B A B; `seed --target URL --token T [--companies N]` loads
 * comparable data (N companies, 2 people each) through the public API.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    connections: { type: "string", default: "8" },
    seconds: { type: "string" },
    db: { type: "string" },
    driver: { type: "string" },
    // compare and seed
    against: { type: "string" },
    token: { type: "string" },
    base: { type: "string" },
    "base-token": { type: "string" },
    target: { type: "string" },
    companies: { type: "string", default: "600" },
    rounds: { type: "string", default: "2" },
  },
});
const connections = Number(values.connections);
// compare runs each server 2 × 5 s per scenario by default; the scenario benchmark 10 s.
const seconds = Number(values.seconds ?? (positionals[0] === "compare" ? 5 : 10));
if (positionals[0] === "compare") {
  if (!values.against) throw new Error("compare needs --against URL --token T (or --against local)");
  await runCompare({
    against: values.against,
    token: values.token,
    base: values.base,
    baseToken: values["base-token"],
    seed: Number(values.companies),
    rounds: Number(values.rounds),
    seconds,
    connections,
    db: values.db,
    driver: parseDriver(values.driver, "--driver"),
  });
  process.exit(0);
}
if (positionals[0] === "seed") {
  if (!values.target || !values.token) throw new Error("seed needs --target URL --token T [--companies N]");
  const count = await seedThroughApi({ label: values.target, baseUrl: values.target.replace(/\/$/, ""), token: values.token }, Number(values.companies));
  console.log(`${values.target}: ${count} companies with 2 people each`);
  process.exit(0);
}
const timedScenarios = ["workspace-create", "metadata-load", "scale"];
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
  // Opt-in: it grows the workspace to a million companies, which every later scenario would then read.
  if (positionals.includes("scale")) await scaleScenario(env, connections, seconds);
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
