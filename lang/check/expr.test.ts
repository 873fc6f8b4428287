// Units and types inside strategy expressions.
import { describe, expect, it } from "vitest";
import { compileSources } from "../compile.js";

function diagnose(cond: string, extra = "") {
  const src = `strategy s {\n  universe ["SPY"]\n${extra}  entry long when ${cond}\n}\n`;
  const out = compileSources({ "main.strat": src });
  return { out, d: out.diagnostics.map((x) => ({ code: x.code, at: src.slice(x.span.start, x.span.end), message: x.message, hints: x.hints })) };
}

describe("expression units", () => {
  it("accepts arithmetic that keeps units straight", () => {
    expect(diagnose("(close - close[1]) / close[1] > 1%").d).toEqual([]);
    expect(diagnose("returns(close) * 100 > 1").d).toEqual([]);
    expect(diagnose("atr(14) / close < 0.05 and volume > 1000").d).toEqual([]);
  });

  it("does not compare money with a ratio", () => {
    const d = diagnose("returns(close) >= $5").d;
    expect(d.map((x) => [x.code, x.at, x.message])).toEqual([["E0302", "$5", "cannot compare series<ratio> and money"]]);
    expect(d[0]?.hints[0]).toContain("money is an amount");
  });

  it("does not add a duration to a number", () => {
    expect(diagnose("hold + 1 > 2d", "  param hold: duration in [1d, 9d] = 2d\n").d.map((x) => [x.code, x.hints[0]])).toEqual([["E0303", "did you mean 1d?"]]);
    expect(diagnose("hold + close > 2d", "  param hold: duration in [1d, 9d] = 2d\n").d.map((x) => x.code)).toEqual(["E0302"]);
  });

  it("scales durations and money by numbers, divides money into a ratio", () => {
    expect(diagnose("hold * 2 > 3d and budget / budget > 50%", "  param hold: duration in [1d, 9d] = 2d\n  param budget: money in [$1, $9] = $2\n").d).toEqual([]);
  });

  it("needs booleans for and/or/not, numbers for minus", () => {
    expect(diagnose("close and open").d.map((x) => x.code)).toEqual(["E0301", "E0301"]);
    expect(diagnose("not close").d.map((x) => x.code)).toEqual(["E0326"]);
    expect(diagnose("-(close > open)").d.map((x) => x.code)).toEqual(["E0326"]);
    expect(diagnose("close > open == true").d.map((x) => x.code)).not.toContain("E0302");
  });

  it("coerces plain literals to the other side's unit", () => {
    const { out } = diagnose("returns(close) > 0.01 and close > 100");
    const when = out.plan?.strategies[0]?.entries[0]?.when;
    expect(when).toMatchObject({
      left: { right: { op: "lit", value: 0.01, unit: "ratio" } },
      right: { right: { op: "lit", value: 100, unit: "number" } },
    });
  });

  it("reports a plain number beyond 100% where a ratio is needed", () => {
    expect(diagnose("returns(close) > 5").d.map((x) => [x.code, x.hints[0]])).toEqual([["E0303", "did you mean 5%?"]]);
  });

  it("checks call arguments: names, counts, types", () => {
    expect(diagnose("close > sma(period: 5, source: open)").d).toEqual([]);
    expect(diagnose("close > sma(close, period: 5, source: open)").d.map((x) => x.code)).toEqual(["E0315"]);
    expect(diagnose("close > sma(close, 5, 6)").d.map((x) => [x.code, x.at])).toEqual([["E0314", "6"]]);
    expect(diagnose("close > sma(close)").d.map((x) => x.code)).toEqual(["E0313"]);
    expect(diagnose("close > sma(close, perid: 5)").d.map((x) => [x.code, x.at, x.hints[0]])).toEqual([["E0312", "perid", "did you mean period?"]]);
    expect(diagnose("close > sma(5, close)").d.map((x) => x.code)).toEqual(["E0301"]);
    expect(diagnose("close > sma(close, 5d)").d.map((x) => x.code)).toEqual(["E0301"]);
    expect(diagnose("close > smaa(close, 5)").d.map((x) => [x.code, x.at, x.hints[0]])).toEqual([["E0209", "smaa", "did you mean sma?"]]);
    expect(diagnose("close() > 1").d.map((x) => x.code)).toEqual(["E0209"]);
  });

  it("reports unknown names with suggestions, and names from files that are not imported", () => {
    expect(diagnose("clse > 1").d.map((x) => [x.code, x.at, x.hints[0]])).toEqual([["E0207", "clse", "did you mean close?"]]);
    const out = compileSources({
      "a.strat": `strategy s {\n  universe ["SPY"]\n  entry long when close > LEVEL\n}\n`,
      "lib/consts.strat": "const LEVEL = 10\n",
    });
    expect(out.diagnostics.map((x) => [x.code, x.hints[0]])).toEqual([["E0214", 'add `import "lib/consts.strat"` at the top of the file']]);
  });

  it("lowers indicators with defaults filled, lags and fields", () => {
    const { out, d } = diagnose("rsi(close) < 30 and close[2] < bollinger(close).lower");
    expect(d).toEqual([]);
    expect(out.plan?.strategies[0]?.entries[0]?.when).toEqual({
      op: "binary",
      operator: "and",
      left: { op: "binary", operator: "<", left: { op: "call", fn: "rsi", args: [{ op: "series", name: "close" }, { op: "lit", value: 14, unit: "int" }] }, right: { op: "lit", value: 30, unit: "number" } },
      right: {
        op: "binary",
        operator: "<",
        left: { op: "lag", of: { op: "series", name: "close" }, bars: { op: "lit", value: 2, unit: "int" } },
        right: {
          op: "field",
          name: "lower",
          of: { op: "call", fn: "bollinger", args: [{ op: "series", name: "close" }, { op: "lit", value: 20, unit: "int" }, { op: "lit", value: 2, unit: "number" }] },
        },
      },
    });
  });

  it("inlines lets and references params", () => {
    const { out } = diagnose("up", "  param n: int in [1, 9] = 3\n  let up = close > sma(close, n)\n");
    expect(out.plan?.strategies[0]?.entries[0]?.when).toEqual({
      op: "binary",
      operator: ">",
      left: { op: "series", name: "close" },
      right: { op: "call", fn: "sma", args: [{ op: "series", name: "close" }, { op: "param", name: "n" }] },
    });
  });
});
