import { describe, expect, it } from "vitest";
import { sharedAjv } from "../../specs/validators.js";
import gateResultSchema from "../../specs/gate-result.schema.json" with { type: "json" };
import ledgerRecordSchema from "../../specs/ledger-record.schema.json" with { type: "json" };
import { ok, openTestStore, useTestStore } from "../store/__fixtures__/open-temp.js";
import type { Store } from "../store/index.js";
import { gate, rule, storeRun } from "./__fixtures__/stored-runs.js";
import { evaluateGate, gateHash, toGateResultJson } from "./evaluate.js";
import { isGateError, type GateResult } from "./types.js";

if (sharedAjv().getSchema(gateResultSchema.$id) === undefined) sharedAjv().addSchema(gateResultSchema);
if (sharedAjv().getSchema(ledgerRecordSchema.$id) === undefined) sharedAjv().addSchema(ledgerRecordSchema);
const validateResult = sharedAjv().getSchema(gateResultSchema.$id);
const validateRecord = sharedAjv().getSchema(ledgerRecordSchema.$id);

let store: Store;
useTestStore((opened) => (store = opened));

/** Evaluates and fails the test on a GateError; also checks the JSON against the schema. */
function evaluate(...args: Parameters<typeof evaluateGate> extends [Store, ...infer R] ? R : never): GateResult {
  const result = evaluateGate(store, ...args);
  if (isGateError(result)) throw new Error(`unexpected ${result.code}: ${result.message}`);
  const json = toGateResultJson(result);
  expect(validateResult?.(json), JSON.stringify(validateResult?.errors)).toBe(true);
  return result;
}

// Trades +30, +20, -10: 3 trades, win_rate 2/3, profit_factor 50/10 = 5.
// Equity 100000 → 101000 → 99990 → 102000: max_drawdown (101000 - 99990) / 101000 = 0.01.
const EQUITY = [100_000, 101_000, 99_990, 102_000];
const PNLS = [30, 20, -10];

const quant = gate("quant_validation", [
  rule("trades >= 3 else insufficient_observation", "trades", ">=", 3, "int", { orElse: "insufficient_observation" }),
  rule("profit_factor >= 1.1", "profit_factor", ">=", 1.1, "number"),
  rule("win_rate >= 50%", "win_rate", ">=", 0.5, "ratio"),
  rule("max_drawdown <= 15%", "max_drawdown", "<=", 0.15, "ratio"),
]);

describe("evaluateGate: rules", () => {
  it("passes with each rule's value, threshold and margin, and pins the JSON", async () => {
    const id = storeRun(store, EQUITY, PNLS);
    const result = evaluate(quant, { latest: true });
    expect(result.status).toBe("pass");
    expect(result.runId).toBe(id);
    expect(result.reason).toBeNull();
    const byMetric = Object.fromEntries(result.rules.map((r) => [r.metric, r]));
    expect(byMetric["trades"]).toMatchObject({ value: 3, margin: 0, outcome: "pass" });
    expect(byMetric["profit_factor"]?.value).toBe(5);
    expect(byMetric["profit_factor"]?.margin).toBeCloseTo(3.9, 12);
    expect(byMetric["win_rate"]?.value).toBeCloseTo(2 / 3, 12);
    expect(byMetric["max_drawdown"]?.value).toBeCloseTo(0.01, 12);
    expect(byMetric["max_drawdown"]?.margin).toBeCloseTo(0.14, 12);
    await expect(JSON.stringify(toGateResultJson(result), null, 2) + "\n").toMatchFileSnapshot("./__golden__/quant-validation-pass.json");
  });

  it("fails when a plain rule fails, naming it with its value", () => {
    storeRun(store, EQUITY, [10, -5, -30]);
    const result = evaluate(quant, {});
    expect(result.status).toBe("fail");
    expect(result.reason).toBe("failed: profit_factor >= 1.1 (profit_factor = 0.2857); win_rate >= 50% (win_rate = 33.33%)");
    expect(result.rules.map((r) => r.outcome)).toEqual(["pass", "fail", "fail", "pass"]);
  });

  it("is insufficient_observation when a guard rule is not met, even if a plain rule fails", () => {
    storeRun(store, EQUITY, [10, -30]);
    const result = evaluate(quant, {});
    expect(result.rules.map((r) => r.outcome)).toEqual(["insufficient_observation", "fail", "pass", "pass"]);
    expect(result.status).toBe("insufficient_observation");
    expect(result.reason).toBe("insufficient observation: trades >= 3 else insufficient_observation (trades = 2)");
  });

  it("gives an undefined metric the rule's orElse outcome, with a note", () => {
    storeRun(store, EQUITY, []);
    const plain = evaluate(gate("g", [rule("win_rate >= 50%", "win_rate", ">=", 0.5, "ratio")]), {});
    expect(plain.rules[0]).toMatchObject({ value: null, margin: null, outcome: "fail", note: "win_rate is undefined for this run" });
    expect(plain.status).toBe("fail");
    expect(plain.reason).toBe("failed: win_rate >= 50% (win_rate is undefined for this run)");
    const guarded = evaluate(gate("g", [rule("win_rate >= 50% else insufficient_observation", "win_rate", ">=", 0.5, "ratio", { orElse: "insufficient_observation" })]), {});
    expect(guarded.status).toBe("insufficient_observation");
  });

  it("keeps an infinite profit factor, and writes it as \"Infinity\" in JSON", () => {
    storeRun(store, EQUITY, [5, 7]);
    const result = evaluate(gate("g", [rule("profit_factor >= 1.1", "profit_factor", ">=", 1.1, "number")]), {});
    expect(result.rules[0]).toMatchObject({ value: Number.POSITIVE_INFINITY, margin: Number.POSITIVE_INFINITY, outcome: "pass" });
    const json = toGateResultJson(result) as { rules: { value: unknown }[] };
    expect(json.rules[0]?.value).toBe("Infinity");
  });

  it("reports an unknown metric instead of throwing", () => {
    storeRun(store, EQUITY, PNLS);
    const result = evaluate(gate("g", [rule("alpha >= 1", "alpha", ">=", 1, "number")]), {});
    expect(result.rules[0]?.note).toBe("alpha is not a metric this strat computes: recompile the gate");
    expect(result.status).toBe("fail");
  });

  it("evaluates a metric with arguments under its key", () => {
    storeRun(store, EQUITY, PNLS);
    const result = evaluate(gate("g", [rule("var(95%) <= 5%", "var", "<=", 0.05, "ratio", { args: [0.95] })]), {});
    expect(result.rules[0]?.metric).toBe("var(0.95)");
  });
});

describe("evaluateGate: recording", () => {
  it("records every evaluation in gate_evaluations and the ledger, with the run's provenance", () => {
    const id = storeRun(store, EQUITY, PNLS);
    const first = evaluate(quant, { runId: id });
    const second = evaluate(gate("other", [rule("trades >= 30 else insufficient_observation", "trades", ">=", 30, "int", { orElse: "insufficient_observation" })]), {});
    expect([first.ledgerSeq, second.ledgerSeq]).toEqual([1, 2]);
    const run = ok(store.getRun(id));
    expect(first).toMatchObject({ planHash: run?.planHash, dataHash: run?.dataHash, modelVersions: ["momentum@1.0.0"], gateHash: gateHash(quant) });

    const records = ok(store.ledger());
    expect(records.map((r) => r.kind)).toEqual(["gate_evaluation", "gate_evaluation"]);
    const { ledgerSeq: _seq, ...withoutSeq } = first;
    expect(records[0]?.payload).toEqual(toGateResultJson(withoutSeq));
    for (const record of records) expect(validateRecord?.(record), JSON.stringify(validateRecord?.errors)).toBe(true);
    expect(store.verifyLedger()).toEqual({ ok: true, count: 2 });

    const rows = ok(store.gateEvaluations({ gate: "quant_validation" }));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "pass", runId: id, ledgerSeq: 1, planHash: run?.planHash });
  });

  it("hashes the gate's meaning, not its doc or origin", () => {
    const moved = { ...quant, doc: "new words", origin: { file: "elsewhere.strat" } };
    expect(gateHash(moved)).toBe(gateHash(quant));
    expect(gateHash({ ...quant, rules: quant.rules.slice(1) })).not.toBe(gateHash(quant));
  });

  it("returns a GateError, not a throw, when the store is read-only", () => {
    storeRun(store, EQUITY, PNLS);
    const path = store.path;
    store.close();
    store = openTestStore(path.replace(/\/store\.db$/, ""), { readonly: true });
    const result = evaluateGate(store, quant, {});
    expect(isGateError(result) && result.code).toBe("R0202");
  });
});
