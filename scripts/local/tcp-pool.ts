import net from "node:net";
import { WireCounter } from "./wire-counter.ts";
import type { TunnelContext } from "./tunnel.ts";

/**
 * What Hyperdrive does in production, locally: the relay answers the client's startup itself and lends it a
 * warm server connection per transaction (from a Query or Sync until the server is idle again), so a Worker
 * that connects per request pays a loopback TCP connect, not a Postgres backend start. Server connections
 * are opened with the client's user and database and no password (the throwaway cluster and PGlite trust
 * loopback); an exclusive target (PGlite, one session) gets a single server connection, which makes the pool
 * its lock.
 */
export class ServerPool {
  private readonly idle = new Map<string, Backend[]>();
  private readonly open = new Map<string, number>();
  private readonly waiting = new Map<string, Array<(backend: Backend) => void>>();
  private readonly all = new Set<Backend>();

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly max: number,
  ) {}

  async acquire(user: string, database: string): Promise<Backend> {
    const key = `${user}\0${database}`;
    const idle = this.idle.get(key)?.pop();
    if (idle) return idle;
    if ((this.open.get(key) ?? 0) < this.max) {
      this.open.set(key, (this.open.get(key) ?? 0) + 1);
      try {
        const backend = await Backend.start(this.host, this.port, user, database, () => this.forget(key, backend));
        this.all.add(backend);
        return backend;
      } catch (error) {
        this.open.set(key, (this.open.get(key) ?? 1) - 1);
        throw error;
      }
    }
    return new Promise((resolve) => {
      const queue = this.waiting.get(key) ?? [];
      queue.push(resolve);
      this.waiting.set(key, queue);
    });
  }

  release(user: string, database: string, backend: Backend): void {
    const key = `${user}\0${database}`;
    if (backend.closed) return;
    backend.detach();
    const next = this.waiting.get(key)?.shift();
    if (next) return next(backend);
    const idle = this.idle.get(key) ?? [];
    idle.push(backend);
    this.idle.set(key, idle);
  }

  private forget(key: string, backend: Backend): void {
    this.all.delete(backend);
    this.open.set(key, Math.max(0, (this.open.get(key) ?? 1) - 1));
    const idle = this.idle.get(key);
    if (idle) this.idle.set(key, idle.filter((b) => b !== backend));
  }

  close(): void {
    for (const backend of this.all) backend.destroy();
  }
}

class Backend {
  closed = false;
  private onData: ((data: Buffer) => void) | undefined;

  private constructor(private readonly socket: net.Socket) {}

  static start(host: string, port: number, user: string, database: string, onClose: () => void): Promise<Backend> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, host);
      socket.setNoDelay(true);
      const backend = new Backend(socket);
      let buffer = Buffer.alloc(0);
      let ready = false;
      socket.on("connect", () => socket.write(startupMessage(user, database)));
      socket.on("data", (data) => {
        if (ready) return backend.onData?.(data);
        buffer = Buffer.concat([buffer, data]);
        while (buffer.length >= 5) {
          const length = buffer.readInt32BE(1);
          if (buffer.length < 1 + length) return;
          const type = String.fromCharCode(buffer[0]!);
          if (type === "E") return fail(new Error(`server refused the pooled connection: ${buffer.subarray(5, 1 + length).toString("utf8").replaceAll("\0", " ")}`));
          if (type === "R" && buffer.readInt32BE(5) !== 0) return fail(new Error("the pooled connection needs a password; point Hyperdrive at the server directly"));
          buffer = buffer.subarray(1 + length);
          if (type === "Z") {
            ready = true;
            return resolve(backend);
          }
        }
      });
      const fail = (error: Error) => {
        ready = false;
        backend.destroy();
        reject(error);
      };
      // After the start, an error is followed by "close", which hands the connection's end to its client.
      socket.on("error", (error) => (ready ? socket.destroy() : fail(error)));
      socket.on("close", () => {
        backend.closed = true;
        // A start that failed is accounted for by its caller.
        if (!ready) return;
        onClose();
        backend.onData?.(Buffer.alloc(0));
      });
    });
  }

  attach(onData: (data: Buffer) => void): void {
    this.onData = onData;
  }

  detach(): void {
    this.onData = undefined;
  }

  write(data: Buffer): void {
    this.socket.write(data);
  }

  destroy(): void {
    this.closed = true;
    this.socket.destroy();
  }
}

function startupMessage(user: string, database: string): Buffer {
  const params = Buffer.from(`user\0${user}\0database\0${database}\0client_encoding\0UTF8\0\0`);
  const head = Buffer.alloc(8);
  head.writeInt32BE(8 + params.length, 0);
  head.writeInt32BE(196608, 4);
  return Buffer.concat([head, params]);
}

function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0);
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
}

const int32 = (value: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(value);
  return b;
};
const parameter = (name: string, value: string) => message("S", Buffer.from(`${name}\0${value}\0`));

/** The server's side of a startup, said by the relay: no password asked, the parameters `pg` and Neon read. */
const greeting = Buffer.concat([
  message("R", int32(0)),
  parameter("server_version", "15.0"),
  parameter("client_encoding", "UTF8"),
  parameter("DateStyle", "ISO, MDY"),
  parameter("integer_datetimes", "on"),
  parameter("standard_conforming_strings", "on"),
  message("K", Buffer.concat([int32(process.pid), int32(0)])),
  message("Z", Buffer.from("I")),
]);

/** One client of the pool: its startup answered here, its transactions run on borrowed server connections. */
export function pooledTunnel(client: net.Socket, pool: ServerPool, context: Pick<TunnelContext, "count" | "sockets">): void {
  client.setNoDelay(true);
  context.sockets.add(client);
  let user = "";
  let backend: Backend | undefined;
  let acquiring: Promise<void> | false = false;
  let awaitingReady = 0;
  let idleAfterLastReady = true;
  let closed = false;
  const pending: Buffer[] = [];
  const counter = new WireCounter(context.count, (type) => {
    if (type === "ssl") client.write("N");
    if (type === "startup") {
      user = counter.user;
      client.write(greeting);
    }
    if (type === "Q" || type === "S") awaitingReady += 1;
  });
  const close = () => {
    if (closed) return;
    closed = true;
    const held = backend;
    backend = undefined;
    // A server connection left mid-transaction cannot go back to the pool.
    if (held && awaitingReady === 0 && idleAfterLastReady) pool.release(user, counter.database, held);
    else held?.destroy();
    context.sockets.delete(client);
    client.destroy();
  };
  const fromServer = (data: Buffer) => {
    if (data.length === 0) return close();
    client.write(data);
    for (const status of readyStatuses(data, serverBuffer)) {
      awaitingReady = Math.max(0, awaitingReady - 1);
      idleAfterLastReady = status === "I";
      if (status === "I" && awaitingReady === 0 && backend) {
        const done = backend;
        backend = undefined;
        pool.release(user, counter.database, done);
      }
    }
  };
  const serverBuffer = { rest: Buffer.alloc(0) };
  const flush = () => {
    if (!backend) return;
    for (const chunk of pending.splice(0)) backend.write(chunk);
  };
  client.on("data", (data) => {
    const started = counter.started;
    counter.push(data);
    if (!started) return;
    if (counter.terminated) return close();
    pending.push(data);
    if (backend) return flush();
    if (acquiring) return;
    acquiring = pool.acquire(user, counter.database).then(
      (borrowed) => {
        acquiring = false;
        if (closed) return pool.release(user, counter.database, borrowed);
        backend = borrowed;
        serverBuffer.rest = Buffer.alloc(0);
        borrowed.attach(fromServer);
        flush();
      },
      () => close(),
    );
  });
  client.on("close", close);
  client.on("error", close);
}

/** ReadyForQuery statuses in a server stream, across chunks. */
function readyStatuses(chunk: Buffer, state: { rest: Buffer }): string[] {
  let buffer = state.rest.length ? Buffer.concat([state.rest, chunk]) : chunk;
  const statuses: string[] = [];
  while (buffer.length >= 5) {
    const length = buffer.readInt32BE(1);
    if (buffer.length < 1 + length) break;
    if (buffer[0] === 0x5a) statuses.push(String.fromCharCode(buffer[5]!));
    buffer = buffer.subarray(1 + length);
  }
  state.rest = buffer;
  return statuses;
}
