import { describe, expect, it } from "vitest";
import { compileSources } from "../compile.js";

function diagnose(src: string): { code: string; at: string; message: string; hints: readonly string[] }[] {
  const out = compileSources({ "main.strat": src });
  return out.diagnostics.map((d) => ({ code: d.code, at: src.slice(d.span.start, d.span.end), message: d.message, hints: d.hints }));
}
const gate = (body: string): string => `gate g {\n${body}\n}\n`;
const SMA = `strategy base {\n  universe ["SPY"]\n  entry long when close > sma(close, 20)\n}\n`;

describe("gate rules", () => {
  it("accepts metric OP literal in each unit, with defaults filled", () => {
    const out = compileSources({
      "main.strat": gate(`  require trades >= 30 else insufficient_observation
  require win_rate >= 50%
  require sharpe(daily) >= 1.0
  require sharpe(step) > 0
  require var(0.99) <= 5%
  require cvar <= 0.08
  require annualized_pnl >= $10k
  require max_drawdown <= 0.15
  require 1.1 <= profit_factor`),
    });
    expect(out.diagnostics).toEqual([]);
    const rules = out.plan?.gates[0]?.rules ?? [];
    expect(rules.map((r) => [r.metric, r.args, r.operator, r.threshold, r.unit, r.orElse])).toEqual([
      ["trades", [], ">=", 30, "int", "insufficient_observation"],
      ["win_rate", [], ">=", 0.5, "ratio", "fail"],
      ["sharpe", ["daily"], ">=", 1, "number", "fail"],
      ["sharpe", ["step"], ">", 0, "number", "fail"],
      ["var", [0.99], "<=", 0.05, "ratio", "fail"],
      ["cvar", [0.95], "<=", 0.08, "ratio", "fail"],
      ["annualized_pnl", [], ">=", 10000, "money", "fail"],
      ["max_drawdown", [], "<=", 0.15, "ratio", "fail"],
      ["profit_factor", [], ">=", 1.1, "number", "fail"],
    ]);
    expect(rules.map((r) => r.text)).toContain("sharpe(daily) >= 1.0");
    expect(rules[8]?.text).toBe("profit_factor >= 1.1");
  });

  it("rejects max_drawdown <= 15 with the hint 15%", () => {
    const d = diagnose(gate("  require max_drawdown <= 15"));
    expect(d.map((x) => [x.code, x.at])).toEqual([["E0407", "15"]]);
    expect(d[0]?.hints).toEqual(["did you mean 15%?"]);
  });

  it("rejects win_rate >= 50 with the hint 50%, and 120% as unreachable", () => {
    expect(diagnose(gate("  require win_rate >= 50")).map((x) => [x.code, x.hints[0]])).toEqual([["E0407", "did you mean 50%?"]]);
    expect(diagnose(gate("  require win_rate >= 120%")).map((x) => [x.code, x.message])).toEqual([["E0407", "120% is outside the range of win_rate, [0%, 100%]"]]);
  });

  it("checks the literal's unit against the metric's", () => {
    expect(diagnose(gate("  require profit_factor >= 110%")).map((x) => [x.code, x.hints[0]])).toEqual([["E0301", "profit_factor is a plain number: write 1.1"]]);
    expect(diagnose(gate("  require annualized_pnl >= 10000")).map((x) => [x.code, x.hints[0]])).toEqual([["E0303", "did you mean $10000?"]]);
    expect(diagnose(gate("  require trades >= 30.5")).map((x) => x.code)).toEqual(["E0409"]);
    expect(diagnose(gate("  require win_rate >= $5")).map((x) => x.code)).toEqual(["E0301"]);
  });

  it("wants metric OP literal", () => {
    expect(diagnose(gate("  require trades")).map((x) => x.code)).toEqual(["E0512"]);
    expect(diagnose(gate("  require trades >= win_rate")).map((x) => x.code)).toEqual(["E0512"]);
    const d = diagnose(gate("  require trades >= 30 and win_rate >= 50%"));
    expect(d.map((x) => x.code)).toEqual(["E0512"]);
    expect(d[0]?.hints[0]).toContain("its own rule");
  });

  it("suggests metric names and checks metric arguments", () => {
    expect(diagnose(gate("  require win_rte >= 50%")).map((x) => [x.code, x.at, x.hints[0]])).toEqual([["E0514", "win_rte", "did you mean win_rate?"]]);
    expect(diagnose(gate("  require sharpe(dayly) >= 1")).map((x) => [x.code, x.at, x.hints[0]])).toEqual([["E0311", "dayly", "did you mean daily?"]]);
    expect(diagnose(gate("  require var(0.3) <= 5%")).map((x) => x.code)).toEqual(["E0401"]);
    expect(diagnose(gate("  require sma(close, 5) > 1")).map((x) => [x.code, x.at])).toEqual([["E0210", "sma"]]);
  });

  it("needs a baseline for change(...)", () => {
    expect(diagnose(gate("  require change(profit_factor) >= 3%")).map((x) => [x.code, x.at])).toEqual([["E0513", "change"]]);
    const out = compileSources({ "main.strat": `${SMA}${gate("  baseline base\n  require change(profit_factor) >= 3%\n  require change(max_drawdown) <= 50%")}` });
    expect(out.diagnostics).toEqual([]);
    expect(out.plan?.gates[0]?.baseline).toBe("base");
    expect(out.plan?.gates[0]?.rules.map((r) => [r.compare, r.metric, r.threshold, r.unit])).toEqual([
      ["change", "profit_factor", 0.03, "ratio"],
      ["change", "max_drawdown", 0.5, "ratio"],
    ]);
  });

  it("checks else outcomes and requires at least one rule", () => {
    expect(diagnose(gate("  require trades >= 30 else insuficient_observation")).map((x) => [x.code, x.hints[0]])).toEqual([["E0525", "did you mean insufficient_observation?"]]);
    expect(diagnose(gate("  scope run_source == prod")).map((x) => x.code)).toEqual(["E0521"]);
  });
});

describe("gate scope", () => {
  it("lowers a conjunction of clauses", () => {
    const out = compileSources({
      "main.strat": `${SMA}${gate('  scope run_source == prod and data_regime != mixed and ticker == "SPY"\n  require trades >= 1')}`,
    });
    expect(out.diagnostics).toEqual([]);
    expect(out.plan?.gates[0]?.scope).toEqual([
      { field: "run_source", operator: "==", value: "prod" },
      { field: "data_regime", operator: "!=", value: "mixed" },
      { field: "ticker", operator: "==", value: "SPY" },
    ]);
  });

  it("reports unknown fields and values", () => {
    expect(diagnose(gate("  scope run_sorce == prod\n  require trades >= 1")).map((x) => [x.code, x.at, x.hints[0]])).toEqual([["E0522", "run_sorce", "did you mean run_source?"]]);
    expect(diagnose(gate("  scope run_source == production\n  require trades >= 1")).map((x) => [x.code, x.at])).toEqual([["E0311", "production"]]);
    expect(diagnose(gate("  scope run_source < prod\n  require trades >= 1")).map((x) => x.code)).toEqual(["E0522"]);
    expect(diagnose(gate('  scope ticker == "S P Y"\n  require trades >= 1')).map((x) => x.code)).toEqual(["E0320"]);
  });

  it("reads a const as a threshold and names a misspelt one", () => {
    const consts = "const release_trades = 30\nconst dd: percent = 15%\n";
    expect(diagnose(consts + gate("  require trades >= release_trades\n  require max_drawdown <= dd"))).toEqual([]);
    expect(diagnose(consts + gate("  require trades >= release_trade\n  require max_drawdown <= dd")).map((x) => [x.code, x.at, x.hints[0]])).toEqual([
      ["E0207", "release_trade", "did you mean release_trades?"],
    ]);
    expect(diagnose(gate("  require 30 <= trade")).map((x) => [x.code, x.at])).toEqual([["E0514", "trade"]]);
  });

  it("says a bare ticker needs quotes and stays silent after a syntax error", () => {
    expect(diagnose(gate("  scope ticker == SPY\n  require trades >= 1")).map((x) => [x.code, x.hints[0]])).toEqual([["E0301", 'a ticker is a string: write `ticker == "SPY"`']]);
    expect(diagnose(gate("  require trades >=")).map((x) => x.code)).toEqual(["E0111"]);
    expect(diagnose(gate("  require trades >= 30 else")).map((x) => x.code)).toEqual(["E0110"]);
  });
});
