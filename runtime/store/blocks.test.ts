import { describe, expect, it } from "vitest";
import { meta, tickerResult } from "./__fixtures__/build-results.js";
import { ok, useTestStore } from "./__fixtures__/open-temp.js";
import type { Store } from "./store.js";

let store: Store;
useTestStore((s) => (store = s));

function recordTwoTickers(): string {
  const id = ok(store.beginRun(meta()));
  store.recordTickerResult(id, tickerResult("AAPL", [50_000, 51_000], [1000], 3), { trades: 1 });
  store.recordTickerResult(id, tickerResult("MSFT", [50_000, 49_000], [-1000, 5], 4), { trades: 2 });
  const curve = { time: new Float64Array([0, 1]), equity: new Float64Array([100_000, 100_000]), exposed: new Uint8Array(2) };
  ok(store.completeRun(id, { portfolio: { equity: curve, tradedValue: 7, finalEquity: 100_000 }, metrics: { trades: 3 } }));
  return id;
}

describe("execution log", () => {
  it("reads back every ticker's events in recorded order, and one ticker's alone", () => {
    const id = recordTwoTickers();
    const all = ok(store.executionLog(id));
    const aapl = ok(store.executionLog(id, "AAPL"));
    const msft = ok(store.executionLog(id, "MSFT"));
    expect(all).toEqual([...aapl, ...msft]);
    expect(aapl.length).toBeGreaterThan(0);
    expect(msft.every((e) => e.ticker === "MSFT")).toBe(true);
    expect(store.db.prepare("SELECT count(*) FROM execution_log_blocks WHERE run_id = ?").pluck().get(id)).toBe(2);
  });

  it("still reads runs recorded before migration 5, one row per event", () => {
    const id = recordTwoTickers();
    const expected = ok(store.executionLog(id));
    // Rewrite the run the way a store at schema version 4 holds it.
    const insert = store.db.prepare(
      "INSERT INTO execution_log (run_id, seq, time, ticker, kind, action, quantity, price, commission, slippage, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    expected.forEach((e, i) => insert.run(id, i + 1, e.time, e.ticker, e.kind, e.action, e.quantity, e.price, e.commission, e.slippage, e.reason));
    store.db.prepare("DELETE FROM execution_log_blocks WHERE run_id = ?").run(id);
    expect(ok(store.executionLog(id))).toEqual(expected);
    expect(ok(store.executionLog(id, "MSFT"))).toEqual(expected.filter((e) => e.ticker === "MSFT"));
  });
});

describe("trades", () => {
  it("reads back every ticker's trades in recorded order, one block per ticker", () => {
    const id = recordTwoTickers();
    const all = ok(store.runTrades(id));
    expect(all.map((t) => `${t.ticker}:${t.pnl}`)).toEqual(["AAPL:1000", "MSFT:-1000", "MSFT:5"]);
    expect(ok(store.runTrades(id, "MSFT"))).toEqual(all.slice(1));
    expect(store.db.prepare("SELECT count(*) FROM trade_blocks WHERE run_id = ?").pluck().get(id)).toBe(2);
  });

  it("still reads runs recorded before migration 6, one row per trade", () => {
    const id = recordTwoTickers();
    const expected = ok(store.runTrades(id));
    const insert = store.db.prepare(
      "INSERT INTO trades (run_id, seq, ticker, side, entry_time, entry_price, exit_time, exit_price, quantity, pnl, costs, exit_reason, bars) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    expected.forEach((t, i) => insert.run(id, i + 1, t.ticker, t.side, t.entryTime, t.entryPrice, t.exitTime, t.exitPrice, t.quantity, t.pnl, t.costs, t.exitReason, t.bars));
    store.db.prepare("DELETE FROM trade_blocks WHERE run_id = ?").run(id);
    expect(ok(store.runTrades(id))).toEqual(expected);
    expect(ok(store.runTrades(id, "AAPL"))).toEqual(expected.slice(0, 1));
  });
});

