import { describe, expect, it } from "vitest";
import type { Expr } from "../../specs/generated/plan.js";
import { binary, call, flatBars, lit, param, series } from "../engine/fixtures.js";
import type { ModelPredictions } from "../engine/predictions.js";
import { createEvaluator, type SeriesCache } from "./evaluate.js";
import type { Value } from "./value.js";

const bars = flatBars([1, 2, 3, 4, 5, 6]);
const close = series("close");

function evaluator(params: Record<string, number | string | boolean> = {}, predictions = new Map<string, ModelPredictions>(), cache?: SeriesCache) {
  return createEvaluator({ bars, params: new Map(Object.entries(params)), predictions, ...(cache === undefined ? {} : { cache }) });
}

function seriesOf(v: { ok: boolean; value?: Value }): number[] {
  expect(v.ok).toBe(true);
  const value = v.value as Value;
  expect(value.kind).toBe("series");
  return Array.from((value as { data: Float64Array }).data);
}

describe("createEvaluator", () => {
  it("computes a shared subexpression once, with params resolved to their values", () => {
    const cache: SeriesCache = new Map();
    const ev = evaluator({ fast: 3 }, undefined, cache);
    const a = ev.evaluate(call("sma", close, param("fast")));
    const b = ev.evaluate(call("sma", close, lit(3, "int")));
    expect(a.ok && b.ok && a.value.kind === "series" && b.value.kind === "series" && a.value.data === b.value.data).toBe(true);
    expect([...cache.keys()]).toEqual(["sma(close,3)"]);
    // A second evaluator on the same bars reuses the shared cache.
    const again = evaluator({ slow: 3 }, undefined, cache).evaluate(call("sma", close, param("slow")));
    expect(again.ok && a.ok && again.value === a.value).toBe(true);
  });

  it("folds scalar arithmetic and broadcasts scalars against series", () => {
    const ev = evaluator({ k: 2 });
    expect(ev.evaluateScalar(binary("*", param("k"), lit(3)))).toEqual({ ok: true, value: 6 });
    expect(seriesOf(ev.evaluate(binary("+", close, param("k"))))).toEqual([3, 4, 5, 6, 7, 8]);
    expect(seriesOf(ev.evaluate(binary(">=", close, lit(4))))).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it("treats a comparison that reads a warm-up bar as unknown, and `not` keeps it unknown", () => {
    const ev = evaluator();
    const above = binary(">", close, call("sma", close, lit(3, "int")));
    expect(seriesOf(ev.evaluate(above))).toEqual([NaN, NaN, 1, 1, 1, 1]);
    expect(seriesOf(ev.evaluate({ op: "unary", operator: "not", operand: above }))).toEqual([NaN, NaN, 0, 0, 0, 0]);
    expect(seriesOf(ev.evaluate(binary("!=", close, call("sma", close, lit(2, "int")))))).toEqual([NaN, 1, 1, 1, 1, 1]);
    // false and unknown = false; true or unknown = true.
    const warm = binary(">", close, call("sma", close, lit(4, "int")));
    expect(seriesOf(ev.evaluate(binary("and", binary(">", close, lit(10)), warm)))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(seriesOf(ev.evaluate(binary("or", binary(">", close, lit(0)), warm)))).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it("lags a series by whole bars and reads record fields", () => {
    const ev = evaluator();
    const lagged: Expr = { op: "lag", of: close, bars: lit(2, "int") };
    expect(seriesOf(ev.evaluate(lagged))).toEqual([NaN, NaN, 1, 2, 3, 4]);
    const upper: Expr = { op: "field", of: call("bollinger", close, lit(2, "int"), lit(1)), name: "upper" };
    expect(seriesOf(ev.evaluate(upper))).toEqual([NaN, 2, 3, 4, 5, 6]);
    const badField = ev.evaluate({ op: "field", of: call("bollinger", close, lit(2, "int"), lit(1)), name: "top" });
    expect(badField.ok ? "" : badField.error.kind).toBe("unknown_field");
  });

  it("reads model predictions by model and field", () => {
    const p: ModelPredictions = { expected_return: new Float64Array(6).fill(0.01), confidence: Float64Array.from([0.5, 0.6, 0.7, 0.8, 0.9, 1]), volatility: new Float64Array(6) };
    const ev = evaluator({}, new Map([["f", p]]));
    expect(seriesOf(ev.evaluate({ op: "model", model: "f", field: "confidence" }))).toEqual([0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    const missing = ev.evaluate({ op: "model", model: "g", field: "confidence" });
    expect(missing.ok ? "" : missing.error.kind).toBe("unknown_model");
  });

  it("returns errors, never throws, on bad plans", () => {
    const ev = evaluator();
    const cases: [Expr, string][] = [
      [param("nope"), "unknown_param"],
      [call("frobnicate", close), "unknown_function"],
      [call("sma", close, lit(2.5)), "bad_argument"],
      [call("sma", close), "bad_argument"],
      [{ op: "lag", of: close, bars: lit(-1) }, "bad_argument"],
      [binary("+", close, lit("x", "string")), "type_mismatch"],
    ];
    for (const [expr, kind] of cases) {
      const r = ev.evaluate(expr);
      expect(r.ok ? "ok" : r.error.kind, JSON.stringify(expr)).toBe(kind);
    }
  });
});

describe("evaluateFiring", () => {
  // Closes with ties, NaN (unknown) and repeated values, so crossings, tie-then-rise and warm-up all occur.
  const closes = [5, 3, 3, 4, NaN, 6, 2, 2, 7, 1, 1, 1, 8, 8, 0.5, 9];
  const noisy = flatBars(closes);
  const ev = (cache?: SeriesCache) => createEvaluator({ bars: noisy, params: new Map([["p", 2]]), predictions: new Map(), ...(cache === undefined ? {} : { cache }) });
  const firing = (data: Float64Array): number[] => Array.from(data).flatMap((v, t) => (v > 0 || v < 0 ? [t] : []));
  const sma2 = call("sma", close, param("p"));

  it("gives the bars where the per-bar condition fires, for crossovers scanned directly and for any other condition", () => {
    for (const cond of [
      call("crossover", close, sma2),
      call("crossunder", close, sma2),
      call("crossover", close, lit(3)),
      call("crossunder", sma2, close),
      binary(">", close, sma2),
      binary("and", binary(">", close, lit(2)), binary("<", close, lit(8))),
    ]) {
      const dense = ev().evaluateSignal(cond);
      const sparse = ev().evaluateFiring(cond);
      expect(dense.ok && sparse.ok).toBe(true);
      if (dense.ok && sparse.ok) expect(Array.from(sparse.value)).toEqual(firing(dense.value));
    }
  });

  it("reads a crossover already in a shared cache, and reports the same errors as evaluate", () => {
    const cache: SeriesCache = new Map();
    const cond = call("crossover", close, sma2);
    const dense = ev(cache).evaluate(cond);
    const sparse = ev(cache).evaluateFiring(cond);
    expect(dense.ok && sparse.ok && Array.from(sparse.value)).toEqual(dense.ok ? firing((dense.value as { data: Float64Array }).data) : null);
    const bad = call("crossover", close, call("sma", close, lit(0)));
    expect(ev().evaluateFiring(bad)).toEqual(ev().evaluate(bad));
    const text = call("crossover", close, lit("x"));
    expect(ev().evaluateFiring(text)).toEqual(ev().evaluate(text));
  });
});
