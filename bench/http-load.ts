import autocannon from "autocannon";
import { summarize, type RunStats } from "./stats.ts";

export interface HttpLoad {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  seconds: number;
}

export interface RawLoad {
  latencies: number[];
  errors: number;
  seconds: number;
}

/** autocannon drives the load; every response's latency is kept so p95 is exact (autocannon has no p95). */
export async function runHttpLoad(load: HttpLoad): Promise<RunStats> {
  const raw = await runHttpLoadRaw(load);
  return summarize(raw.latencies, raw.errors, raw.seconds);
}

/** The same, unsummarized, so runs can be pooled (compare's alternating rounds). */
export async function runHttpLoadRaw(load: HttpLoad): Promise<RawLoad> {
  const latencies: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: load.url,
        method: load.method ?? "GET",
        headers: load.headers ?? {},
        ...(load.body ? { body: load.body } : {}),
        connections: load.connections,
        duration: load.seconds,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 400) errors += 1;
      latencies.push(responseTime);
    });
  });
  errors += result.errors + result.timeouts;
  return { latencies, errors, seconds: result.duration };
}
