import { describe, expect, it } from "vitest";
import { meta, tickerResult } from "./__fixtures__/build-results.js";
import { ok, useTestStore } from "./__fixtures__/open-temp.js";
import { isStoreError } from "./errors.js";
import type { Store } from "./store.js";

let store: Store;
useTestStore((s) => (store = s));

const count = (table: string, runId: string): number => store.db.prepare(`SELECT count(*) FROM ${table} WHERE run_id = ?`).pluck().get(runId) as number;

describe("run lifecycle", () => {
  it("begins runs with sequential ids, running, with this pid and the clock's time", () => {
    expect(store.beginRun(meta())).toBe("r-000001");
    expect(store.beginRun(meta())).toBe("r-000002");
    const run = ok(store.getRun("r-000002"));
    expect(run).toMatchObject({ status: "running", pid: process.pid, finalEquity: null, finishedAt: null, strategy: "sma_cross", tickers: ["AAPL"] });
    expect(run?.createdAt).toMatch(/^2024-06-01T00:00:\d\d\.000Z$/);
  });

  it("writes nothing of a run's results until completeRun", () => {
    const id = ok(store.beginRun(meta()));
    expect(store.recordTickerResult(id, tickerResult("AAPL", [100_000, 100_500, 101_000], [300, -50], 4), { trades: 2 })).toBeNull();
    for (const table of ["equity", "trades", "trade_blocks", "open_positions", "execution_log", "execution_log_blocks", "metrics"]) expect(count(table, id)).toBe(0);
    ok(store.completeRun(id));
    // One equity row: a single-ticker run's portfolio curve is its ticker's, not a second copy.
    expect([count("equity", id), ok(store.runTrades(id)).length, count("trade_blocks", id), count("open_positions", id), ok(store.executionLog(id)).length, count("execution_log_blocks", id)]).toEqual([1, 2, 1, 1, 4, 1]);
  });

  it("round-trips a ticker result exactly and reuses it as the portfolio of a single-ticker run", () => {
    const id = ok(store.beginRun(meta()));
    const result = tickerResult("AAPL", [100_000, 99_000.125, Number.NaN, 101_234.5678], [300, -50.25], 6);
    store.recordTickerResult(id, result, { trades: 2, "sharpe(daily)": 1.25, win_rate: null, profit_factor: Number.POSITIVE_INFINITY });
    const run = ok(store.completeRun(id));
    expect(run).toMatchObject({ status: "completed", finalEquity: 101_234.5678 });
    expect(run.finishedAt).not.toBeNull();

    const data = ok(store.loadRunData(id));
    expect(data.ticker).toBe("");
    expect(Array.from(data.equity)).toEqual(Array.from(result.equity.equity));
    expect(Array.from(data.time)).toEqual(Array.from(result.equity.time));
    expect(Array.from(data.exposed)).toEqual(Array.from(result.equity.exposed));
    expect(data.trades).toEqual(result.trades);
    expect(data.open).toEqual(result.open);
    expect(data).toMatchObject({ initialCash: 100_000, tradedValue: 12_345.5, periodsPerYear: 252, finalEquity: 101_234.5678 });
    expect(ok(store.loadRunData(id, "AAPL")).trades).toEqual(result.trades);
    expect(store.executionLog(id)).toEqual(result.log);

    expect(store.runMetrics(id)).toEqual([
      { scope: "portfolio", key: "profit_factor", value: Number.POSITIVE_INFINITY, unit: "number" },
      { scope: "portfolio", key: "sharpe(daily)", value: 1.25, unit: "number" },
      { scope: "portfolio", key: "trades", value: 2, unit: "int" },
      { scope: "portfolio", key: "win_rate", value: null, unit: "ratio" },
      { scope: "ticker:AAPL", key: "profit_factor", value: Number.POSITIVE_INFINITY, unit: "number" },
      { scope: "ticker:AAPL", key: "sharpe(daily)", value: 1.25, unit: "number" },
      { scope: "ticker:AAPL", key: "trades", value: 2, unit: "int" },
      { scope: "ticker:AAPL", key: "win_rate", value: null, unit: "ratio" },
    ]);
  });

  it("stores a multi-ticker run with its portfolio curve and per-ticker scopes", () => {
    const id = ok(store.beginRun(meta({ tickers: ["AAPL", "MSFT"] })));
    store.recordTickerResult(id, tickerResult("AAPL", [50_000, 51_000], [1000]), { trades: 1 });
    store.recordTickerResult(id, tickerResult("MSFT", [50_000, 49_000], [-1000, 5]), { trades: 2 });
    const portfolio = { time: new Float64Array([1, 2]), equity: new Float64Array([100_000, 100_000]), exposed: new Uint8Array([0, 1]) };
    ok(store.completeRun(id, { portfolio: { equity: portfolio, tradedValue: 7, finalEquity: 100_000 }, metrics: { trades: 3 } }));

    const all = ok(store.loadRunData(id));
    expect(all.trades.map((t) => `${t.ticker}:${t.pnl}`)).toEqual(["AAPL:1000", "MSFT:-1000", "MSFT:5"]);
    expect(Array.from(all.equity)).toEqual([100_000, 100_000]);
    expect(all.tradedValue).toBe(7);
    const msft = ok(store.loadRunData(id, "MSFT"));
    expect(msft.trades).toHaveLength(2);
    expect(msft.initialCash).toBe(50_000);
    expect(ok(store.runMetrics(id)).map((m) => `${m.scope}/${m.key}=${m.value}`)).toEqual(["portfolio/trades=3", "ticker:AAPL/trades=1", "ticker:MSFT/trades=2"]);

    const missing = store.loadRunData(id, "NVDA");
    expect(isStoreError(missing) && missing.code).toBe("R0212");
    expect(isStoreError(missing) && missing.message).toBe(`run ${id} has no results for ticker NVDA; it ran AAPL, MSFT`);
  });

  it("replaces the lineage and data hash when completeRun brings model lineage", () => {
    const id = ok(store.beginRun(meta()));
    const before = ok(store.getRun(id))?.dataHash;
    store.recordTickerResult(id, tickerResult("AAPL", [1, 2]), {});
    const lineage = { data: [{ sha256: "d".repeat(64) }], models: [{ model: "ridge", version: "2", lineageId: "x" }] };
    const run = ok(store.completeRun(id, { lineage }));
    expect(run.lineage).toEqual(lineage);
    expect(run.dataHash).not.toBe(before);
  });

  it("marks a failed run with its error and drops its staged results", () => {
    const id = ok(store.beginRun(meta()));
    store.recordTickerResult(id, tickerResult("AAPL", [1, 2], [1]), {});
    const run = ok(store.failRun(id, "external model crashed: exit code 1"));
    expect(run).toMatchObject({ status: "failed", error: "external model crashed: exit code 1" });
    expect(count("trade_blocks", id)).toBe(0);
    const again = store.completeRun(id);
    expect(isStoreError(again) && again.code).toBe("R0210");
    expect(isStoreError(again) && again.message).toBe(`run ${id} is failed, not running`);
  });

  it("rejects results for unknown or finished runs", () => {
    const unknown = store.recordTickerResult("r-000042", tickerResult("AAPL", [1]), {});
    expect(unknown?.code).toBe("R0209");
    const id = ok(store.beginRun(meta()));
    ok(store.completeRun(id));
    expect(store.recordTickerResult(id, tickerResult("AAPL", [1]), {})?.code).toBe("R0210");
    expect(ok(store.interruptRun(ok(store.beginRun(meta())), "ctrl-c")).status).toBe("interrupted");
  });

  it("completes a run with no ticker results as flat at its cash", () => {
    const id = ok(store.beginRun(meta({ tickers: [] })));
    expect(ok(store.completeRun(id)).finalEquity).toBe(100_000);
    expect(ok(store.loadRunData(id)).equity).toHaveLength(0);
  });

  it("returns R0212 for the results of a run that did not complete", () => {
    const id = ok(store.beginRun(meta()));
    const data = store.loadRunData(id);
    expect(isStoreError(data) && data.message).toBe(`run ${id} is running and has no stored results`);
  });
});

describe("listing runs", () => {
  it("filters by strategy, status, source, regime and ticker, newest first", () => {
    const a = ok(store.beginRun(meta({ strategy: "sma_cross", runSource: "prod" })));
    const b = ok(store.beginRun(meta({ strategy: "rsi_reversion", runSource: "smoke", tickers: ["MSFT"] })));
    const c = ok(store.beginRun(meta({ strategy: "sma_cross", dataRegime: "maintenance_replay" })));
    ok(store.completeRun(a));
    ok(store.completeRun(c));
    const ids = (filter: Parameters<Store["listRuns"]>[0]): string[] => ok(store.listRuns(filter)).map((r) => r.id);
    expect(ids({})).toEqual([c, b, a]);
    expect(ids({ strategy: "sma_cross" })).toEqual([c, a]);
    expect(ids({ status: "running" })).toEqual([b]);
    expect(ids({ runSource: "smoke" })).toEqual([b]);
    expect(ids({ dataRegime: "prod_live", status: "completed" })).toEqual([a]);
    expect(ids({ ticker: "MSFT" })).toEqual([b]);
    expect(ids({ limit: 2 })).toEqual([c, b]);
    expect(ok(store.latestRun({ strategy: "sma_cross", status: "completed" }))?.id).toBe(c);
    expect(ok(store.latestRun({ strategy: "nope" }))).toBeNull();
  });
});
