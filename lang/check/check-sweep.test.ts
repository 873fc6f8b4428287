import { describe, expect, it } from "vitest";
import { compileSources } from "../compile.js";

const SMA = `strategy sma_cross {
  universe ["SPY", "QQQ", "IWM"]
  param fast: int in [2, 50] = 10
  param slow: int in [10, 200] = 30
  param band: percent in [0%, 5%] = 1%
  param mode: enum in {trend, revert} = trend
  entry long when crossover(sma(close, fast), sma(close, slow) * (1 + band)) and mode == trend
}
gate quality { require trades >= 30 }
`;

function compileSweep(body: string, select = "  select maximize sharpe(daily) subject to quality") {
  const src = `${SMA}sweep sw {\n  strategy sma_cross\n${body}\n${select}\n}\n`;
  const out = compileSources({ "main.strat": src });
  return { out, d: out.diagnostics.map((x) => ({ code: x.code, at: src.slice(x.span.start, x.span.end), message: x.message, hints: x.hints })) };
}

describe("sweep grids", () => {
  it("expands lists and ranges and counts trials", () => {
    const { out, d } = compileSweep("  grid fast = 5..20 step 5\n  grid slow = [30, 60]\n  grid band = 0%..2% step 0.5%\n  grid mode = [trend, revert]");
    expect(d).toEqual([]);
    const sweep = out.plan?.sweeps[0];
    expect(sweep?.grid).toEqual([
      { param: "fast", values: [5, 10, 15, 20] },
      { param: "slow", values: [30, 60] },
      { param: "band", values: [0, 0.005, 0.01, 0.015, 0.02] },
      { param: "mode", values: ["trend", "revert"] },
    ]);
    expect([sweep?.gridSize, sweep?.trials, sweep?.totalTrials, sweep?.perTicker]).toEqual([80, 80, 80, false]);
    expect(sweep?.sampler).toEqual({ kind: "grid", trials: 80, seed: 0 });
  });

  it("defaults the step of int ranges to 1 and multiplies trials per ticker", () => {
    const { out, d } = compileSweep("  per ticker\n  grid fast = 2..6\n  search random(trials: 3, seed: 9)");
    expect(d).toEqual([]);
    const sweep = out.plan?.sweeps[0];
    expect([sweep?.gridSize, sweep?.trials, sweep?.totalTrials]).toEqual([5, 3, 9]);
    expect(sweep?.sampler).toEqual({ kind: "random", trials: 3, seed: 9 });
  });

  it("applies constraints to the grid size", () => {
    const { out, d } = compileSweep("  grid fast = [5, 10, 20, 40]\n  grid slow = [10, 20, 40]\n  constraint fast < slow\n  constraint slow - fast >= 10");
    expect(d).toEqual([]);
    // (5,20) (5,40) (10,20) (10,40) (20,40)
    expect(out.plan?.sweeps[0]?.gridSize).toBe(5);
    expect(out.plan?.sweeps[0]?.constraints).toHaveLength(2);
  });

  it("grids only over declared params, with did you mean", () => {
    const { d } = compileSweep("  grid fats = [5, 10]");
    expect(d.map((x) => [x.code, x.at, x.hints[0]])).toEqual([["E0502", "fats", "did you mean fast?"]]);
  });

  it("keeps grid values inside the param's domain and type", () => {
    expect(compileSweep("  grid fast = [5, 60]").d.map((x) => [x.code, x.at])).toEqual([["E0503", "60"]]);
    expect(compileSweep("  grid band = [1%, 6%]").d.map((x) => [x.code, x.at])).toEqual([["E0503", "6%"]]);
    expect(compileSweep("  grid band = 1%..10% step 1%").d.map((x) => x.code)).toEqual(["E0503"]);
    expect(compileSweep("  grid fast = [5, 5]").d.map((x) => x.code)).toEqual(["E0503"]);
    expect(compileSweep("  grid fast = [5.5]").d.map((x) => x.code)).toEqual(["E0409"]);
    expect(compileSweep("  grid mode = [trend, sideways]").d.map((x) => [x.code, x.at])).toEqual([["E0311", "sideways"]]);
    expect(compileSweep("  grid band = [2]").d.map((x) => [x.code, x.hints[0]])).toEqual([["E0303", "did you mean 2%?"]]);
  });

  it("checks steps and duplicates", () => {
    expect(compileSweep("  grid band = 0%..2%").d.map((x) => x.code)).toEqual(["E0511"]);
    expect(compileSweep("  grid fast = 2..10 step 0").d.map((x) => x.code)).toEqual(["E0511"]);
    expect(compileSweep("  grid fast = [5]\n  grid fast = [10]").d.map((x) => x.code)).toEqual(["E0504"]);
    expect(compileSweep("").d.map((x) => x.code)).toEqual(["E0527"]);
  });

  it("checks constraints: params only, boolean, satisfiable", () => {
    expect(compileSweep("  grid fast = [5]\n  constraint close > 1").d.map((x) => [x.code, x.at])).toEqual([["E0505", "close"]]);
    expect(compileSweep("  grid fast = [5]\n  constraint fast + 1").d.map((x) => x.code)).toEqual(["E0301"]);
    expect(compileSweep("  grid fast = [20, 30]\n  grid slow = [10, 20]\n  constraint fast < slow").d.map((x) => x.code)).toEqual(["E0506"]);
  });

  it("caps trials at the grid size; warns when random search asks for more", () => {
    const random = compileSweep("  grid fast = [5, 10]\n  search random(trials: 5)");
    expect(random.d.map((x) => x.code)).toEqual(["W0501"]);
    expect(random.out.plan?.sweeps[0]?.trials).toBe(2);
    const tpe = compileSweep("  per ticker\n  grid fast = [5, 10]\n  search tpe(trials: 50, seed: 1)");
    expect(tpe.d).toEqual([]);
    expect([tpe.out.plan?.sweeps[0]?.sampler.trials, tpe.out.plan?.sweeps[0]?.trials, tpe.out.plan?.sweeps[0]?.totalTrials]).toEqual([50, 2, 6]);
  });
});

describe("sweep windows", () => {
  it("accepts ordered, disjoint windows and lowers them in label order", () => {
    const { out, d } = compileSweep("  grid fast = [5]\n  windows oos 2023-01-01..2023-12-31, search 2019-01-01..2021-12-31, validate 2022-01-01..2022-12-31");
    expect(d).toEqual([]);
    expect(out.plan?.sweeps[0]?.windows.map((w) => w.label)).toEqual(["search", "validate", "oos"]);
  });

  it("reports bad labels, duplicates, reversed, overlapping and misordered windows", () => {
    expect(compileSweep("  grid fast = [5]\n  windows serch 2019-01-01..2021-12-31").d.map((x) => [x.code, x.hints[0]])).toEqual([["E0507", "did you mean search?"]]);
    expect(compileSweep("  grid fast = [5]\n  windows search 2019-01-01..2019-12-31, search 2020-01-01..2020-12-31").d.map((x) => x.code)).toEqual(["E0507"]);
    expect(compileSweep("  grid fast = [5]\n  windows search 2020-01-01..2019-01-01").d.map((x) => x.code)).toEqual(["E0508"]);
    expect(compileSweep("  grid fast = [5]\n  windows search 2019-01-01..2021-12-31, oos 2021-12-31..2022-12-31").d.map((x) => [x.code, x.message])).toEqual([
      ["E0509", "the oos window overlaps the search window"],
    ]);
    expect(compileSweep("  grid fast = [5]\n  windows search 2022-01-01..2022-12-31, validate 2019-01-01..2019-12-31").d.map((x) => [x.code, x.message])).toEqual([
      ["E0509", "the validate window comes before the search window"],
    ]);
  });
});

describe("sweep select", () => {
  it("requires select with a metric and a direction", () => {
    expect(compileSweep("  grid fast = [5]", "").d.map((x) => x.code)).toEqual(["E0510"]);
    expect(compileSweep("  grid fast = [5]", "  select maximise sharpe(daily)").d.map((x) => [x.code, x.hints[0]])).toEqual([["E0311", "did you mean maximize?"]]);
    expect(compileSweep("  grid fast = [5]", "  select maximize sharp").d.map((x) => x.code)).toEqual(["E0514"]);
    expect(compileSweep("  grid fast = [5]", "  select maximize sharpe(daily) subject to qualty").d.map((x) => [x.code, x.hints[0]])).toEqual([["E0207", "did you mean quality?"]]);
    expect(compileSweep("  grid fast = [5]", "  select minimize win_rate").d.map((x) => x.code)).toEqual(["W0502"]);
  });

  it("lowers the objective with its arguments", () => {
    const { out } = compileSweep("  grid fast = [5]", "  select minimize cvar(0.99) subject to quality");
    expect(out.plan?.sweeps[0]?.select).toEqual({ direction: "minimize", metric: "cvar", args: [0.99], subjectTo: "quality" });
  });

  it("needs the sweep's strategy to be a strategy", () => {
    const src = `${SMA}sweep sw {\n  strategy quality\n  grid fast = [5]\n  select maximize trades\n}\n`;
    const out = compileSources({ "main.strat": src });
    expect(out.diagnostics.map((x) => [x.code, x.message])).toEqual([["E0208", "'quality' is a gate, not a strategy"]]);
  });
});
