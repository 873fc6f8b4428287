// Params and consts.
import { describe, expect, it } from "vitest";
import { compileSources } from "../compile.js";

function diagnose(body: string, prefix = "") {
  const src = `${prefix}strategy s {\n  universe ["SPY"]\n${body}\n}\n`;
  const out = compileSources({ "main.strat": src });
  return { out, d: out.diagnostics.map((x) => ({ code: x.code, at: src.slice(x.span.start, x.span.end), message: x.message, hints: x.hints })) };
}
const use = (name: string) => `  entry long when close > open and ${name}`;

describe("params", () => {
  it("lowers every scalar type with its unit, domain and default", () => {
    const { out, d } = diagnose(`  /// how far the stop sits
  param stop: percent in [0%, 10%] = 2%
  param edge: bps in [0bps, 50bps] = 5bps
  param conf: ratio in [0.5, 1.0] = 0.55
  param n: int in [1, 50] = 20
  param hold: duration in [1d, 30d] = 5d
  param budget: money in [$1k, $1m] = $50k
  param on: bool = true
  param mode: enum in {fast, slow} = slow
  entry long when close > sma(close, n) and on and mode == fast and conf > 0.5 and edge > 0% and hold > 1d and budget > $0
  exit when stop_loss(stop)`);
    expect(d).toEqual([]);
    const params = out.plan?.strategies[0]?.params ?? [];
    expect(params.map((p) => [p.name, p.type, p.unit, p.default, p.domain])).toEqual([
      ["budget", "money", "money", 50000, { min: 1000, max: 1000000 }],
      ["conf", "ratio", "ratio", 0.55, { min: 0.5, max: 1 }],
      ["edge", "bps", "ratio", 0.0005, { min: 0, max: 0.005 }],
      ["hold", "duration", "seconds", 432000, { min: 86400, max: 2592000 }],
      ["mode", "enum", "enum", "slow", { values: ["fast", "slow"] }],
      ["n", "int", "int", 20, { min: 1, max: 50 }],
      ["on", "bool", "bool", true, null],
      ["stop", "percent", "ratio", 0.02, { min: 0, max: 0.1 }],
    ]);
    expect(params.find((p) => p.name === "stop")?.doc).toBe("how far the stop sits");
  });

  it("needs a known scalar type", () => {
    expect(diagnose(`  param n: integer = 3\n${use("n > 1")}`).d.map((x) => x.code)).toContain("E0323");
    expect(diagnose(`  param n: list<int> = 3\n${use("true")}`).d.map((x) => x.code)).toContain("E0323");
  });

  it("checks domains and defaults", () => {
    expect(diagnose(`  param n: int in [50, 5] = 20\n${use("n > 1")}`).d.map((x) => x.code)).toEqual(["E0403"]);
    expect(diagnose(`  param n: int in [5, 50] = 60\n${use("n > 1")}`).d.map((x) => [x.code, x.at])).toEqual([["E0402", "60"]]);
    expect(diagnose(`  param n: int in [5, 50]\n${use("n > 1")}`).d.map((x) => [x.code, x.at, x.hints[0]])).toEqual([["E0404", "n", "add a default, e.g. `= 5`"]]);
    expect(diagnose(`  param n: int in [5, 50] = 7.5\n${use("n > 1")}`).d.map((x) => x.code)).toEqual(["E0409"]);
    expect(diagnose(`  param p: percent in [0, 5] = 2%\n${use("p > 1%")}`).d.map((x) => [x.code, x.hints[0]])).toEqual([["E0303", "did you mean 5%?"]]);
    // a plain 1 would otherwise read as 100%: every plain bound and default of a percent param is flagged alike
    expect(diagnose(`  param p: percent in [1, 10] = 3\n${use("p > 1%")}`).d.map((x) => [x.code, x.at])).toEqual([["E0303", "1"], ["E0303", "10"], ["E0303", "3"]]);
    expect(diagnose(`  param c: bps in {1, 5bps} = 5bps\n${use("c > 1bps")}`).d.map((x) => x.hints[0])).toEqual(["did you mean 1bps?"]);
    expect(diagnose(`  param r: ratio in [0, 0.5] = 0.1\n${use("r > 1%")}`).d).toEqual([]);
    expect(diagnose(`  param on: bool in [0, 1] = true\n${use("on")}`).d.map((x) => x.code)).toEqual(["E0405"]);
    expect(diagnose(`  param mode: enum = fast\n${use("true")}`).d.map((x) => x.code)).toContain("E0405");
    expect(diagnose(`  param mode: enum in {a, a} = a\n${use("mode == a")}`).d.map((x) => x.code)).toEqual(["E0405"]);
    expect(diagnose(`  param mode: enum in {a, b} = c\n${use("mode == a")}`).d.map((x) => x.code)).toEqual(["E0311"]);
    expect(diagnose(`  param x: number in [0, 10] = 1\n  param n: int in [1, 50] = x\n${use("n > x")}`).d.map((x) => [x.code, x.at])).toEqual([["E0324", "x"]]);
  });

  it("checks that a param passed to a builtin fits the argument's domain", () => {
    expect(diagnose(`  param n: int in [0, 50] = 20\n${use("close > sma(close, n)")}`).d.map((x) => [x.code, x.at, x.hints[0]])).toEqual([
      ["E0406", "n", "narrow the param's domain, e.g. `in [1, 50]`"],
    ]);
    expect(diagnose(`  param n: int = 0\n${use("close > sma(close, n)")}`).d.map((x) => x.code)).toEqual(["E0406"]);
    expect(diagnose(`  param s: percent in [0%, 200%] = 2%\n  entry long when close > open\n  exit when stop_loss(s)`).d.map((x) => x.code)).toEqual(["E0406"]);
  });

  it("does not accept a number param where a ratio is needed", () => {
    expect(diagnose(`  param s: number in [0, 1] = 0.02\n  entry long when close > open\n  exit when stop_loss(s)`).d.map((x) => x.code)).toEqual(["E0301"]);
  });
});

describe("consts", () => {
  it("lowers consts and inlines them where used", () => {
    const { out, d } = diagnose(`  cash BUDGET\n  entry long when close > sma(close, N) and returns(close) > EDGE\n  exit when stop_loss(RISK)`, "const N = 20\nconst EDGE: percent = 1%\nconst RISK = 0.02\nconst BUDGET = $25k\nconst TICKERS = [\"SPY\", \"QQQ\"]\n");
    expect(d).toEqual([]);
    expect(out.plan?.consts).toEqual([
      { name: "BUDGET", value: 25000, unit: "money" },
      { name: "EDGE", value: 0.01, unit: "ratio" },
      { name: "N", value: 20, unit: "int" },
      { name: "RISK", value: 0.02, unit: "number" },
      { name: "TICKERS", value: ["SPY", "QQQ"], unit: "string" },
    ]);
    const s = out.plan?.strategies[0];
    expect(s?.execution.cash).toBe(25000);
    expect(s?.exits[0]?.rule).toEqual({ rule: "stop_loss", args: [{ op: "lit", value: 0.02, unit: "ratio" }] });
  });

  it("reports plain-number consts used where a percentage beyond 100% is needed", () => {
    expect(diagnose(`  entry long when close > open\n  exit when stop_loss(RISK)`, "const RISK = 2\n").d.map((x) => [x.code, x.hints[0]])).toEqual([
      ["E0303", "did you mean 2%? write it in the const: `const RISK = 2%`"],
    ]);
  });

  it("evaluates const arithmetic and rejects non-constants and cycles", () => {
    const { out } = diagnose(`  entry long when close > sma(close, SLOW)`, "const FAST = 10\nconst SLOW = FAST * 3\n");
    expect(out.plan?.consts.find((c) => c.name === "SLOW")?.value).toBe(30);
    expect(diagnose(`${use("true")}`, "const X = close\n").d.map((x) => x.code)).toEqual(["E0210"]);
    expect(diagnose(`${use("true")}`, "const A = B + 1\nconst B = A + 1\n").d.map((x) => x.code)).toContain("E0213");
    expect(diagnose(`${use("true")}`, "const P: percent = 20\n").d.map((x) => [x.code, x.hints[0]])).toEqual([["E0303", "did you mean 20%?"]]);
  });
});
