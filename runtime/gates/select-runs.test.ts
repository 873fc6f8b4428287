import { describe, expect, it } from "vitest";
import { meta, tickerResult } from "../store/__fixtures__/build-results.js";
import { ok, useTestStore } from "../store/__fixtures__/open-temp.js";
import type { Store } from "../store/index.js";
import { gate, PROD_LIVE, rule, storeRun } from "./__fixtures__/stored-runs.js";
import { evaluateGate } from "./evaluate.js";
import { isGateError, type GateError, type GateResult } from "./types.js";

let store: Store;
useTestStore((opened) => (store = opened));

const EQUITY = [100_000, 101_000];
const trades = gate("g", [rule("trades >= 1", "trades", ">=", 1, "int")]);

function evaluate(...args: Parameters<typeof evaluateGate> extends [Store, ...infer R] ? R : never): GateResult {
  const result = evaluateGate(store, ...args);
  if (isGateError(result)) throw new Error(`unexpected ${result.code}: ${result.message}`);
  return result;
}

function evaluateError(...args: Parameters<typeof evaluateGate> extends [Store, ...infer R] ? R : never): GateError {
  const result = evaluateGate(store, ...args);
  if (!isGateError(result)) throw new Error(`expected a GateError, got ${result.status}`);
  return result;
}

describe("run selection and scope", () => {
  it("--latest takes the latest completed in-scope run, skipping newer out-of-scope and unfinished ones", () => {
    const inScope = storeRun(store, EQUITY, [5]);
    storeRun(store, EQUITY, [5], { runSource: "smoke" });
    storeRun(store, EQUITY, [5], { dataRegime: "maintenance_replay" });
    ok(store.beginRun(meta()));
    const result = evaluate(trades, { latest: true });
    expect(result.runId).toBe(inScope);
    expect(result.scope).toEqual([
      { clause: "run_source == prod", satisfied: true },
      { clause: "data_regime == prod_live", satisfied: true },
    ]);
  });

  it("--strategy takes the latest completed in-scope run of that strategy", () => {
    const sma = storeRun(store, EQUITY, [5], { strategy: "sma_cross" });
    storeRun(store, EQUITY, [5], { strategy: "rsi_reversion" });
    expect(evaluate(trades, { strategy: "sma_cross" }).runId).toBe(sma);
  });

  it("--run of an out-of-scope run is insufficient_observation naming the failed clause", () => {
    const smoke = storeRun(store, EQUITY, [5], { runSource: "smoke" });
    const result = evaluate(trades, { runId: smoke });
    expect(result).toMatchObject({ status: "insufficient_observation", runId: smoke, rules: [], reason: `run ${smoke} is out of scope: it fails run_source == prod (run_source is smoke)` });
    expect(result.scope).toEqual([
      { clause: "run_source == prod", satisfied: false },
      { clause: "data_regime == prod_live", satisfied: true },
    ]);
    expect(result.ledgerSeq).toBe(1);
  });

  it("--run of a failed run is insufficient_observation", () => {
    const id = ok(store.beginRun(meta()));
    ok(store.failRun(id, "boom"));
    expect(evaluate(trades, { runId: id }).reason).toBe(`run ${id} is failed, not completed`);
  });

  it("without any in-scope run is insufficient_observation, says why, and is still recorded", () => {
    const smoke = storeRun(store, EQUITY, [5], { runSource: "smoke" });
    const result = evaluate(trades, {});
    expect(result).toMatchObject({ status: "insufficient_observation", runId: null, planHash: null, dataHash: null, modelVersions: [], scope: [], rules: [] });
    expect(result.reason).toBe(`no completed run satisfies the scope run_source == prod and data_regime == prod_live: the latest, ${smoke}, fails run_source == prod (run_source is smoke)`);
    expect(ok(store.gateEvaluations())).toHaveLength(1);
    const empty = evaluate(trades, { strategy: "nope" });
    expect(empty.reason).toBe("no completed run of strategy nope satisfies the scope run_source == prod and data_regime == prod_live: there are no completed runs of strategy nope");
  });

  it("honours != clauses and strategy clauses", () => {
    storeRun(store, EQUITY, [5], { runSource: "maintenance" });
    const paper = storeRun(store, EQUITY, [5], { runSource: "paper", strategy: "x" });
    storeRun(store, EQUITY, [5], { runSource: "paper", strategy: "y" });
    const scoped = gate("g", trades.rules, [
      { field: "run_source", operator: "!=", value: "maintenance" },
      { field: "strategy", operator: "==", value: "x" },
    ]);
    expect(evaluate(scoped, {}).runId).toBe(paper);
  });

  it("counts every run with an empty scope", () => {
    const any = storeRun(store, EQUITY, [5], { runSource: "smoke", dataRegime: "mixed" });
    expect(evaluate(gate("g", trades.rules, []), {}).runId).toBe(any);
  });

  it("rejects contradictory selections and unknown runs with a GateError", () => {
    expect(evaluateError(trades, { runId: "r-000001", latest: true })).toMatchObject({ code: "R0220", message: "--run cannot be combined with --latest or --strategy" });
    expect(evaluateError(trades, { runId: "r-000009" })).toMatchObject({ code: "R0209", message: "no run has id r-000009" });
    expect(ok(store.ledger())).toEqual([]);
  });
});

describe("ticker scope", () => {
  it("reads the results of the one ticker a `ticker ==` clause names", () => {
    const id = ok(store.beginRun(meta({ tickers: ["AAPL", "MSFT"] })));
    ok(store.recordTickerResult(id, tickerResult("AAPL", [50_000, 50_100], [1, 2, 3]), {}));
    ok(store.recordTickerResult(id, tickerResult("MSFT", [50_000, 49_900], [-4]), {}));
    const curve = { time: new Float64Array([0, 1]), equity: new Float64Array([100_000, 100_000]), exposed: new Uint8Array([1, 1]) };
    ok(store.completeRun(id, { portfolio: { equity: curve, tradedValue: 0, finalEquity: 100_000 } }));
    const msft = gate("g", trades.rules, [...PROD_LIVE, { field: "ticker", operator: "==", value: "MSFT" }]);
    expect(evaluate(msft, {}).rules[0]?.value).toBe(1);
    expect(evaluate(gate("g", trades.rules), {}).rules[0]?.value).toBe(4);
    const nvda = gate("g", trades.rules, [{ field: "ticker", operator: "==", value: "NVDA" }]);
    expect(evaluate(nvda, { runId: id }).reason).toBe(`run ${id} is out of scope: it fails ticker == NVDA (tickers are AAPL, MSFT)`);
  });
});

describe("change rules against a baseline", () => {
  // profit_factor: baseline 20/10 = 2; candidate 20.6/10 = 2.06 → +3%.
  // max_drawdown: baseline (110000-99000)/110000 = 10%; candidate (110000-93500)/110000 = 15% → +50%.
  const promotion = gate(
    "model_promotion",
    [
      rule("change(profit_factor) >= 3%", "profit_factor", ">=", 0.03, "ratio", { compare: "change" }),
      rule("change(max_drawdown) <= 50%", "max_drawdown", "<=", 0.5, "ratio", { compare: "change" }),
    ],
    PROD_LIVE,
    "ts_threshold",
  );
  const storeBaseline = (overrides = {}): string => storeRun(store, [100_000, 110_000, 99_000], [20, -10], { strategy: "ts_threshold", ...overrides });
  const storeCandidate = (): string => storeRun(store, [100_000, 110_000, 93_500], [20.6, -10], { strategy: "ts_ml" });

  it("compares with the latest in-scope run of the baseline strategy", () => {
    storeBaseline({ runSource: "prod" });
    const baseline = storeBaseline();
    storeBaseline({ runSource: "smoke" });
    storeCandidate();
    const result = evaluate(promotion, { strategy: "ts_ml" });
    expect(result.baselineRunId).toBe(baseline);
    expect(result.rules[0]?.baselineValue).toBe(2);
    expect(result.rules[0]?.value).toBeCloseTo(0.03, 12);
    expect(result.rules[1]?.baselineValue).toBeCloseTo(0.1, 12);
    expect(result.rules[1]?.value).toBeCloseTo(0.5, 12);
    expect(result.rules[1]?.margin).toBeCloseTo(0, 12);
  });

  it("uses an explicit baseline run when given", () => {
    const explicit = storeRun(store, [100_000, 110_000, 99_000], [40, -10], { strategy: "anything", runSource: "smoke" });
    storeBaseline();
    const candidate = storeCandidate();
    const result = evaluate(promotion, { runId: candidate, baselineRunId: explicit });
    expect(result.baselineRunId).toBe(explicit);
    expect(result.rules[0]?.baselineValue).toBe(4);
    expect(result.rules[0]?.value).toBeCloseTo(2.06 / 4 - 1, 12);
    expect(result.status).toBe("fail");
    expect(evaluateError(promotion, { runId: candidate, baselineRunId: "r-000099" }).code).toBe("R0209");
  });

  it("fails (orElse) with a note when there is no baseline run", () => {
    storeCandidate();
    const result = evaluate(promotion, {});
    expect(result.status).toBe("fail");
    expect(result.baselineRunId).toBeNull();
    expect(result.rules[0]).toMatchObject({ value: null, baselineValue: null, note: "no completed run of ts_threshold satisfies run_source == prod and data_regime == prod_live to compare with" });
  });

  it("notes a zero baseline, for which a relative change is undefined", () => {
    storeRun(store, [100_000, 110_000], [20], { strategy: "ts_threshold" });
    storeCandidate();
    const result = evaluate(promotion, {});
    expect(result.rules[1]).toMatchObject({ value: null, baselineValue: 0, outcome: "fail", note: "the baseline max_drawdown is 0: a relative change is undefined" });
  });
});
