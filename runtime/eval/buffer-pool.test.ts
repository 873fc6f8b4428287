import { describe, expect, it } from "vitest";
import { BufferPool } from "./buffer-pool.js";

describe("BufferPool", () => {
  it("lends buffers, takes them back together, and lends them again by length", () => {
    const pool = new BufferPool();
    const first = pool.lease();
    const a = first.take(100);
    const b = first.take(100);
    const c = first.take(7);
    expect(a).not.toBe(b);
    first.returnAll();
    expect(pool.idleBytes).toBe((100 + 100 + 7) * 8);
    const second = pool.lease();
    const reused = [second.take(100), second.take(100), second.take(7), second.take(100)];
    expect(new Set(reused.slice(0, 3))).toEqual(new Set([a, b, c]));
    expect([a, b, c]).not.toContain(reused[3]);
    expect(pool.idleBytes).toBe(0);
  });

  it("does not take back a detached buffer", () => {
    const pool = new BufferPool();
    const lease = pool.lease();
    const kept = lease.take(10);
    const other = lease.take(10);
    lease.detach(kept);
    lease.returnAll();
    expect(pool.idleBytes).toBe(80);
    const next = pool.lease();
    expect(next.take(10)).toBe(other);
    expect(next.take(10)).not.toBe(kept);
  });

  it("keeps no more than its byte limit", () => {
    const pool = new BufferPool(1000);
    const lease = pool.lease();
    lease.take(100);
    lease.take(100);
    lease.returnAll();
    expect(pool.idleBytes).toBe(800);
  });
});
