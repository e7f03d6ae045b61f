import { env } from "cloudflare:workers";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type * as schema from "../../drizzle/schema/index.ts";
import type { AppConfig } from "../config/env.ts";
import { createNeonDatabase } from "./neon-database.ts";
import { createPgDatabase } from "./pg-database.ts";

export type SystemSchema = typeof schema;
/** Any connection or transaction, on any Postgres driver: code that runs statements accepts them all. */
export type Db = PgDatabase<PgQueryResultHKT, SystemSchema>;
export type Tx = PgTransaction<PgQueryResultHKT, SystemSchema, ExtractTablesWithRelations<SystemSchema>>;

export interface Database {
  /**
   * Single statements outside any transaction: reads and single-statement writes. On Neon one HTTP round
   * trip each; through Hyperdrive one connection of the request's, opened on first use.
   */
  http: Db;
  /** An interactive transaction on a connection of its own, opened on first use. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Ends the request's connections if any were opened; the request's `waitUntil` calls it. */
  close(): Promise<void>;
}

/**
 * The driver is chosen by the deploy: a `HYPERDRIVE` binding means `pg` over TCP through Hyperdrive (the
 * binding's connection string; locally its `localConnectionString`), otherwise Neon's serverless driver on
 * `DATABASE_URL`. The binding is read from the module-level env because validated config keeps only vars.
 */
export function createDatabase(config: Pick<AppConfig, "DATABASE_URL" | "NEON_LOCAL_RELAY">): Database {
  const hyperdrive = (env as { HYPERDRIVE?: Hyperdrive } | undefined)?.HYPERDRIVE;
  if (hyperdrive) return createPgDatabase(hyperdrive.connectionString);
  return createNeonDatabase(config.DATABASE_URL, config.NEON_LOCAL_RELAY);
}
