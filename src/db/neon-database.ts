import { neon, Pool } from "@neondatabase/serverless";
import { drizzle as drizzleHttp, type NeonHttpDatabase } from "drizzle-orm/neon-http";
import { drizzle as drizzlePool } from "drizzle-orm/neon-serverless";
import * as schema from "../../drizzle/schema/index.ts";
import type { Database, SystemSchema } from "./database.ts";
import { useLocalRelay } from "./local-relay.ts";

// The HTTP client holds no I/O object between calls, so one per isolate and URL is safe to share.
const httpClients = new Map<string, NeonHttpDatabase<SystemSchema>>();

function httpClient(url: string): NeonHttpDatabase<SystemSchema> {
  let db = httpClients.get(url);
  if (!db) {
    db = drizzleHttp({ client: neon(url), schema });
    httpClients.set(url, db);
  }
  return db;
}

/** Neon's serverless driver: SQL over HTTP for single statements, a WebSocket pool for transactions. */
export function createNeonDatabase(databaseUrl: string, localRelay: string | undefined): Database {
  if (localRelay) useLocalRelay(localRelay);
  // A WebSocket belongs to the request that opened it in workerd, so the pool is per request.
  let pool: Pool | undefined;
  return {
    http: httpClient(databaseUrl),
    async transaction(work) {
      pool ??= new Pool({ connectionString: databaseUrl, max: 1 });
      return drizzlePool({ client: pool, schema }).transaction(work);
    },
    async close() {
      const open = pool;
      pool = undefined;
      await open?.end();
    },
  };
}
