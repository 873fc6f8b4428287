import { describe, expect, it } from "vitest";
import type { StrategyPlan } from "../../specs/generated/plan.js";
import { parseCliLiteral } from "./literal.js";
import { OverrideError, resolveParams } from "./overrides.js";

const strategy = {
  name: "sma_cross",
  params: [
    { name: "fast", type: "int", unit: "int", default: 10, domain: { min: 2, max: 200 }, doc: null },
    { name: "stop_loss", type: "percent", unit: "ratio", default: 0, domain: { min: 0, max: 0.5 }, doc: null },
  ],
} as unknown as StrategyPlan;

describe("command-line literals", () => {
  it("normalise units like the language", () => {
    expect(parseCliLiteral("5%")).toEqual({ kind: "number", value: 0.05, unit: "ratio", integral: false });
    expect(parseCliLiteral("10bps")).toMatchObject({ value: 0.001, unit: "ratio" });
    expect(parseCliLiteral("$25k")).toMatchObject({ value: 25000, unit: "money" });
    expect(parseCliLiteral("10d")).toMatchObject({ value: 864000, unit: "seconds" });
    expect(parseCliLiteral("12")).toMatchObject({ value: 12, unit: "number", integral: true });
    expect(parseCliLiteral("true")).toEqual({ kind: "bool", value: true });
  });
});

describe("param overrides", () => {
  it("merge with defaults", () => {
    const values = resolveParams(strategy, ["stop_loss=5%", "fast=20"]);
    expect(Object.fromEntries(values)).toEqual({ fast: 20, stop_loss: 0.05 });
  });
  it("reject values outside the domain, saying what the param accepts", () => {
    try {
      resolveParams(strategy, ["stop_loss=60%"]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(OverrideError);
      expect((e as OverrideError).message).toBe("--param stop_loss=60%: outside the param's domain");
      expect((e as OverrideError).hint).toBe("stop_loss is percent in [0%, 50%] (default 0%)");
    }
  });
  it("reject fractional ints and unknown names", () => {
    expect(() => resolveParams(strategy, ["fast=2.5"])).toThrow("expected a whole number");
    expect(() => resolveParams(strategy, ["slow=3"])).toThrow("has no param 'slow'");
    expect(() => resolveParams(strategy, ["fast"])).toThrow("is not name=value");
  });
});
