import { describe, expect, it } from "vitest";
import { isLoopbackHost } from "../../scripts/local/loopback.ts";
import { WireCounter } from "../../scripts/local/wire-counter.ts";

function startup(database: string): Buffer {
  const params = Buffer.from(`user\0postgres\0database\0${database}\0\0`);
  const head = Buffer.alloc(8);
  head.writeInt32BE(8 + params.length, 0);
  head.writeInt32BE(196608, 4);
  return Buffer.concat([head, params]);
}

function message(type: string, body = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0);
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
}

describe("WireCounter", () => {
  it("counts simple queries and executes, whatever the chunking", () => {
    const seen: string[] = [];
    const counter = new WireCounter((db) => seen.push(db));
    const stream = Buffer.concat([
      startup("crm"),
      message("Q", Buffer.from("select 1\0")),
      message("P", Buffer.from("\0select $1\0\0\0")),
      message("B", Buffer.alloc(10)),
      message("E", Buffer.alloc(5)),
      message("S"),
      message("X"),
    ]);
    for (let i = 0; i < stream.length; i += 3) counter.push(stream.subarray(i, i + 3));
    expect(counter.database).toBe("crm");
    expect(counter.statements).toBe(2);
    expect(seen).toEqual(["crm", "crm"]);
    expect(counter.terminated).toBe(true);
  });

  it("skips an SSL request before the startup message", () => {
    const ssl = Buffer.alloc(8);
    ssl.writeInt32BE(8, 0);
    ssl.writeInt32BE(80877103, 4);
    const counter = new WireCounter(() => {});
    counter.push(Buffer.concat([ssl, startup("other"), message("Q", Buffer.from("x\0"))]));
    expect(counter.database).toBe("other");
    expect(counter.statements).toBe(1);
  });
});

describe("isLoopbackHost", () => {
  it("knows loopback from the rest", () => {
    for (const host of ["127.0.0.1", "127.9.9.9", "localhost", "::1", "[::1]"]) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ["10.0.0.1", "192.168.1.1", "example.com", "128.0.0.1", "0.0.0.0", "localhost.evil.com"]) {
      expect(isLoopbackHost(host)).toBe(false);
    }
  });
});
