import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "../../drizzle/schema/index.ts";
import type { Database } from "./database.ts";

/**
 * `pg` over TCP (through Hyperdrive in production). A socket belongs to the request that opened it in
 * workerd, so every request gets its own two lazy one-connection pools: one for single statements, one for
 * transactions, as on Neon where single statements never join a transaction.
 */
export function createPgDatabase(connectionString: string): Database {
  const pools: pg.Pool[] = [];
  const lazyPool = () => {
    const pool = new pg.Pool({ connectionString, max: 1 });
    // Without a listener, a socket error after end() ("This socket has been closed") is thrown as uncaught.
    pool.on("error", () => {});
    pool.on("connect", (client) => client.on("error", () => {}));
    pools.push(pool);
    return pool;
  };
  const http = drizzle({ client: lazyPool(), schema });
  let transactions: ReturnType<typeof drizzle<typeof schema>> | undefined;
  return {
    http,
    async transaction(work) {
      transactions ??= drizzle({ client: lazyPool(), schema });
      return transactions.transaction(work);
    },
    async close() {
      await Promise.all(pools.splice(0).map((pool) => pool.end()));
    },
  };
}
