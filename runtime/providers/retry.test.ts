import { describe, it, expect } from "vitest";
import { backoffMs, DEFAULT_RETRY, HealthTracker, isTransientError, withRetry } from "./retry.js";

const errno = (code: string): Error & { code: string } => Object.assign(new Error(code), { code });

function env() {
  let clock = 1000;
  const sleeps: number[] = [];
  return {
    sleeps,
    rng: () => 0.25,
    now: () => clock,
    sleep: (ms: number) => {
      sleeps.push(ms);
      clock += ms;
      return Promise.resolve();
    },
  };
}

describe("isTransientError", () => {
  it.each(["EBUSY", "EAGAIN", "EMFILE", "ENFILE", "SQLITE_BUSY", "SQLITE_LOCKED"])("retries %s", (code) => {
    expect(isTransientError(errno(code))).toBe(true);
  });
  it.each(["ENOENT", "EACCES", "SQLITE_NOTADB"])("does not retry %s", (code) => {
    expect(isTransientError(errno(code))).toBe(false);
  });
  it("does not retry values without a code", () => {
    expect(isTransientError(new Error("x"))).toBe(false);
    expect(isTransientError("EBUSY")).toBe(false);
  });
});

describe("backoffMs", () => {
  it("doubles per attempt, scaled by jitter in [0.5, 1), capped", () => {
    expect(backoffMs(1, DEFAULT_RETRY, () => 0)).toBe(25);
    expect(backoffMs(2, DEFAULT_RETRY, () => 0.5)).toBe(75);
    expect(backoffMs(3, DEFAULT_RETRY)).toBe(200);
    expect(backoffMs(30, DEFAULT_RETRY, () => 0.999)).toBeLessThanOrEqual(DEFAULT_RETRY.maxDelayMs);
  });
});

describe("withRetry", () => {
  it("retries transient errors with backoff and records every attempt", async () => {
    const e = env();
    const health = new HealthTracker();
    let calls = 0;
    const value = await withRetry(
      () => {
        if (++calls < 3) throw errno("EBUSY");
        return "data";
      },
      health,
      e,
    );
    expect(value).toBe("data");
    expect(e.sleeps).toEqual([31.25, 62.5]);
    expect(health.snapshot()).toEqual({ success: 1, failure: 2, empty: 0, latencyMs: 93.75 });
  });

  it("gives up after 3 attempts with the last error", async () => {
    const health = new HealthTracker();
    let calls = 0;
    const error = await withRetry(
      () => {
        calls++;
        throw errno("EAGAIN");
      },
      health,
      env(),
    ).catch((err: unknown) => err);
    expect([calls, (error as { code: string }).code, health.snapshot().failure]).toEqual([3, "EAGAIN", 3]);
  });

  it("fails at once on a permanent error", async () => {
    const e = env();
    const health = new HealthTracker();
    await expect(withRetry(() => Promise.reject(errno("ENOENT")), health, e)).rejects.toThrow("ENOENT");
    expect([e.sleeps.length, health.snapshot().failure]).toEqual([0, 1]);
  });

  it("counts empty reads separately", () => {
    const health = new HealthTracker();
    health.recordEmpty();
    health.recordSuccess();
    expect(health.snapshot()).toEqual({ success: 1, failure: 0, empty: 1, latencyMs: 0 });
  });
});
