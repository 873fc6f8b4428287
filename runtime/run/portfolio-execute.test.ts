// A portfolio run on tiny hand-made CSVs, every number computed by hand:
// A closes 10, 11, 11, 12.1 and B 20, 20, 22, 22 (Mon–Thu of one week, so the
// weekly rebalance happens only at the first close).

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compileSources } from "../../lang/index.js";
import type { Plan } from "../../specs/generated/plan.js";
import { ok, openTestStore } from "../store/__fixtures__/open-temp.js";
import { tempDir } from "../store/__fixtures__/temp-store.js";
import type { Store } from "../store/index.js";
import { RunFailure } from "./execute.js";
import { executePortfolioRun, type PortfolioRunOptions } from "./portfolio-execute.js";

const SOURCE = `
sleeve both { bucket core  cap 60%  members ["A", "B"]  weighting equal }
sleeve bonly { bucket safe  cap 60%  members ["B"] }
portfolio p {
  sleeves [both, bonly]
  rebalance weekly
  baselines [market(["A"]), raw_pool_ew]
  data csv("data")
}
`;

let dir = "";
let cleanup: () => void = () => undefined;
let store: Store;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  mkdirSync(join(dir, "data"));
  const csv = (closes: number[]) => "Date,Open,High,Low,Close,Volume\n" + closes.map((c, i) => `2020-01-0${6 + i},${c},${c},${c},${c},100`).join("\n") + "\n";
  writeFileSync(join(dir, "data", "A.csv"), csv([10, 11, 11, 12.1]));
  writeFileSync(join(dir, "data", "B.csv"), csv([20, 20, 22, 22]));
  store = openTestStore(dir);
});
afterEach(() => {
  store.close();
  cleanup();
});

function plan(source = SOURCE): Plan {
  const out = compileSources({ "p.strat": source });
  if (out.plan === null) throw new Error(JSON.stringify(out.diagnostics.map((d) => d.message)));
  return out.plan;
}

const options = (extra: Partial<PortfolioRunOptions> = {}): PortfolioRunOptions => ({ portfolio: "p", runSource: "smoke", dataRegime: "prod_live", periodsPerYear: 252, baseDir: dir, ...extra });
const rounded = (xs: Float64Array) => [...xs].map((x) => Number(x.toFixed(6)));

describe("executePortfolioRun", () => {
  it("scales caps over 100%, drifts between rebalances, runs sleeves alone and baselines beside", async () => {
    const out = await executePortfolioRun(plan(), options(), store);
    // Caps 60% + 60%: each sleeve gets 50%. Targets: A 25%, B 25% + 50% = 75%.
    expect(out.sleeves.map((s) => s.weight)).toEqual([0.5, 0.5]);
    expect(rounded(out.total.result.equity)).toEqual([100_000, 102_500, 110_000, 112_750]);
    expect(rounded(out.sleeves[0]?.result.equity ?? new Float64Array())).toEqual([50_000, 52_500, 55_000, 57_750]);
    expect(rounded(out.sleeves[1]?.result.equity ?? new Float64Array())).toEqual([50_000, 50_000, 55_000, 55_000]);
    expect(out.baselines.map((b) => b.label)).toEqual(["market(A)", "raw_pool_ew"]);
    expect(rounded(out.baselines[0]?.result.equity ?? new Float64Array())).toEqual([100_000, 110_000, 110_000, 121_000]);
    expect(rounded(out.baselines[1]?.result.equity ?? new Float64Array())).toEqual([100_000, 105_000, 110_000, 115_500]);
    expect(out.total.metrics["total_return"]).toBeCloseTo(0.1275, 12);
    expect(out.sleeves[0]?.metrics["trades"]).toBe(0);
    expect(out.sleeves[0]?.metrics["win_rate"]).toBeNull();

    const run = ok(store.getRun(out.runId));
    expect(run).toMatchObject({ strategy: "p", status: "completed", tickers: ["A", "B"] });
    expect(run?.finalEquity).toBeCloseTo(112_750, 6);
    expect(run?.lineage.data.map((d) => d.ticker)).toEqual(["A", "B"]);
    const stored = ok(store.portfolioRun(out.runId));
    expect(stored?.scopes.map((s) => [s.scope, s.weight])).toEqual([["sleeve:both", 0.5], ["sleeve:bonly", 0.5], ["baseline:market(A)", 1], ["baseline:raw_pool_ew", 1]]);
    expect(stored?.rebalances).toEqual([{ time: Date.parse("2020-01-06T00:00:00Z"), weights: { A: 0.25, B: 0.75 }, tradedValue: 100_000, cost: 0 }]);
  });

  it("charges commission on traded value from the portfolio", async () => {
    const out = await executePortfolioRun(plan(), options({ commission: 0.01 }), store);
    // Fully invested from cash: V' = 100000 − 0.01 V'.
    expect(out.total.result.equity[0]).toBeCloseTo(100_000 / 1.01, 8);
    expect(out.total.result.costs).toBeCloseTo(100_000 - 100_000 / 1.01, 8);
  });

  it("a ticker member without a data source is R0331; a baseline without data is R0332, and neither begins a run", async () => {
    const noData = SOURCE.replace('  data csv("data")\n', "");
    await expect(executePortfolioRun(plan(noData), options(), store)).rejects.toMatchObject({ code: "R0331" });
    const noBaseline = SOURCE.replace('market(["A"])', 'benchmark("SPY")');
    const failure = await executePortfolioRun(plan(noBaseline), options(), store).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RunFailure);
    expect(failure).toMatchObject({ code: "R0332", runId: null });
    expect((failure as RunFailure).message).toMatch(/^baseline benchmark\(SPY\) has no data/);
    expect(ok(store.listRuns()).length).toBe(0);
  });
});
