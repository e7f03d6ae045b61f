import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { freePort } from "./loopback.ts";

export interface EmbeddedPostgres {
  url: string;
  port: number;
  db: PGlite;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** A folder that keeps the data across restarts; omitted = in memory. */
  dataDir?: string;
  /** A `dumpDataDir()` tarball to start from (much faster than initdb). */
  snapshot?: Blob;
  port?: number;
}

/**
 * PGlite (Postgres compiled to WASM) served over the wire protocol on loopback, so the same drivers reach it
 * as reach a real server. It runs every message through one queue: fine for a laptop, not for load.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions = {}): Promise<EmbeddedPostgres> {
  const db = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.snapshot ? { loadDataDir: options.snapshot } : {}),
    extensions: { unaccent, pg_trgm },
  });
  const port = options.port ?? (await freePort());
  // Workers close their connections late, so a single slot (the default) would starve them.
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 50 });
  await server.start();
  let stopped = false;
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    port,
    db,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
    },
  };
}
