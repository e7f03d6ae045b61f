import net from "node:net";
import type { WebSocket } from "ws";
import type { ExclusiveLock } from "./exclusive-lock.ts";
import { ReadyWatcher } from "./ready-watcher.ts";
import { WireCounter, type WireStatement } from "./wire-counter.ts";

/** The client side of a tunnel: a WebSocket (Neon's Pool) or a plain TCP socket (`pg` via Hyperdrive). */
export interface ClientEnd {
  onData(listener: (data: Buffer) => void): void;
  send(data: Buffer): void;
  onClose(listener: () => void): void;
  close(): void;
}

export interface TunnelContext {
  /** Called once per statement the client sends, with the database it connected to. */
  count(database: string, statement: WireStatement): void;
  /** Set for a target served one client at a time (PGlite). */
  lock: ExclusiveLock | undefined;
  /** Open sockets (upstream, and pooled clients), destroyed when the relay closes. */
  sockets: Set<net.Socket>;
}

export function webSocketEnd(ws: WebSocket): ClientEnd {
  return {
    onData: (listener) => ws.on("message", listener),
    send: (data) => {
      if (ws.readyState === ws.OPEN) ws.send(data);
    },
    onClose: (listener) => {
      ws.on("close", listener);
      ws.on("error", listener);
    },
    close: () => {
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close();
    },
  };
}

export function socketEnd(socket: net.Socket): ClientEnd {
  socket.setNoDelay(true);
  return {
    onData: (listener) => socket.on("data", listener),
    send: (data) => {
      if (socket.writable) socket.write(data);
    },
    onClose: (listener) => {
      socket.on("close", listener);
      socket.on("error", listener);
    },
    close: () => socket.destroy(),
  };
}

/**
 * Pipes a client to a Postgres on loopback, reading the client's messages on the way to count (and record)
 * its statements, and, for an exclusive target, holding the target's lock while the client's session is busy.
 */
export function tunnel(client: ClientEnd, host: string, port: number, context: TunnelContext): void {
  const tcp = net.connect(port, host);
  context.sockets.add(tcp);
  tcp.setNoDelay(true);
  const session = context.lock ? new ExclusiveSession(context.lock, () => closeBoth()) : undefined;
  const watcher = new ReadyWatcher((status) => session?.ready(status));
  const counter = new WireCounter(context.count, (type) => {
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
  client.onData((data) => {
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
    client.send(data);
  });
  let closed = false;
  const closeBoth = () => {
    if (closed) return;
    closed = true;
    session?.close();
    context.sockets.delete(tcp);
    tcp.destroy();
    client.close();
  };
  tcp.on("close", closeBoth);
  tcp.on("error", closeBoth);
  client.onClose(closeBoth);
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
