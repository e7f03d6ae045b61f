import { seedThroughApi, someCompanyId } from "./api-seed.ts";
import { compareScenarios, type Target } from "./compare-scenarios.ts";
import { startBenchEnvironment, type BenchEnvironment } from "./environment.ts";
import { runHttpLoadRaw, type RawLoad } from "./http-load.ts";
import { sampleWorkerRss } from "./process-memory.ts";
import { summarize, type RunStats } from "./stats.ts";
import type { LocalDriver } from "../scripts/local/drivers.ts";

export interface CompareOptions {
  /** B: a Twenty-compatible server's base URL, or `local` for a second crm-edge started here. */
  against: string;
  token: string | undefined;
  /** A: a running crm-edge; omitted, one is started here (database, relay, Worker). */
  base: string | undefined;
  baseToken: string | undefined;
  seed: number;
  rounds: number;
  seconds: number;
  connections: number;
  db: string | undefined;
  driver: LocalDriver;
}

/**
 * `npm run bench -- compare --against URL --token T`: every scenario against A (crm-edge) and B, alternating
 * A B A B so both see the same machine conditions, latencies pooled per server over the rounds.
 */
export async function runCompare(options: CompareOptions): Promise<void> {
  const started: BenchEnvironment[] = [];
  try {
    const a = await resolveTarget("A", options.base, options.baseToken, options, started);
    const b = await resolveTarget("B", options.against === "local" ? undefined : options.against, options.token, options, started);
    for (const target of [a, b]) {
      const count = await seedThroughApi(target, options.seed);
      target.companyId = await someCompanyId(target);
      console.log(`${target.label}: ${target.baseUrl} (${count} companies with 2 people each)`);
    }
    console.log(`${options.connections} connections, ${options.rounds} rounds of ${options.seconds} s per server and scenario, A B A B\n`);
    const memory = sampleWorkerRss();
    console.log(header());
    for (const scenario of compareScenarios) {
      const loads = { A: [] as RawLoad[], B: [] as RawLoad[] };
      const broken = [];
      for (const target of [a, b]) {
        const problem = await probe(target, scenario.request(target));
        if (problem) broken.push(`${target.label}: ${problem}`);
      }
      if (broken.length) {
        console.log(`${scenario.name.padEnd(24)} skipped (${broken.join("; ")})`);
        continue;
      }
      for (const target of [a, b]) await load(target, scenario.request(target), options.connections, 1);
      for (let round = 0; round < options.rounds; round++) {
        for (const target of [a, b]) loads[target.label as "A" | "B"].push(await load(target, scenario.request(target), options.connections, options.seconds));
      }
      console.log(row(scenario.name, pooled(loads.A), pooled(loads.B)));
    }
    const rss = memory.stop();
    console.log(`\nworkerd RSS during the run (${rss.samples} samples): ${rss.ownProcesses} started by this command: peak ${rss.peak.ownMb.toFixed(0)} MB, mean ${rss.mean.ownMb.toFixed(0)} MB; all workerd on the machine peak ${rss.peak.allMb.toFixed(0)} MB, mean ${rss.mean.allMb.toFixed(0)} MB`);
  } finally {
    for (const env of started.reverse()) await env.stop();
  }
}

async function resolveTarget(label: string, url: string | undefined, token: string | undefined, options: CompareOptions, started: BenchEnvironment[]): Promise<Target> {
  if (url) {
    if (!token) throw new Error(`${label} (${url}) needs a token: --${label === "A" ? "base-token" : "token"}`);
    return { label, baseUrl: url.replace(/\/$/, ""), token };
  }
  const env = await startBenchEnvironment(options.db, options.driver);
  started.push(env);
  return { label, baseUrl: env.baseUrl, token: env.apiToken };
}

async function probe(target: Target, request: ReturnType<(typeof compareScenarios)[number]["request"]>): Promise<string | undefined> {
  const res = await fetch(target.baseUrl + request.path, { method: request.method, headers: request.headers, ...(request.body ? { body: request.body } : {}) });
  const text = await res.text();
  if (!res.ok) return `${res.status} ${text.slice(0, 160)}`;
  if (request.path === "/graphql" && text.includes('"errors"')) return text.slice(0, 160);
  return undefined;
}

function load(target: Target, request: ReturnType<(typeof compareScenarios)[number]["request"]>, connections: number, seconds: number) {
  return runHttpLoadRaw({ url: target.baseUrl + request.path, method: request.method, headers: request.headers, ...(request.body ? { body: request.body } : {}), connections, seconds });
}

function pooled(loads: RawLoad[]): RunStats {
  return summarize(loads.flatMap((l) => l.latencies), loads.reduce((n, l) => n + l.errors, 0), loads.reduce((n, l) => n + l.seconds, 0));
}

const num = (value: number, width: number, digits = 0) => value.toFixed(digits).padStart(width);

function header(): string {
  return `${"scenario".padEnd(24)} ${"A req/s".padStart(8)} ${"p50".padStart(7)} ${"p99".padStart(7)} | ${"B req/s".padStart(8)} ${"p50".padStart(7)} ${"p99".padStart(7)} | ${"A/B req/s".padStart(9)} ${"A/B p50".padStart(8)} ${"A/B p99".padStart(8)}  errors A/B`;
}

function row(name: string, a: RunStats, b: RunStats): string {
  return `${name.padEnd(24)} ${num(a.rps, 8)} ${num(a.p50, 7, 1)} ${num(a.p99, 7, 1)} | ${num(b.rps, 8)} ${num(b.p50, 7, 1)} ${num(b.p99, 7, 1)} | ${num(a.rps / b.rps, 9, 2)} ${num(a.p50 / b.p50, 8, 2)} ${num(a.p99 / b.p99, 8, 2)}  ${a.errors}/${b.errors}`;
}
