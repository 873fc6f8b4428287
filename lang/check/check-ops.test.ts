// Sleeves, portfolios, promotions and schedules.
import { describe, expect, it } from "vitest";
import { compileSources } from "../compile.js";

const BASE = `strategy s {
  universe ["SPY"]
  param fast: int in [2, 50] = 10
  entry long when close > sma(close, fast)
}
gate quality { require trades >= 30 }
sweep sw {
  strategy s
  grid fast = [5, 10]
  select maximize sharpe(daily)
}
sleeve safe { bucket safe  cap 80%  members ["SHY", "IEF"]  weighting equal }
sleeve core { bucket core  cap 60%  members s  weighting hrp }
`;

function diagnose(extra: string) {
  const src = BASE + extra;
  const out = compileSources({ "main.strat": src });
  return { out, d: out.diagnostics.map((x) => ({ code: x.code, at: src.slice(x.span.start, x.span.end), message: x.message, hints: x.hints })) };
}

describe("sleeves and portfolios", () => {
  it("lowers sleeves with tickers or a strategy as members", () => {
    const { out, d } = diagnose("");
    expect(d).toEqual([]);
    expect(out.plan?.sleeves.map((s) => [s.name, s.bucket, s.cap, s.members, s.weighting])).toEqual([
      ["core", "core", 0.6, { strategy: "s" }, "hrp"],
      ["safe", "safe", 0.8, { tickers: ["SHY", "IEF"] }, "equal"],
    ]);
  });

  it("checks sleeve settings", () => {
    expect(diagnose("sleeve x { bucket risky  cap 10%  members [\"A\"] }").d.map((x) => [x.code, x.at])).toEqual([["E0311", "risky"]]);
    expect(diagnose("sleeve x { bucket spec  cap 110%  members [\"A\"] }").d.map((x) => x.code)).toEqual(["E0401"]);
    expect(diagnose("sleeve x { bucket spec  cap 10 members [\"A\"] }").d.map((x) => [x.code, x.hints[0]])).toEqual([["E0303", "did you mean 10%?"]]);
    expect(diagnose("sleeve x { bucket spec  members [\"A\"] }").d.map((x) => [x.code, x.message])).toEqual([["E0309", "sleeve 'x' has no 'cap'"]]);
    expect(diagnose("sleeve x { bucket spec  cap 10%  members quality }").d.map((x) => [x.code, x.message])).toEqual([["E0208", "'quality' is a gate, not a strategy"]]);
    expect(diagnose("sleeve x { bucket spec  cap 10%  members [\"A\"]  weighting hrpp }").d.map((x) => [x.code, x.hints[0]])).toEqual([["E0311", "did you mean hrp?"]]);
  });

  it("lowers a portfolio with baselines, defaults rebalance to monthly", () => {
    const { out, d } = diagnose('portfolio p {\n  sleeves [safe, core]\n  baselines [market(["SPY"]), benchmark("QQQ"), raw_pool_ew]\n}\n');
    expect(d).toEqual([]);
    const p = out.plan?.portfolios[0];
    expect(p?.rebalance).toBe("monthly");
    expect(p?.sleeves).toEqual(["safe", "core"]);
    expect(p?.baselines.map((b) => b.rule)).toEqual(["market", "benchmark", "raw_pool_ew"]);
  });

  it("checks portfolio sleeves and baselines", () => {
    expect(diagnose("portfolio p {\n  sleeves [safe, safe]\n}\n").d.map((x) => x.code)).toEqual(["E0523"]);
    expect(diagnose("portfolio p {\n  sleeves [safe, sw]\n}\n").d.map((x) => [x.code, x.at])).toEqual([["E0208", "sw"]]);
    expect(diagnose("portfolio p {\n  sleeves [safe, nope]\n}\n").d.map((x) => [x.code, x.at])).toEqual([["E0207", "nope"]]);
    expect(diagnose("portfolio p {\n  sleeves [safe]\n  baselines [raw_pool]\n}\n").d.map((x) => [x.code, x.hints[0]])).toEqual([["E0207", "did you mean raw_pool_ew?"]]);
    expect(diagnose("portfolio p {\n  sleeves [safe]\n  rebalance fortnightly\n}\n").d.map((x) => x.code)).toEqual(["E0311"]);
  });
});

describe("promotions", () => {
  it("lowers moves, adjust, rollout and rollback", () => {
    const { out, d } = diagnose(`promotion p {
  promote safe -> core when quality passes 3 consecutive runs
  demote core -> safe when max_drawdown > 20% over 30d
  adjust params toward sweep sw by at most 25% per cycle
  rollout shadow -> canary(10%) -> staged(50%) -> full
  rollback when quality fails 2 consecutive runs
}`);
    expect(d).toEqual([]);
    const p = out.plan?.promotions[0];
    expect(p?.moves[1]?.when).toEqual({ kind: "metric_over", metric: "max_drawdown", args: [], operator: ">", threshold: 0.2, windowSeconds: 30 * 86400 });
    expect(p?.adjust).toEqual({ sweep: "sw", maxStep: 0.25 });
    expect(p?.rollout).toEqual([
      { stage: "shadow", fraction: 0 },
      { stage: "canary", fraction: 0.1 },
      { stage: "staged", fraction: 0.5 },
      { stage: "full", fraction: 1 },
    ]);
    expect(p?.rollback).toEqual({ kind: "gate_streak", gate: "quality", outcome: "fail", consecutive: 2 });
  });

  it("names existing sleeves, gates and sweeps of the right kind", () => {
    expect(diagnose("promotion p {\n  promote safe -> cor when quality passes 3 consecutive runs\n}").d.map((x) => [x.code, x.at, x.hints[0]])).toEqual([["E0207", "cor", "did you mean core?"]]);
    expect(diagnose("promotion p {\n  promote safe -> quality when quality passes 3 consecutive runs\n}").d.map((x) => [x.code, x.at])).toEqual([["E0208", "quality"]]);
    expect(diagnose("promotion p {\n  promote safe -> safe when quality passes 3 consecutive runs\n}").d.map((x) => x.code)).toEqual(["E0515"]);
    expect(diagnose("promotion p {\n  rollback when qualty fails 2 consecutive runs\n}").d.map((x) => [x.code, x.hints[0]])).toEqual([["E0207", "did you mean quality?"]]);
    expect(diagnose("promotion p {\n  adjust params toward sweep quality by at most 25% per cycle\n}").d.map((x) => x.code)).toEqual(["E0208"]);
  });

  it("checks triggers: counts, metric units, windows", () => {
    expect(diagnose("promotion p {\n  promote safe -> core when quality passes 0 consecutive runs\n}").d.map((x) => x.code)).toEqual(["E0526"]);
    expect(diagnose("promotion p {\n  demote core -> safe when max_drawdown > 20 over 30d\n}").d.map((x) => [x.code, x.hints[0]])).toEqual([["E0407", "did you mean 20%?"]]);
    expect(diagnose("promotion p {\n  demote core -> safe when profit_factor < 1 over 30\n}").d.map((x) => [x.code, x.hints[0]])).toEqual([["E0303", "did you mean 30d?"]]);
    expect(diagnose("promotion p {\n  demote core -> safe when change(profit_factor) < 0% over 30d\n}").d.map((x) => x.code)).toEqual(["E0513"]);
  });

  it("checks adjust steps and rollout order, and single items", () => {
    expect(diagnose("promotion p {\n  adjust params toward sweep sw by at most 0% per cycle\n}").d.map((x) => x.code)).toEqual(["E0517"]);
    expect(diagnose("promotion p {\n  rollout full -> shadow\n}").d.map((x) => [x.code, x.at])).toEqual([["E0516", "shadow"]]);
    expect(diagnose("promotion p {\n  rollout shadow -> canary(150%) -> full\n}").d.map((x) => x.code)).toEqual(["E0401"]);
    expect(diagnose("promotion p {\n  rollout shadow -> canary -> full\n}").d.map((x) => x.code)).toEqual(["E0313"]);
    expect(diagnose("promotion p {\n  rollout shadow -> ramp(10%) -> full\n}").d.map((x) => x.code)).toEqual(["E0209"]);
    expect(diagnose("promotion p {\n  rollback when quality fails 2 consecutive runs\n  rollback when quality fails 3 consecutive runs\n}").d.map((x) => x.code)).toEqual(["E0520"]);
  });
});

describe("schedules", () => {
  it("lowers cron, zone and steps", () => {
    const { out, d } = diagnose('schedule nightly {\n  cron "0 6 * * 1-5" tz "Europe/London"\n  run sw then quality then s\n}');
    expect(d).toEqual([]);
    expect(out.plan?.schedules[0]).toMatchObject({ cron: "0 6 * * 1-5", tz: "Europe/London", steps: [
      { kind: "sweep", name: "sw" },
      { kind: "gate", name: "quality" },
      { kind: "strategy", name: "s" },
    ] });
  });

  it("defaults the zone to UTC", () => {
    expect(diagnose('schedule h {\n  cron "@hourly"\n  run s\n}').out.plan?.schedules[0]?.tz).toBe("UTC");
  });

  it("validates cron expressions and zones at compile time", () => {
    expect(diagnose('schedule n {\n  cron "0 6 * *"\n  run s\n}').d.map((x) => [x.code, x.at])).toEqual([["E0518", '"0 6 * *"']]);
    expect(diagnose('schedule n {\n  cron "61 6 * * *"\n  run s\n}').d.map((x) => x.code)).toEqual(["E0518"]);
    expect(diagnose('schedule n {\n  cron "0 6 * * mon-fri"\n  run s\n}').d).toEqual([]);
    expect(diagnose('schedule n {\n  cron "0 6 * * *" tz "Mars/Olympus"\n  run s\n}').d.map((x) => x.code)).toEqual(["E0319"]);
    expect(diagnose('schedule n {\n  run s\n}').d.map((x) => x.code)).toEqual(["E0309"]);
  });

  it("runs only runnable declarations and needs a run", () => {
    expect(diagnose('schedule n {\n  cron "0 6 * * *"\n  run safe\n}').d.map((x) => [x.code, x.at])).toEqual([["E0208", "safe"]]);
    expect(diagnose('schedule n {\n  cron "0 6 * * *"\n}').d.map((x) => x.code)).toEqual(["E0524"]);
  });
});
