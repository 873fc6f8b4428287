import fc from "fast-check";
import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { join } from "node:path";
import { steppingClock, tempDir } from "./__fixtures__/temp-store.js";
import type { StoreContext } from "./context.js";
import { encodeFloat64, insertEquity, selectEquity } from "./equity.js";
import { decodeEquity, decodeExposed, decodeTimes, encodeEquity, encodeExposed, encodeTimes } from "./equity-formats.js";
import { migrate } from "./migrations/index.js";

const DAY = 86_400_000;

function bitsOf(values: Float64Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

/** Sorted epoch-ms times with weekend-like gaps: what real curves look like. */
const calendarTimes = fc.array(fc.constantFrom(1, 1, 1, 1, 3, 2, 60_000), { maxLength: 400 }).map((steps) => {
  const out = new Float64Array(steps.length + 1);
  out[0] = Date.UTC(1995, 0, 3);
  steps.forEach((s, i) => (out[i + 1] = (out[i] ?? 0) + s * DAY));
  return out;
});

describe("equity time blobs", () => {
  it("store a regular daily curve as one run: 24 bytes for any length", () => {
    const time = Float64Array.from({ length: 10_000 }, (_, i) => Date.UTC(1990, 0, 1) + i * DAY);
    const encoded = encodeTimes(time);
    expect(encoded.format).toBe("f64_runs");
    expect(encoded.bytes.length).toBe(24);
    expect(bitsOf(decodeTimes(encoded.format, encoded.bytes, time.length)).equals(bitsOf(time))).toBe(true);
  });

  it("round-trip calendar-like times bit for bit (property)", () => {
    fc.assert(
      fc.property(calendarTimes, (time) => {
        const { format, bytes } = encodeTimes(time);
        return bitsOf(decodeTimes(format, bytes, time.length)).equals(bitsOf(time));
      }),
    );
  });

  it("round-trip any doubles bit for bit, NaN and −0 included, falling back to plain doubles (property)", () => {
    fc.assert(
      fc.property(fc.float64Array({ maxLength: 60 }), fc.boolean(), (values, sorted) => {
        const time = sorted ? values.slice().sort() : values;
        const { format, bytes } = encodeTimes(time);
        return bitsOf(decodeTimes(format, bytes, time.length)).equals(bitsOf(time));
      }),
    );
  });

  it("keeps plain doubles when runs would not be smaller", () => {
    const time = Float64Array.from([0, 1, 3, 6, 10, 15, 21, 28]);
    expect(encodeTimes(time).format).toBe("f64");
  });

  it("keeps plain doubles when a delta does not add back exactly", () => {
    const time = Float64Array.from([0.1, 0.30000000000000004, 0.5, 0.7, 0.9, 1.1, 1.3, 1.5]);
    const { format, bytes } = encodeTimes(time);
    expect(bitsOf(decodeTimes(format, bytes, time.length)).equals(bitsOf(time))).toBe(true);
  });
});

describe("equity exposed blobs", () => {
  it("pack 0/1 flags eight a byte and unpack them (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1 }), { maxLength: 300 }), (flags) => {
        const exposed = Uint8Array.from(flags);
        const { format, bytes } = encodeExposed(exposed);
        expect(format).toBe("bits");
        expect(bytes.length).toBe(Math.ceil(flags.length / 8));
        expect(Array.from(decodeExposed(format, bytes, flags.length))).toEqual(flags);
      }),
    );
  });

  it("keep one byte a bar when a value is not a flag", () => {
    const exposed = Uint8Array.from([0, 1, 2, 1]);
    const { format, bytes } = encodeExposed(exposed);
    expect(format).toBe("u8");
    expect(Array.from(decodeExposed(format, bytes, 4))).toEqual([0, 1, 2, 1]);
  });
});

/** An equity curve as a backtest makes one: flat cash between trades, moving while in the market. */
const tradingCurve = fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 12 })), { maxLength: 40 }).map((stretches) => {
  const values: number[] = [];
  let cash = 100_000;
  for (const [inMarket, length] of stretches) {
    for (let i = 0; i < length; i++) values.push(inMarket ? cash + Math.sin(values.length) * 1_000 : cash);
    cash = values[values.length - 1] ?? cash;
  }
  return Float64Array.from(values);
});

describe("equity value blobs", () => {
  it("store a flat stretch as flag bits and round-trip trading curves bit for bit (property)", () => {
    fc.assert(
      fc.property(tradingCurve, (equity) => {
        const { format, bytes } = encodeEquity(equity);
        expect(bytes.length).toBeLessThanOrEqual(equity.length * 8);
        expect(bitsOf(decodeEquity(format, bytes, equity.length)).equals(bitsOf(equity))).toBe(true);
      }),
    );
  });

  it("round-trip any doubles bit for bit, NaN and −0 included (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0, -0, NaN, 1.5, Infinity, 1e-310), { maxLength: 200 }), (values) => {
        const equity = Float64Array.from(values);
        const { format, bytes } = encodeEquity(equity);
        return bitsOf(decodeEquity(format, bytes, equity.length)).equals(bitsOf(equity));
      }),
    );
  });

  it("keeps half the doubles of a curve flat half the time, and plain doubles without repeats", () => {
    const equity = Float64Array.from({ length: 1_000 }, (_, i) => (i % 200 < 100 ? 100_000 : 100_000 + i));
    const { format, bytes } = encodeEquity(equity);
    expect(format).toBe("f64_repeats");
    expect(bytes.length).toBe(128 + (1_000 - 495) * 8); // 1,000 flag bits in 128 bytes; 5 flat stretches keep their first value
    expect(encodeEquity(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9])).format).toBe("f64");
    expect(encodeEquity(new Float64Array(0)).format).toBe("f64");
  });
});

describe("equity rows across migration 8", () => {
  it("read back a row written before it (plain doubles) and a flat curve written after it (repeats), both exactly", () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, "s.db");
      const db = new Database(path);
      const ctx: StoreContext = { db, path, clock: steppingClock(), pid: process.pid };
      expect(migrate(ctx, 7)).toBeNull();
      db.prepare(
        `INSERT INTO runs (seq, id, plan_hash, source_hashes, strategy, tickers, params, overrides, run_source, data_regime, status, lineage, data_hash, initial_cash, periods_per_year, pid, created_at)
         VALUES (1, 'r-000001', 'p', '[]', 's', '["A","B"]', '{}', '{}', 'prod', 'prod_live', 'completed', '{"data":[]}', 'd', 1000, 252, 1, 'then')`,
      ).run();
      const time = Float64Array.from({ length: 50 }, (_, i) => Date.UTC(2020, 0, 1) + i * DAY);
      const equity = Float64Array.from({ length: 50 }, (_, i) => (i < 30 ? 1000 : 1000 + i * 0.1));
      const exposed = Uint8Array.from({ length: 50 }, (_, i) => (i < 30 ? 0 : 1));
      db.prepare("INSERT INTO equity (run_id, ticker, points, initial_cash, final_equity, traded_value, time, equity, exposed) VALUES ('r-000001', 'A', 50, 1000, 1004.9, 0, ?, ?, ?)").run(
        encodeFloat64(time),
        encodeFloat64(equity),
        Buffer.from(exposed),
      );
      expect(migrate(ctx)).toBeNull();
      insertEquity(ctx, "r-000001", { ticker: "B", initialCash: 1000, finalEquity: 1004.9, tradedValue: 0, curve: { time, equity, exposed } });
      expect(db.prepare("SELECT ticker, equity_format FROM equity ORDER BY ticker").all()).toEqual([
        { ticker: "A", equity_format: "f64" },
        { ticker: "B", equity_format: "f64_repeats" },
      ]);
      for (const ticker of ["A", "B"]) expect(bitsOf(selectEquity(ctx, "r-000001", ticker)?.curve.equity ?? new Float64Array(0)).equals(bitsOf(equity))).toBe(true);
      db.close();
    } finally {
      cleanup();
    }
  });
});

describe("equity rows across migration 4", () => {
  it("read back a row written before it (plain blobs) and a row written after it (compact), both exactly", () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, "s.db");
      const db = new Database(path);
      const ctx: StoreContext = { db, path, clock: steppingClock(), pid: process.pid };
      expect(migrate(ctx, 3)).toBeNull();
      db.prepare(
        `INSERT INTO runs (seq, id, plan_hash, source_hashes, strategy, tickers, params, overrides, run_source, data_regime, status, lineage, data_hash, initial_cash, periods_per_year, pid, created_at)
         VALUES (1, 'r-000001', 'p', '[]', 's', '["A","B"]', '{}', '{}', 'prod', 'prod_live', 'completed', '{"data":[]}', 'd', 1000, 252, 1, 'then')`,
      ).run();
      const time = Float64Array.from({ length: 50 }, (_, i) => Date.UTC(2020, 0, 1) + i * DAY);
      const equity = Float64Array.from({ length: 50 }, (_, i) => 1000 + i * 0.1);
      const exposed = Uint8Array.from({ length: 50 }, (_, i) => (i % 3 === 0 ? 1 : 0));
      db.prepare("INSERT INTO equity (run_id, ticker, points, initial_cash, final_equity, traded_value, time, equity, exposed) VALUES ('r-000001', 'A', 50, 1000, 1004.9, 0, ?, ?, ?)").run(
        encodeFloat64(time),
        encodeFloat64(equity),
        Buffer.from(exposed),
      );
      expect(migrate(ctx)).toBeNull();
      insertEquity(ctx, "r-000001", { ticker: "B", initialCash: 1000, finalEquity: 1004.9, tradedValue: 0, curve: { time, equity, exposed } });
      const formats = db.prepare("SELECT ticker, time_format, exposed_format FROM equity ORDER BY ticker").all();
      expect(formats).toEqual([
        { ticker: "A", time_format: "f64", exposed_format: "u8" },
        { ticker: "B", time_format: "f64_runs", exposed_format: "bits" },
      ]);
      for (const ticker of ["A", "B"]) {
        const stored = selectEquity(ctx, "r-000001", ticker);
        expect(stored && bitsOf(stored.curve.time).equals(bitsOf(time))).toBe(true);
        expect(stored && bitsOf(stored.curve.equity).equals(bitsOf(equity))).toBe(true);
        expect(Array.from(stored?.curve.exposed ?? [])).toEqual(Array.from(exposed));
      }
      db.close();
    } finally {
      cleanup();
    }
  });
});
