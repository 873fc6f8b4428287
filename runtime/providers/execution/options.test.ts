import { describe, expect, it } from "vitest";
import { lit, param, strategyPlan } from "../../engine/fixtures.js";
import { resolveExecutionOptions, validateExecutionOptions } from "./options.js";
import type { ScalarReader } from "./rule-args.js";

const params = new Map<string, number>([["fee", 0.002]]);
const read: ScalarReader = (expr) => {
  if (expr.op === "lit") return { ok: true, value: expr.value };
  if (expr.op === "param" && params.has(expr.name)) return { ok: true, value: params.get(expr.name) as number };
  return { ok: false, error: { message: "not a scalar" } };
};

describe("backtest execution options", () => {
  it("resolve from the plan with params, overrides winning", () => {
    const strategy = strategyPlan({ costs: { commission: param("fee"), slippage: { op: "call", fn: "slippage", args: [lit(0.0005, "ratio")] } } });
    const plain = resolveExecutionOptions(strategy, read);
    expect(plain).toEqual({ ok: true, value: { fill: "next_open", fractional: false, cash: 100_000, commission: 0.002, slippage: 0.0005, noTrade: [] } });
    const overridden = resolveExecutionOptions(strategy, read, { cash: 5000, commission: 0 });
    expect(overridden.ok && [overridden.value.cash, overridden.value.commission, overridden.value.slippage]).toEqual([5000, 0, 0.0005]);
  });

  it("are checked against specs/providers/execution-backtest.schema.json", () => {
    const good = { fill: "close", fractional: true, cash: 1, commission: 0, slippage: 0, noTrade: [{ from: "09:30", to: "10:00", tz: "Europe/London" }] };
    expect(validateExecutionOptions(good).ok).toBe(true);
    const problems = (v: unknown): string => {
      const r = validateExecutionOptions(v);
      return r.ok ? "ok" : r.error.message;
    };
    expect(problems({ ...good, fill: "open" })).toMatch(/\/fill: must be equal to one of the allowed values/);
    expect(problems({ ...good, cash: 0 })).toMatch(/\/cash: must be > 0/);
    expect(problems({ ...good, slippage: 1 })).toMatch(/\/slippage: must be < 1/);
    expect(problems({ ...good, noTrade: [{ from: "9:30", to: "10:00", tz: "UTC" }] })).toMatch(/\/noTrade\/0\/from/);
    expect(problems({ ...good, extra: 1 })).toMatch(/must NOT have additional properties 'extra'/);
  });
});
