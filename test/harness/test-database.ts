import { readFile } from "node:fs/promises";
import pg from "pg";
import { startEmbeddedPostgres } from "../../scripts/local/pglite-server.ts";
import { databaseKey, registerExclusiveTarget } from "../../scripts/local/relay.ts";
import type { HarnessInfo } from "./backend.ts";

export interface TestDatabase {
  url: string;
  /** The key the relay counts statements under (`databaseKey`). */
  name: string;
  /** A direct connection for setting up and checking state behind the Worker's back. */
  sql: pg.Client;
  drop(): Promise<void>;
}

/** A database of the test file's own, already migrated: a template clone, or a PGlite booted from a snapshot. */
export async function createTestDatabase(harness: HarnessInfo): Promise<TestDatabase> {
  if (harness.backend === "postgres") {
    const name = `t_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: harness.clusterUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${harness.templateDatabase}`);
    await admin.end();
    const url = harness.clusterUrl!.replace(/\/postgres$/, `/${name}`);
    const sql = await connect(url);
    return {
      url,
      name: databaseKey(url),
      sql,
      async drop() {
        await sql.end();
        const dropper = new pg.Client({ connectionString: harness.clusterUrl });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.end();
      },
    };
  }
  const snapshot = new Blob([await readFile(harness.pgliteSnapshot!)]);
  const embedded = await startEmbeddedPostgres({ snapshot });
  await registerExclusiveTarget(harness.relayAddress, embedded.url);
  const sql = await connect(embedded.url);
  return {
    url: embedded.url,
    name: databaseKey(embedded.url),
    sql,
    async drop() {
      await sql.end();
      await embedded.stop();
    },
  };
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  return client;
}
