import { describe, expect, it } from "vitest";
import { ExclusiveLock } from "../../scripts/local/exclusive-lock.ts";
import { ReadyWatcher } from "../../scripts/local/ready-watcher.ts";

describe("ExclusiveLock", () => {
  it("hands the lock out one holder at a time, in order", async () => {
    const lock = new ExclusiveLock();
    const order: string[] = [];
    const first = await lock.acquire();
    const second = lock.acquire().then((release) => {
      order.push("second");
      release();
    });
    const third = lock.acquire().then((release) => {
      order.push("third");
      release();
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual([]);
    first();
    await Promise.all([second, third]);
    expect(order).toEqual(["second", "third"]);
  });

  it("a waiter that times out does not block those behind it", async () => {
    const lock = new ExclusiveLock();
    const held = await lock.acquire();
    await expect(lock.acquire(20)).rejects.toThrow("waited 20 ms");
    const behind = lock.acquire(1000);
    held();
    const release = await behind;
    release();
  });
});

describe("ReadyWatcher", () => {
  it("reports each ReadyForQuery status across chunk boundaries, after a raw SSL answer byte", () => {
    const seen: string[] = [];
    const watcher = new ReadyWatcher((status) => seen.push(status));
    watcher.expectRawByte();
    const ready = (status: string) => Buffer.from([0x5a, 0, 0, 0, 5, status.charCodeAt(0)]);
    const other = Buffer.from([0x43, 0, 0, 0, 8, 0x53, 0x45, 0x4c, 0x00]);
    const stream = Buffer.concat([Buffer.from("N"), other, ready("T"), other, ready("I")]);
    for (let i = 0; i < stream.length; i += 4) watcher.push(stream.subarray(i, i + 4));
    expect(seen).toEqual(["T", "I"]);
  });
});
