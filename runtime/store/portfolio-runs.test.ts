import { describe, expect, it } from "vitest";
import { DAY_MS, meta, T0, tickerResult } from "./__fixtures__/build-results.js";
import { ok, useTestStore } from "./__fixtures__/open-temp.js";
import type { PortfolioRunRecord, PortfolioScopeRecord } from "./portfolio-runs.js";
import type { Store } from "./store.js";

let store: Store;
useTestStore((s) => (store = s));

const curve = (values: readonly number[]) => ({ time: Float64Array.from(values, (_, i) => T0 + i * DAY_MS), equity: Float64Array.from(values), exposed: Uint8Array.from(values, () => 1) });

function sleeve(name: string, values: readonly number[]): PortfolioScopeRecord {
  return {
    scope: `sleeve:${name}`,
    kind: "sleeve",
    name,
    bucket: "core",
    cap: 0.6,
    weight: 0.6,
    weighting: "hrp",
    members: ["s/AAPL"],
    rebalances: [{ time: T0, weights: { "s/AAPL": 1 }, tradedValue: 60, cost: 0 }],
    initialCash: values[0] ?? 0,
    finalEquity: values[values.length - 1] ?? 0,
    tradedValue: 60,
    costs: 0,
    curve: curve(values),
    metrics: { total_return: 0.5, profit_factor: Infinity, win_rate: null },
  };
}

const portfolio = (scopes: PortfolioScopeRecord[]): Omit<PortfolioRunRecord, "runId"> => ({
  portfolio: "barbell",
  rebalance: "monthly",
  commission: 0.0005,
  cashWeight: 0.4,
  strategies: [{ name: "s", params: { fast: 10 } }],
  rebalances: [{ time: T0, weights: { "s/AAPL": 0.6 }, tradedValue: 60, cost: 0.03 }],
  scopes,
});

describe("portfolio runs", () => {
  it("writes the run, its members, sleeves and baselines in one step and reads them back exactly", () => {
    const id = ok(store.beginRun(meta({ strategy: "barbell" })));
    expect(store.recordTickerResult(id, { ...tickerResult("AAPL", [100_000, 101_000], [300], 2), ticker: "s/AAPL" }, { trades: 1 })).toBeNull();
    const record = ok(
      store.completePortfolioRun(id, { portfolio: { equity: curve([100, 110]), tradedValue: 60, finalEquity: 110 }, metrics: { trades: 1 } }, portfolio([sleeve("core", [60, 75])])),
    );
    expect(record.status).toBe("completed");
    expect(record.finalEquity).toBe(110);
    const back = ok(store.portfolioRun(id, { curves: true }));
    expect(back?.scopes[0]?.curve.equity).toEqual(Float64Array.of(60, 75));
    expect(back?.scopes[0]?.metrics).toEqual({ total_return: 0.5, profit_factor: Infinity, win_rate: null });
    expect(back).toMatchObject({ portfolio: "barbell", cashWeight: 0.4, strategies: [{ name: "s", params: { fast: 10 } }], rebalances: [{ weights: { "s/AAPL": 0.6 } }] });
    expect(ok(store.portfolioRun(id))?.scopes[0]?.curve.time.length).toBe(0);
    const scopes = new Set(ok(store.runMetrics(id)).map((m) => m.scope));
    expect([...scopes].sort()).toEqual(["portfolio", "sleeve:core", "ticker:s/AAPL"]);
    expect(ok(store.loadRunData(id)).equity).toEqual(Float64Array.of(100, 110));
  });

  it("a strategy run has no portfolio part; a failed portfolio write leaves the run untouched", () => {
    const plain = ok(store.beginRun(meta()));
    expect(ok(store.portfolioRun(plain))).toBeNull();
    const id = ok(store.beginRun(meta({ strategy: "barbell" })));
    // Two scopes with one key (a bug): the insert throws inside the transaction, which rolls back whole.
    expect(() => store.completePortfolioRun(id, { portfolio: { equity: curve([100]), tradedValue: 0, finalEquity: 100 } }, portfolio([sleeve("a", [1]), sleeve("a", [1])]))).toThrow(/UNIQUE/);
    expect(ok(store.getRun(id))?.status).toBe("running");
    expect(store.db.prepare("SELECT count(*) FROM equity WHERE run_id = ?").pluck().get(id)).toBe(0);
    expect(ok(store.portfolioRun(id))).toBeNull();
  });
});

describe("run kind", () => {
  it("records a portfolio run as one from the start, so a failed one is still listed as a portfolio", () => {
    const strategyRun = ok(store.beginRun(meta()));
    const portfolioRun = ok(store.beginRun({ ...meta(), kind: "portfolio" }));
    ok(store.failRun(portfolioRun, "data missing"));
    expect(ok(store.getRun(strategyRun))?.kind).toBe("strategy");
    expect(ok(store.getRun(portfolioRun))).toMatchObject({ kind: "portfolio", status: "failed" });
    expect(ok(store.listRuns()).map((r) => `${r.id}:${r.kind}`)).toEqual([`${portfolioRun}:portfolio`, `${strategyRun}:strategy`]);
  });
});
