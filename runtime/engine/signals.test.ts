import { describe, expect, it } from "vitest";
import { createEvaluator } from "../eval/evaluate.js";
import { binary, flatBars, lit, series, strategyPlan } from "./fixtures.js";
import { evaluateSignals, FiringCursor, NO_FIRING } from "./signals.js";

describe("evaluateSignals", () => {
  const bars = flatBars([1, 5, 2, 6, 3, 7, 4, 8]);
  const close = series("close");
  const evaluator = createEvaluator({ bars, params: new Map(), predictions: new Map() });

  it("ORs several conditions of a side into one ascending list without repeats, and applies `both` exits to either side", () => {
    const plan = strategyPlan({
      entries: [
        { side: "long", when: binary(">", close, lit(6)) }, // bars 5, 7
        { side: "long", when: binary("<", close, lit(3)) }, // bars 0, 2
        { side: "long", when: binary("==", close, lit(7)) }, // bar 5 again
      ],
      exits: [{ side: "both", signal: binary("==", close, lit(4)), rule: null }],
    });
    const r = evaluateSignals(plan, evaluator);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Array.from(r.value.entryLong ?? [])).toEqual([0, 2, 5, 7]);
    expect(r.value.entryShort).toBeNull();
    expect(Array.from(r.value.exitLong ?? [])).toEqual([6]);
    expect(Array.from(r.value.exitShort ?? [])).toEqual([6]);
    expect(r.value.firstSide).toBe(1);
  });
});

describe("FiringCursor", () => {
  it("answers next firing bar and fires-at for a bar that only moves forward", () => {
    const c = new FiringCursor(Int32Array.from([2, 5, 9]));
    expect(c.next(0)).toBe(2);
    expect(c.at(2)).toBe(true);
    expect(c.at(3)).toBe(false);
    expect(c.next(3)).toBe(5);
    expect(c.next(6)).toBe(9);
    expect(c.at(9)).toBe(true);
    expect(c.next(10)).toBe(NO_FIRING);
    expect(new FiringCursor(null).next(0)).toBe(NO_FIRING);
  });
});
