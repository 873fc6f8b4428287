// Retry with exponential backoff and seeded jitter for transient read errors, and the health
// counters every load reports. Only errors that a second try can cure are retried (a busy file,
// a full descriptor table, a locked database); a missing file fails at once.
// Clock, sleep and rng are injected so tests are instant and deterministic.
import type { SourceHealth } from "./data/types.js";

/** How often and how patiently to retry. */
export interface RetryPolicy {
  /** Attempts in total, including the first (3 by default). */
  readonly attempts: number;
  /** Delay before the second attempt; doubles each time. */
  readonly baseDelayMs: number;
  /** Upper bound of one delay. */
  readonly maxDelayMs: number;
}

/** 3 attempts, 50 ms then 100 ms (each scaled by jitter in [0.5, 1)). */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 50, maxDelayMs: 2000 };

/** What withRetry needs from the outside world. */
export interface RetryEnv {
  /** Seeded uniform [0, 1); without it the delay is the upper end of the jitter range. */
  readonly rng?: () => number;
  sleep?(ms: number): Promise<void>;
  now?(): number;
}

const TRANSIENT_CODES: ReadonlySet<string> = new Set(["EBUSY", "EAGAIN", "EMFILE", "ENFILE", "SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT", "SQLITE_BUSY_RECOVERY", "SQLITE_LOCKED"]);

/** True for errors worth retrying: EBUSY, EAGAIN, EMFILE, ENFILE and SQLite busy/locked. */
export function isTransientError(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  const code = (error as { code: unknown }).code;
  return typeof code === "string" && TRANSIENT_CODES.has(code);
}

/** Delay before attempt `attempt + 1` (attempt is 1-based): base·2^(attempt−1), capped, times a jitter factor in [0.5, 1). */
export function backoffMs(attempt: number, policy: RetryPolicy, rng?: () => number): number {
  const raw = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  // "Equal jitter": keeps at least half the delay (so backoff still backs off) while spreading
  // concurrent readers apart.
  const u = rng === undefined ? 1 : Math.min(Math.max(rng(), 0), 1);
  return raw * (0.5 + 0.5 * u);
}

/** Counts reads of one load; `snapshot()` gives the SourceHealth to report. */
export class HealthTracker {
  private success = 0;
  private failure = 0;
  private empty = 0;
  private latencyMs = 0;

  /** Records an attempt that returned data. */
  recordSuccess(): void {
    this.success++;
  }
  /** Records an attempt that failed (retried or not). */
  recordFailure(): void {
    this.failure++;
  }
  /** Records a read that worked but held no rows. */
  recordEmpty(): void {
    this.empty++;
  }
  /** Adds elapsed time by the injected clock. */
  addLatency(ms: number): void {
    this.latencyMs += ms;
  }
  /** A copy of the counters. */
  snapshot(): SourceHealth {
    return { success: this.success, failure: this.failure, empty: this.empty, latencyMs: this.latencyMs };
  }
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const realNow = (): number => performance.now();

/**
 * Runs `op`, retrying transient errors with backoff. Records every attempt and the elapsed time in
 * `health`. Resolves with op's value or rejects with the last error (the caller maps it to a DataError).
 */
export async function withRetry<T>(op: () => T | Promise<T>, health: HealthTracker, env: RetryEnv = {}, policy: RetryPolicy = DEFAULT_RETRY): Promise<T> {
  const now = env.now ?? realNow;
  const sleep = env.sleep ?? realSleep;
  const started = now();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        const value = await op();
        health.recordSuccess();
        return value;
      } catch (error) {
        health.recordFailure();
        if (!isTransientError(error) || attempt >= policy.attempts) throw error;
        await sleep(backoffMs(attempt, policy, env.rng));
      }
    }
  } finally {
    health.addLatency(now() - started);
  }
}
