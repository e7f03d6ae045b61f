import { neon } from "@neondatabase/serverless";
import pg from "pg";
import type { LocalDriver } from "../scripts/local/drivers.ts";
import { summarize, type RunStats } from "./stats.ts";

export interface SqlStatement {
  query: string;
  params: unknown[];
}

/**
 * The same statements a request runs, sent straight through the same driver by `connections` concurrent
 * loops: the floor the Worker's latency is compared with. Neon: its HTTP client via the relay; pg: a pool
 * of `connections` connections opened once (the Worker opens its connection per request).
 */
export async function runSqlLoad(databaseUrl: string, driver: LocalDriver, statements: SqlStatement[], connections: number, seconds: number): Promise<RunStats> {
  const pool = driver === "pg" ? new pg.Pool({ connectionString: databaseUrl, max: connections }) : undefined;
  const sql = neon(databaseUrl);
  const run = (s: SqlStatement) => (pool ? pool.query(s.query, s.params) : sql.query(s.query, s.params));
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + seconds * 1000;
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (Date.now() < deadline) {
          const t = performance.now();
          try {
            for (const statement of statements) await run(statement);
            latencies.push(performance.now() - t);
          } catch {
            errors += 1;
          }
        }
      }),
    );
  } finally {
    await pool?.end();
  }
  return summarize(latencies, errors, (performance.now() - started) / 1000);
}
