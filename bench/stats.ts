export interface RunStats {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Throughput and latency percentiles (ms) from every recorded latency of a run. */
export function summarize(latencies: number[], errors: number, seconds: number): RunStats {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN);
  return { requests: sorted.length, errors, seconds, rps: sorted.length / seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

export function formatStats(label: string, stats: RunStats): string {
  const ms = (v: number) => `${v.toFixed(2)} ms`;
  return `${label.padEnd(28)} ${stats.rps.toFixed(0).padStart(7)} req/s   p50 ${ms(stats.p50)}   p95 ${ms(stats.p95)}   p99 ${ms(stats.p99)}   (${stats.requests} requests, ${stats.errors} errors)`;
}
