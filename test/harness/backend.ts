import { parseDriver, type LocalDriver } from "../../scripts/local/drivers.ts";
import { findPostgresBinaries } from "../../scripts/local/postgres-cluster.ts";

export type Backend = "postgres" | "pglite";

/** `CRM_TEST_DB` picks the database; by default a real Postgres when its binaries are installed. */
export function chooseBackend(): Backend {
  const wanted = process.env.CRM_TEST_DB;
  if (wanted === "postgres" || wanted === "pglite") return wanted;
  if (wanted) throw new Error(`CRM_TEST_DB must be "postgres" or "pglite", not "${wanted}"`);
  return findPostgresBinaries() ? "postgres" : "pglite";
}

export type Driver = LocalDriver;

/**
 * `CRM_TEST_DRIVER` picks how the Worker reaches Postgres: `neon` (Neon's serverless driver through the
 * relay) or `pg` (a Hyperdrive binding whose local connection string is the relay's counting TCP
 * pass-through); by default `npm run dev`'s.
 */
export function chooseDriver(): Driver {
  return parseDriver(process.env.CRM_TEST_DRIVER, "CRM_TEST_DRIVER");
}

/** What the global setup hands to every test file (`inject("harness")`). */
export interface HarnessInfo {
  backend: Backend;
  driver: Driver;
  /** postgres: superuser URL of the cluster; each file clones `templateDatabase`. */
  clusterUrl?: string;
  templateDatabase?: string;
  /** pglite: a migrated data-dir snapshot each file boots its own instance from. */
  pgliteSnapshot?: string;
  relayAddress: string;
  bundleDir: string;
  appSecret: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    harness: HarnessInfo;
  }
}
