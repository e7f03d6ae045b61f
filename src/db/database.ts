import { neon, Pool } from "@neondatabase/serverless";
import { drizzle as drizzleHttp, type NeonHttpDatabase } from "drizzle-orm/neon-http";
import { drizzle as drizzlePool, type NeonDatabase } from "drizzle-orm/neon-serverless";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "../../drizzle/schema/index.ts";
import type { AppConfig } from "../config/env.ts";
import { useLocalRelay } from "./local-relay.ts";

export type SystemSchema = typeof schema;
export type HttpDb = NeonHttpDatabase<SystemSchema>;
export type PoolDb = NeonDatabase<SystemSchema>;
export type Tx = Parameters<Parameters<PoolDb["transaction"]>[0]>[0];
/** Any connection or transaction, on any Postgres driver: code that runs statements accepts them all. */
export type Db = PgDatabase<PgQueryResultHKT, SystemSchema>;

export interface Database {
  /** One HTTP round trip per statement: reads and single-statement writes. */
  http: HttpDb;
  /** An interactive transaction over a WebSocket connection, opened on first use. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Ends the WebSocket pool if one was opened; the request's `waitUntil` calls it. */
  close(): Promise<void>;
}

// The HTTP client holds no I/O object between calls, so one per isolate and URL is safe to share.
const httpClients = new Map<string, HttpDb>();

function httpClient(url: string): HttpDb {
  let db = httpClients.get(url);
  if (!db) {
    db = drizzleHttp({ client: neon(url), schema });
    httpClients.set(url, db);
  }
  return db;
}

export function createDatabase(config: Pick<AppConfig, "DATABASE_URL" | "NEON_LOCAL_RELAY">): Database {
  if (config.NEON_LOCAL_RELAY) useLocalRelay(config.NEON_LOCAL_RELAY);
  // A WebSocket belongs to the request that opened it in workerd, so the pool is per request.
  let pool: Pool | undefined;
  return {
    http: httpClient(config.DATABASE_URL),
    async transaction(work) {
      pool ??= new Pool({ connectionString: config.DATABASE_URL, max: 1 });
      return drizzlePool({ client: pool, schema }).transaction(work);
    },
    async close() {
      const open = pool;
      pool = undefined;
      await open?.end();
    },
  };
}
