import { describe, expect, it } from "vitest";
import { EventBook, TradeBook } from "../engine/books.js";
import type { TickerResult } from "../engine/result.js";
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


/** The same result with its trades and log also recorded as the engine's columns. */
function withBooks(result: TickerResult): TickerResult {
  const trades = new TradeBook(result.ticker);
  for (const t of result.trades) trades.push(t.side === "long" ? 1 : -1, t.entryTime, t.entryPrice, t.exitTime, t.exitPrice, t.quantity, t.pnl, t.costs, t.exitReason, t.bars);
  const log = new EventBook(result.ticker);
  for (const e of result.log) {
    if (e.kind === "fill") log.fill(e.time, e.action ?? "buy", e.quantity, e.price, e.commission, e.slippage, e.reason);
    else log.skip(e.time, e.reason, e.price);
  }
  return { ...result, books: { trades, log } };
}

describe("results recorded as columns (books)", () => {
  it("are stored as exactly the blobs their objects give", () => {
    const blobs = (books: boolean): Buffer[] => {
      const id = ok(store.beginRun(meta()));
      const made = tickerResult("AAPL", [50_000, 51_000, 50_500], [1000, -250.5, 0], 9);
      // As the broker records a skip: nothing traded, nothing paid.
      const result = { ...made, log: made.log.map((e) => (e.kind === "skip" ? { ...e, quantity: 0, commission: 0, slippage: 0 } : e)) };
      store.recordTickerResult(id, books ? withBooks(result) : result, { trades: 3 });
      ok(store.completeRun(id, {}));
      return ["trade_blocks", "execution_log_blocks"].map((table) => store.db.prepare(`SELECT columns FROM ${table} WHERE run_id = ?`).pluck().get(id) as Buffer);
    };
    const [tradesFromObjects, logFromObjects] = blobs(false);
    const [tradesFromBooks, logFromBooks] = blobs(true);
    expect(tradesFromBooks?.length).toBeGreaterThan(0);
    expect(tradesFromBooks?.equals(tradesFromObjects as Buffer)).toBe(true);
    expect(logFromBooks?.equals(logFromObjects as Buffer)).toBe(true);
  });
});
