import { summarize, type RunStats } from "./stats.ts";

/** Runs `work` `times` times one after the other and summarizes the durations (ms). */
export async function timeSequential(times: number, work: (i: number) => Promise<void>): Promise<RunStats> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    try {
      await work(i);
      latencies.push(performance.now() - t);
    } catch (error) {
      errors += 1;
      if (errors === 1) console.error(error);
    }
  }
  return summarize(latencies, errors, (performance.now() - started) / 1000);
}
