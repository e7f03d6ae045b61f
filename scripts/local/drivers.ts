/** How the Worker reaches Postgres locally: Neon's serverless driver via the relay, or pg via a Hyperdrive binding. */
export type LocalDriver = "neon" | "pg";

/** `npm run dev`'s, the benchmark's and the tests' default (why: README, "Database drivers"). */
export const defaultDriver: LocalDriver = "neon";

/** Reads a driver name from the command line or the environment; empty means the default. */
export function parseDriver(value: string | undefined, source: string): LocalDriver {
  if (!value) return defaultDriver;
  if (value === "neon" || value === "pg") return value;
  throw new Error(`${source} must be "neon" or "pg", not "${value}"`);
}
