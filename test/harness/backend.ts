import { findPostgresBinaries } from "../../scripts/local/postgres-cluster.ts";

export type Backend = "postgres" | "pglite";

/** `CRM_TEST_DB` picks the database; by default a real Postgres when its binaries are installed. */
export function chooseBackend(): Backend {
  const wanted = process.env.CRM_TEST_DB;
  if (wanted === "postgres" || wanted === "pglite") return wanted;
  if (wanted) throw new Error(`CRM_TEST_DB must be "postgres" or "pglite", not "${wanted}"`);
  return findPostgresBinaries() ? "postgres" : "pglite";
}

/** What the global setup hands to every test file (`inject("harness")`). */
export interface HarnessInfo {
  backend: Backend;
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
