import { startCluster } from "./scripts/local/postgres-cluster.ts";
import { applyMigrations } from "./scripts/local/migrate.ts";
import { seedDemo } from "./scripts/local/seed-demo.ts";
import pg from "pg";
const cluster = await startCluster();
try {
  await applyMigrations(cluster.url);
  let t = Date.now();
  console.log(await seedDemo(cluster.url, "x".repeat(40)), Date.now() - t);
  t = Date.now();
  console.log((await seedDemo(cluster.url, "x".repeat(40))).email, Date.now() - t);
  const c = new pg.Client(cluster.url); await c.connect();
  console.log((await c.query(`select count(*) from information_schema.tables where table_schema like 'workspace_%'`)).rows);
  console.log((await c.query(`select count(*) from core."fieldMetadata"`)).rows, (await c.query(`select * from core."indexMetadata"`)).rows.length);
  await c.end();
} catch (e) { console.error(e); } finally { await cluster.stop(); }
