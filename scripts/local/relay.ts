import http from "node:http";
import net from "node:net";
import pg from "pg";
import { WebSocketServer } from "ws";
import { ExclusiveLock } from "./exclusive-lock.ts";
import { isLoopbackHost } from "./loopback.ts";
import { pooledTunnel, ServerPool } from "./tcp-pool.ts";
import { socketEnd, tunnel, webSocketEnd, type TunnelContext } from "./tunnel.ts";
import type { WireStatement } from "./wire-counter.ts";

/**
 * A local stand-in for Neon's edge: it speaks the two protocols of `@neondatabase/serverless`
 * (Postgres over WebSocket at `/v2?address=host:port`, and SQL over HTTP at `/sql`) and forwards them to a
 * Postgres on this machine. It refuses any destination that is not loopback.
 *
 * For `pg` (the Hyperdrive driver, whose local connection string points here) it also passes plain TCP
 * through: `POST /tcp?address=host:port[&pooled=true]` opens a listener for that target and answers its
 * port; pooled, it lends warm server connections per transaction as Hyperdrive does.
 *
 * It counts the statements each database receives on every path (`GET /stats?database=<host:port/name>`,
 * see `databaseKey`: the total and the count per protocol), so tests can prove how many statements a request ran, and can record the statements
 * of one request (`/capture`), so the benchmark can replay exactly the SQL a route runs.
 *
 * A target registered as exclusive (`POST /exclusive?address=host:port`, for PGlite) is used by one client at
 * a time: from a client's first message until the server is idle again (see ExclusiveLock).
 */
export interface Relay {
  address: string;
  port: number;
  close(): Promise<void>;
}

/** How a statement reached the relay: Neon's SQL over HTTP, Neon's Pool over WebSocket, or `pg` over TCP. */
type Protocol = "http" | "websocket" | "tcp";

interface SqlQuery {
  query: string;
  params?: unknown[];
}

const rawText = { getTypeParser: () => (value: string) => value };
const neonErrorFields = [
  "severity", "code", "detail", "hint", "position", "internalPosition", "internalQuery", "where",
  "schema", "table", "column", "dataType", "constraint", "file", "line", "routine",
] as const;

/** Statements are counted per `host:port/database`: several PGlite servers all call their database `postgres`. */
export function databaseKey(connectionString: string): string {
  const url = new URL(connectionString);
  return `${url.hostname}:${url.port || 5432}/${decodeURIComponent(url.pathname.slice(1))}`;
}

/** Makes a target exclusive (see ExclusiveLock); PGlite servers are registered this way. */
export async function registerExclusiveTarget(relayAddress: string, targetUrl: string): Promise<void> {
  const target = new URL(targetUrl);
  const res = await fetch(`http://${relayAddress}/exclusive?address=${target.hostname}:${target.port}`, { method: "POST" });
  if (!res.ok) throw new Error(`relay refused to register ${target.host}`);
}

/**
 * `targetUrl` as `pg` should reach it through the relay's counting TCP pass-through: same user, database and
 * password (Hyperdrive's local binding insists on one, trust auth ignores it), the relay's port, no TLS.
 * `pooled`: the relay answers the startup and lends warm server connections per transaction (tcp-pool.ts).
 */
export async function countedTcpUrl(relayAddress: string, targetUrl: string, pooled = false): Promise<string> {
  const target = new URL(targetUrl);
  const res = await fetch(`http://${relayAddress}/tcp?address=${target.hostname}:${target.port || 5432}&pooled=${pooled}`, { method: "POST" });
  if (!res.ok) throw new Error(`relay refused a TCP pass-through to ${target.host}`);
  const { port } = (await res.json()) as { port: number };
  return hyperdriveUrl(targetUrl, `127.0.0.1:${port}`);
}

/** A URL Hyperdrive's local binding accepts: a password present and `sslmode=disable` (no TLS proxy in between). */
export function hyperdriveUrl(databaseUrl: string, host?: string): string {
  const url = new URL(databaseUrl);
  if (host) url.host = host;
  if (!url.password) url.password = "local";
  url.searchParams.set("sslmode", "disable");
  return url.href;
}

export async function startRelay(port = 0): Promise<Relay> {
  const pools = new Map<string, pg.Pool>();
  const statements = new Map<string, number>();
  const sockets = new Set<net.Socket>();
  const captures = new Map<string, SqlQuery[]>();
  const exclusive = new Map<string, ExclusiveLock>();
  const lockFor = (host: string, port: string | number) => exclusive.get(`${host}:${port}`);
  const byProtocol = new Map<string, Record<Protocol, number>>();
  const count = (database: string, protocol: Protocol, ran: SqlQuery[]) => {
    statements.set(database, (statements.get(database) ?? 0) + ran.length);
    const counts = byProtocol.get(database) ?? { http: 0, websocket: 0, tcp: 0 };
    counts[protocol] += ran.length;
    byProtocol.set(database, counts);
    captures.get(database)?.push(...ran);
  };
  const listeners = new Map<string, Promise<net.Server>>();
  const tunnelContext = (host: string, port: number, protocol: Protocol): TunnelContext => ({
    count: (database: string, statement: WireStatement) => count(`${host}:${port}/${database}`, protocol, [statement]),
    lock: lockFor(host, port),
    sockets,
  });
  const serverPools: ServerPool[] = [];
  const listenerFor = (host: string, port: number, pooled: boolean): Promise<net.Server> => {
    const key = `${host}:${port}${pooled ? " pooled" : ""}`;
    let listener = listeners.get(key);
    if (!listener) {
      const context = tunnelContext(host, port, "tcp");
      // PGlite is one session: one server connection, lent to one client at a time.
      const pool = pooled ? new ServerPool(host, port, context.lock ? 1 : 20) : undefined;
      if (pool) serverPools.push(pool);
      const server = net.createServer((socket) => (pool ? pooledTunnel(socket, pool, context) : tunnel(socketEnd(socket), host, port, context)));
      listener = new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
      listeners.set(key, listener);
    }
    return listener;
  };

  const poolFor = (connectionString: string): pg.Pool => {
    let pool = pools.get(connectionString);
    if (!pool) {
      pool = new pg.Pool({ connectionString, max: 10, idleTimeoutMillis: 5_000 });
      pool.on("error", () => {});
      pools.set(connectionString, pool);
    }
    return pool;
  };

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://relay");
      if (req.method === "GET" && url.pathname === "/stats") {
        const database = url.searchParams.get("database");
        const body = database
          ? { statements: statements.get(database) ?? 0, byProtocol: byProtocol.get(database) ?? { http: 0, websocket: 0, tcp: 0 } }
          : Object.fromEntries(statements);
        return send(res, 200, body);
      }
      if (req.method === "POST" && url.pathname === "/exclusive") {
        const address = url.searchParams.get("address") ?? "";
        exclusive.set(address, new ExclusiveLock());
        return send(res, 200, { exclusive: address });
      }
      if (req.method === "POST" && url.pathname === "/tcp") {
        const [host, targetPort] = splitAddress(url.searchParams.get("address") ?? "");
        if (!isLoopbackHost(host) || !Number.isInteger(targetPort)) return send(res, 400, { message: "relay only reaches loopback" });
        const listener = await listenerFor(host, targetPort, url.searchParams.get("pooled") === "true");
        return send(res, 200, { port: (listener.address() as net.AddressInfo).port });
      }
      if (url.pathname === "/capture") {
        const database = url.searchParams.get("database") ?? "";
        if (req.method === "POST") {
          captures.set(database, []);
          return send(res, 200, { capturing: database });
        }
        const captured = captures.get(database) ?? [];
        captures.delete(database);
        return send(res, 200, { statements: captured });
      }
      if (req.method === "POST" && url.pathname === "/sql") {
        const target = req.headers["neon-connection-string"];
        if (typeof target !== "string") return send(res, 400, { message: "missing Neon-Connection-String" });
        const parsed = new URL(target);
        if (!isLoopbackHost(parsed.hostname)) return send(res, 400, { message: "relay only reaches loopback" });
        const payload = JSON.parse(await readBody(req)) as SqlQuery | { queries: SqlQuery[] };
        const database = databaseKey(target);
        count(database, "http", "queries" in payload ? payload.queries : [payload]);
        const pool = poolFor(target);
        const release = await lockFor(parsed.hostname, parsed.port || 5432)?.acquire();
        try {
          if ("queries" in payload) {
            return send(res, 200, { results: await runBatch(pool, payload.queries, req.headers) });
          }
          const result = await pool.query({ text: payload.query, values: payload.params ?? [], rowMode: "array", types: rawText });
          return send(res, 200, toNeonResult(result));
        } finally {
          release?.();
        }
      }
      send(res, 404, { message: "not found" });
    } catch (error) {
      const body: Record<string, unknown> = { message: error instanceof Error ? error.message : String(error) };
      for (const field of neonErrorFields) {
        const value = (error as Record<string, unknown>)[field];
        if (value !== undefined) body[field] = value;
      }
      send(res, 400, body);
    }
  });

  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req, socket, head) => {
    const url = new URL(req.url ?? "/", "http://relay");
    const [host, targetPort] = splitAddress(url.searchParams.get("address") ?? "");
    if (url.pathname !== "/v2" || !isLoopbackHost(host) || !Number.isInteger(targetPort)) {
      socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => tunnel(webSocketEnd(ws), host, targetPort, tunnelContext(host, targetPort, "websocket")));
  });

  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.address() as net.AddressInfo).port;
  return {
    address: `127.0.0.1:${bound}`,
    port: bound,
    async close() {
      for (const socket of sockets) socket.destroy();
      for (const client of wss.clients) client.terminate();
      server.closeAllConnections();
      for (const listener of listeners.values()) (await listener).close();
      for (const pool of serverPools) pool.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...pools.values()].map((pool) => pool.end()));
    },
  };
}

async function runBatch(pool: pg.Pool, queries: SqlQuery[], headers: http.IncomingHttpHeaders) {
  const client = await pool.connect();
  let begin = "BEGIN";
  const isolation = headers["neon-batch-isolation-level"];
  if (typeof isolation === "string") begin += ` ISOLATION LEVEL ${isolationSql(isolation)}`;
  if (headers["neon-batch-read-only"] === "true") begin += " READ ONLY";
  if (headers["neon-batch-deferrable"] === "true") begin += " DEFERRABLE";
  try {
    await client.query(begin);
    const results = [];
    for (const q of queries) {
      results.push(toNeonResult(await client.query({ text: q.query, values: q.params ?? [], rowMode: "array", types: rawText })));
    }
    await client.query("COMMIT");
    return results;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

function isolationSql(level: string): string {
  const known: Record<string, string> = {
    ReadUncommitted: "READ UNCOMMITTED",
    ReadCommitted: "READ COMMITTED",
    RepeatableRead: "REPEATABLE READ",
    Serializable: "SERIALIZABLE",
  };
  const sql = known[level];
  if (!sql) throw new Error(`unknown isolation level ${level}`);
  return sql;
}

function toNeonResult(result: pg.QueryResult) {
  return {
    command: result.command,
    rowCount: result.rowCount,
    rowAsArray: true,
    fields: result.fields.map((f) => ({
      name: f.name,
      tableID: f.tableID,
      columnID: f.columnID,
      dataTypeID: f.dataTypeID,
      dataTypeSize: f.dataTypeSize,
      dataTypeModifier: f.dataTypeModifier,
      format: f.format,
    })),
    rows: result.rows,
  };
}

function splitAddress(address: string): [string, number] {
  const separator = address.lastIndexOf(":");
  return [address.slice(0, separator), Number(address.slice(separator + 1))];
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
