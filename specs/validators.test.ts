import { describe, expect, it } from "vitest";
import { isIsoDate, validatePlan } from "./validators.js";

const emptyPlan = {
  planVersion: 1,
  hash: "0".repeat(64),
  sources: [],
  consts: [],
  strategies: [],
  gates: [],
  sweeps: [],
  sleeves: [],
  portfolios: [],
  promotions: [],
  schedules: [],
};

describe("validatePlan", () => {
  it("accepts a minimal plan", () => {
    expect(validatePlan(emptyPlan)).toEqual({ ok: true, errors: [] });
  });

  it("reports a missing member and an extra member with their paths", () => {
    const { hash: _hash, ...noHash } = emptyPlan;
    expect(validatePlan(noHash)).toEqual({ ok: false, errors: ["/: must have required property 'hash'"] });
    expect(validatePlan({ ...emptyPlan, extra: 1 })).toEqual({ ok: false, errors: ["/: must NOT have additional properties 'extra'"] });
    expect(validatePlan({ ...emptyPlan, strategies: [{ name: 1 }] }).errors[0]).toMatch(/^\/strategies\/0/);
  });

  it("rejects a newer plan version", () => {
    expect(validatePlan({ ...emptyPlan, planVersion: 2 }).ok).toBe(false);
  });
});

describe("isIsoDate", () => {
  it("knows month lengths and leap years", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("1900-02-29")).toBe(false);
    expect(isIsoDate("2000-02-29")).toBe(true);
    expect(isIsoDate("2021-04-31")).toBe(false);
    expect(isIsoDate("2021-13-01")).toBe(false);
    expect(isIsoDate("2021-1-01")).toBe(false);
  });
});

describe("validatePlan on expressions", () => {
  const withEntry = (when: unknown) => ({
    ...emptyPlan,
    strategies: [
      {
        name: "s",
        doc: null,
        origin: { file: "s.strat" },
        universe: ["SPY"],
        data: null,
        bars: "daily",
        barSeconds: 86400,
        lookback: null,
        params: [],
        models: [],
        entries: [{ side: "long", when }],
        exits: [],
        sizing: { rule: { rule: "all_in", args: [] }, caps: [] },
        costs: { commission: { op: "lit", value: 0, unit: "ratio" }, slippage: { op: "lit", value: 0, unit: "ratio" } },
        noTrade: [],
        execution: { provider: "backtest", fill: "next_open", fractional: false, cash: 1000 },
      },
    ],
  });

  it("accepts every expression shape by its op", () => {
    const when = {
      op: "binary",
      operator: "and",
      left: { op: "binary", operator: ">", left: { op: "series", name: "close" }, right: { op: "lag", of: { op: "series", name: "close" }, bars: { op: "lit", value: 1, unit: "int" } } },
      right: { op: "unary", operator: "not", operand: { op: "binary", operator: "<", left: { op: "model", model: "m", field: "confidence" }, right: { op: "param", name: "p" } } },
    };
    expect(validatePlan(withEntry(when))).toEqual({ ok: true, errors: [] });
    expect(validatePlan(withEntry({ op: "field", name: "upper", of: { op: "call", fn: "bollinger", args: [{ op: "list", items: [] }] } })).ok).toBe(true);
  });

  it("rejects an unknown op, a missing member and a wrong member", () => {
    expect(validatePlan(withEntry({ op: "nope" })).ok).toBe(false);
    expect(validatePlan(withEntry({ op: "series" })).ok).toBe(false);
    expect(validatePlan(withEntry({ op: "series", name: "vwap" })).ok).toBe(false);
    expect(validatePlan(withEntry({ op: "lit", value: 1, unit: "int", extra: true })).ok).toBe(false);
    expect(validatePlan(withEntry("close")).ok).toBe(false);
  });
});
