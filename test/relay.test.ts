import { neon, neonConfig, Pool } from "@neondatabase/serverless";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import WebSocket from "ws";
import { startMiniflareWorker } from "../scripts/local/miniflare-worker.ts";
import { countedTcpUrl } from "../scripts/local/relay.ts";
import { useLocalRelay } from "../src/db/local-relay.ts";
import { createTestDatabase, type TestDatabase } from "./harness/test-database.ts";

let db: TestDatabase;
const relay = inject("harness").relayAddress;

beforeAll(async () => {
  db = await createTestDatabase(inject("harness"));
  neonConfig.webSocketConstructor = WebSocket;
  useLocalRelay(relay);
});
afterAll(() => db?.drop());

describe("the local Neon relay", () => {
  it("serves Neon's SQL-over-HTTP: typed rows, parameters, errors with Postgres fields", async () => {
    const sql = neon(db.url);
    const rows = await sql.query("SELECT $1::int + 1 AS n, now() AS t, '{\"a\":1}'::jsonb AS j, NULL::text AS x", [41]);
    expect(rows).toEqual([{ n: 42, t: expect.any(Date), j: { a: 1 }, x: null }]);
    await expect(sql.query("SELECT * FROM no_such_table")).rejects.toMatchObject({ code: "42P01" });
  });

  it("runs an HTTP batch as one transaction that rolls back whole", async () => {
    const sql = neon(db.url);
    await sql.query("CREATE TABLE batch_probe (id int primary key)");
    await expect(
      sql.transaction([sql.query("INSERT INTO batch_probe VALUES (1)"), sql.query("INSERT INTO batch_probe VALUES (1)")]),
    ).rejects.toMatchObject({ code: "23505" });
    expect(await sql.query("SELECT count(*)::int AS n FROM batch_probe")).toEqual([{ n: 0 }]);
  });

  it("tunnels Postgres over WebSocket for interactive transactions", async () => {
    const pool = new Pool({ connectionString: db.url });
    const client = await pool.connect();
    try {
      await client.query("CREATE TABLE tx_probe (id int)");
      await client.query("BEGIN");
      await client.query("INSERT INTO tx_probe VALUES (1)");
      const inside = await client.query("SELECT count(*)::int AS n FROM tx_probe");
      await client.query("ROLLBACK");
      const after = await client.query("SELECT count(*)::int AS n FROM tx_probe");
      expect([inside.rows[0].n, after.rows[0].n]).toEqual([1, 0]);
    } finally {
      client.release();
      await pool.end();
    }
  });

  it("counts the statements each database receives", async () => {
    const before = await stats();
    await neon(db.url).query("SELECT 1");
    const pool = new Pool({ connectionString: db.url });
    await pool.query("SELECT 2");
    await pool.end();
    expect(await stats()).toBe(before + 2);
  });

  it("refuses destinations off loopback, over HTTP and WebSocket", async () => {
    const res = await fetch(`http://${relay}/sql`, {
      method: "POST",
      headers: { "Neon-Connection-String": "postgres://u:p@10.1.2.3:5432/db" },
      body: JSON.stringify({ query: "SELECT 1", params: [] }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ message: "relay only reaches loopback" });

    const refused = await new Promise<string>((resolve) => {
      const ws = new WebSocket(`ws://${relay}/v2?address=93.184.216.34:5432`);
      ws.on("open", () => resolve("open"));
      ws.on("unexpected-response", (_req, response) => resolve(String(response.statusCode)));
      ws.on("error", () => resolve("error"));
    });
    expect(refused).toBe("403");
  });
});

async function stats(): Promise<number> {
  const res = await fetch(`http://${relay}/stats?database=${encodeURIComponent(db.name)}`);
  return ((await res.json()) as { statements: number }).statements;
}

describe("the relay's counting TCP pass-through (pg, Hyperdrive's local connection string)", () => {
  it("serves pg over plain TCP, transactions included, and counts and records its statements", async () => {
    const client = new pg.Client({ connectionString: await countedTcpUrl(relay, db.url) });
    client.on("error", () => {});
    await client.connect();
    try {
      const before = await protocolStats();
      await client.query("CREATE TABLE tcp_probe (id int, label text)");
      await client.query("BEGIN");
      await client.query("INSERT INTO tcp_probe VALUES ($1, $2)", [1, "one"]);
      await client.query("ROLLBACK");
      expect((await client.query("SELECT count(*)::int AS n FROM tcp_probe")).rows).toEqual([{ n: 0 }]);
      const after = await protocolStats();
      expect(after.tcp - before.tcp).toBe(5);
      expect([after.http, after.websocket]).toEqual([before.http, before.websocket]);

      const capture = `http://${relay}/capture?database=${encodeURIComponent(db.name)}`;
      await fetch(capture, { method: "POST" });
      await client.query("SELECT $1::int AS n, $2::text AS t", [7, null]);
      const captured = (await (await fetch(capture)).json()) as { statements: unknown[] };
      expect(captured.statements).toEqual([{ query: "SELECT $1::int AS n, $2::text AS t", params: ["7", null] }]);
    } finally {
      await client.end();
    }
  });

  it("pooled: answers the startup itself and lends warm server connections per transaction, counted the same", async () => {
    const url = await countedTcpUrl(relay, db.url, true);
    const open = async () => {
      const client = new pg.Client({ connectionString: url });
      client.on("error", () => {});
      await client.connect();
      return client;
    };
    const before = await protocolStats();
    const pids = new Set<number>();
    for (let i = 0; i < 5; i++) {
      const client = await open();
      pids.add((await client.query("SELECT pg_backend_pid() AS pid")).rows[0].pid);
      await client.end();
    }
    expect(pids.size).toBe(1);
    expect((await protocolStats()).tcp - before.tcp).toBe(5);

    const a = await open();
    const b = await open();
    try {
      await a.query("CREATE TABLE pool_probe (id int)");
      await a.query("BEGIN");
      await a.query("INSERT INTO pool_probe VALUES (1)");
      // Not awaited: on PGlite (one session) it waits for a's transaction to end.
      const seenByB = b.query("SELECT count(*)::int AS n FROM pool_probe");
      expect((await a.query("SELECT count(*)::int AS n FROM pool_probe")).rows).toEqual([{ n: 1 }]);
      await a.query("ROLLBACK");
      expect((await seenByB).rows).toEqual([{ n: 0 }]);
    } finally {
      await a.end();
      await b.end();
    }
  });

  it("pooled: a client gone mid-transaction does not hand its transaction to the next", async () => {
    const url = await countedTcpUrl(relay, db.url, true);
    const leaving = new pg.Client({ connectionString: url });
    leaving.on("error", () => {});
    await leaving.connect();
    await leaving.query("CREATE TABLE pool_leave (id int)");
    await leaving.query("BEGIN");
    await leaving.query("INSERT INTO pool_leave VALUES (1)");
    await leaving.end();
    const next = new pg.Client({ connectionString: url });
    next.on("error", () => {});
    await next.connect();
    try {
      expect((await next.query("SELECT count(*)::int AS n FROM pool_leave")).rows).toEqual([{ n: 0 }]);
      await next.query("BEGIN");
      await next.query("COMMIT");
    } finally {
      await next.end();
    }
  });

  it("refuses destinations off loopback", async () => {
    const res = await fetch(`http://${relay}/tcp?address=10.1.2.3:5432`, { method: "POST" });
    expect(res.status).toBe(400);
  });

  it("is what a Worker with a Hyperdrive binding reaches: the pg driver, not Neon's", async () => {
    const harness = inject("harness");
    const { mf, url } = await startMiniflareWorker(
      harness.bundleDir,
      { APP_SECRET: harness.appSecret, DATABASE_URL: db.url, NEON_LOCAL_RELAY: relay, ENVIRONMENT: "test", LOG_LEVEL: "warn" },
      { hyperdrive: await countedTcpUrl(relay, db.url, true) },
    );
    try {
      const before = await protocolStats();
      expect((await fetch(new URL("/healthz", url))).status).toBe(200);
      const after = await protocolStats();
      expect(after.tcp).toBeGreaterThan(before.tcp);
      expect([after.http, after.websocket]).toEqual([before.http, before.websocket]);
    } finally {
      await mf.dispose();
    }
  });
});

async function protocolStats(): Promise<{ http: number; websocket: number; tcp: number }> {
  const res = await fetch(`http://${relay}/stats?database=${encodeURIComponent(db.name)}`);
  return ((await res.json()) as { byProtocol: { http: number; websocket: number; tcp: number } }).byProtocol;
}
