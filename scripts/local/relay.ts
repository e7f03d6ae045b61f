import http from "node:http";
import net from "node:net";
import pg from "pg";
import { WebSocketServer, type WebSocket } from "ws";
import { ExclusiveLock } from "./exclusive-lock.ts";
import { isLoopbackHost } from "./loopback.ts";
import { ReadyWatcher } from "./ready-watcher.ts";
import { WireCounter } from "./wire-counter.ts";

/**
 * A local stand-in for Neon's edge: it speaks the two protocols of `@neondatabase/serverless`
 * (Postgres over WebSocket at `/v2?address=host:port`, and SQL over HTTP at `/sql`) and forwards them to a
 * Postgres on this machine. It refuses any destination that is not loopback.
 *
 * It also counts the statements each database receives (`GET /stats?database=<host:port/name>`, see
 * `databaseKey`), so tests can prove how many
 * statements a request ran, and can record the SQL-over-HTTP statements of one request (`/capture`), so the
 * benchmark can replay exactly the SQL a route runs.
 *
 * A target registered as exclusive (`POST /exclusive?address=host:port`, for PGlite) is used by one client at
 * a time: from a client's first message until the server is idle again (see ExclusiveLock).
 */
export interface Relay {
  address: string;
  port: number;
  close(): Promise<void>;
}

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

export async function startRelay(port = 0): Promise<Relay> {
  const pools = new Map<string, pg.Pool>();
  const statements = new Map<string, number>();
  const sockets = new Set<net.Socket>();
  const captures = new Map<string, SqlQuery[]>();
  const exclusive = new Map<string, ExclusiveLock>();
  const lockFor = (host: string, port: string | number) => exclusive.get(`${host}:${port}`);
  const count = (database: string, n = 1) => statements.set(database, (statements.get(database) ?? 0) + n);

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
        const body = database ? { statements: statements.get(database) ?? 0 } : Object.fromEntries(statements);
        return send(res, 200, body);
      }
      if (req.method === "POST" && url.pathname === "/exclusive") {
        const address = url.searchParams.get("address") ?? "";
        exclusive.set(address, new ExclusiveLock());
        return send(res, 200, { exclusive: address });
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
        captures.get(database)?.push(...("queries" in payload ? payload.queries : [payload]));
        const pool = poolFor(target);
        const release = await lockFor(parsed.hostname, parsed.port || 5432)?.acquire();
        try {
          if ("queries" in payload) {
            count(database, payload.queries.length);
            return send(res, 200, { results: await runBatch(pool, payload.queries, req.headers) });
          }
          count(database);
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
    const address = url.searchParams.get("address") ?? "";
    const separator = address.lastIndexOf(":");
    const host = address.slice(0, separator);
    const targetPort = Number(address.slice(separator + 1));
    if (url.pathname !== "/v2" || !isLoopbackHost(host) || !Number.isInteger(targetPort)) {
      socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
      return;
    }
    const countHere = (database: string) => count(`${host}:${targetPort}/${database}`);
    wss.handleUpgrade(req, socket, head, (ws) => tunnel(ws, host, targetPort, countHere, sockets, lockFor(host, targetPort)));
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
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...pools.values()].map((pool) => pool.end()));
    },
  };
}

function tunnel(
  ws: WebSocket,
  host: string,
  port: number,
  count: (database: string) => void,
  sockets: Set<net.Socket>,
  lock: ExclusiveLock | undefined,
): void {
  const tcp = net.connect(port, host);
  sockets.add(tcp);
  tcp.setNoDelay(true);
  const session = lock ? new ExclusiveSession(lock, () => closeBoth()) : undefined;
  const watcher = new ReadyWatcher((status) => session?.ready(status));
  const counter = new WireCounter(count, (type) => {
    if (type === "ssl") watcher.expectRawByte();
    session?.sent(type);
  });
  const pending: Buffer[] = [];
  let connected = false;
  const forward = (data: Buffer) => {
    if (connected) tcp.write(data);
    else pending.push(data);
  };
  tcp.on("connect", () => {
    connected = true;
    for (const chunk of pending) tcp.write(chunk);
    pending.length = 0;
  });
  ws.on("message", (data: Buffer) => {
    counter.push(data);
    if (session && counter.terminated) {
      // Terminate gets no answer, so it would hold the session forever, and PGlite must not see it (one
      // shared backend): closing our socket is enough for PGlite to drop this client.
      closeBoth();
      return;
    }
    if (session) session.run(() => forward(data));
    else forward(data);
    // PGlite keeps a connection after Terminate, which would pin a pool slot; end it here.
    if (counter.terminated) tcp.end();
  });
  tcp.on("data", (data) => {
    if (session) watcher.push(data);
    if (ws.readyState === ws.OPEN) ws.send(data);
  });
  const closeBoth = () => {
    session?.close();
    sockets.delete(tcp);
    tcp.destroy();
    if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close();
  };
  tcp.on("close", closeBoth);
  tcp.on("error", closeBoth);
  ws.on("close", closeBoth);
  ws.on("error", closeBoth);
}

/**
 * One tunnel's hold on an exclusive target: taken before its first message goes out, given back when every
 * Query/Sync sent has been answered by a ReadyForQuery and the server is idle (no transaction open).
 */
class ExclusiveSession {
  private release: (() => void) | undefined;
  private acquiring: Promise<void> | undefined;
  private awaitingReady = 0;
  private readonly queue: Array<() => void> = [];

  constructor(
    private readonly lock: ExclusiveLock,
    private readonly fail: () => void,
  ) {}

  run(send: () => void): void {
    if (this.release) return send();
    this.queue.push(send);
    this.acquiring ??= this.lock
      .acquire()
      .then((release) => {
        this.release = release;
        this.acquiring = undefined;
        for (const queued of this.queue.splice(0)) queued();
      })
      .catch(this.fail);
  }

  sent(type: string): void {
    if (type === "startup" || type === "Q" || type === "S") this.awaitingReady += 1;
  }

  ready(status: string): void {
    this.awaitingReady = Math.max(0, this.awaitingReady - 1);
    if (status === "I" && this.awaitingReady === 0 && this.queue.length === 0) {
      this.release?.();
      this.release = undefined;
    }
  }

  close(): void {
    this.release?.();
    this.release = undefined;
  }
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
