import { neon } from "@neondatabase/serverless";
import { summarize, type RunStats } from "./stats.ts";

export interface SqlStatement {
  query: string;
  params: unknown[];
}

/**
 * The same statements a request runs, sent straight through the same driver (Neon's HTTP client, via the
 * relay) by `connections` concurrent loops: the floor the Worker's latency is compared with.
 */
export async function runSqlLoad(databaseUrl: string, statements: SqlStatement[], connections: number, seconds: number): Promise<RunStats> {
  const sql = neon(databaseUrl);
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < deadline) {
        const t = performance.now();
        try {
          for (const statement of statements) await sql.query(statement.query, statement.params);
          latencies.push(performance.now() - t);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  return summarize(latencies, errors, (performance.now() - started) / 1000);
}
