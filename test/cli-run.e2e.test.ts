// End-to-end: the built `strat` binary runs real strategies on the bundled
// real data, records runs, evaluates gates, writes reports, verifies the ledger.

import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv } from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../specs/locate.js";

const root = packageRoot();
const bin = join(root, "dist/cli/main.js");
let storeDir = "";

function strat(args: string[], store = join(storeDir, "strat.db")) {
  const result = spawnSync(process.execPath, [bin, "--store", store, ...args], { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: { PATH: process.env["PATH"] ?? "" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ORCL = ["strategies/sma_cross.strat", "--data", "examples/data/orcl-1995-2014.csv", "--cash", "100000", "--commission", "0.1%"];

beforeAll(() => {
  storeDir = mkdtempSync(join(tmpdir(), "strat-run-e2e-"));
});

describe("strat run (built binary, real data)", () => {
  it("sma_cross on ORCL: schema-valid, byte-identical JSON, the documented shape", async () => {
    const a = strat(["run", ...ORCL, "--json"]);
    expect(a.stderr).toMatch(/^run r-\d{6} recorded/);
    expect(a.code).toBe(0);
    const b = strat(["run", ...ORCL, "--json"]);
    expect(b.stdout).toBe(a.stdout);
    const result = JSON.parse(a.stdout) as Record<string, unknown> & { trades: Record<string, unknown>[]; metrics: Record<string, unknown>; final_equity: number };
    const schema = JSON.parse(readFileSync(join(root, "specs/run-result.schema.json"), "utf8")) as object;
    const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(schema);
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
    const summary = {
      final_equity: Number(result.final_equity.toFixed(2)),
      trades: result.trades.length,
      first_trades: result.trades.slice(0, 3),
      metrics: result.metrics,
    };
    await expect(JSON.stringify(summary, null, 2) + "\n").toMatchFileSnapshot("./__golden__/sma-cross-orcl.json");
  });

  it("--param overrides are applied, shown and recorded; out-of-domain values are refused", () => {
    const r = strat(["run", ...ORCL, "--param", "stop_loss=5%", "--param", "take_profit=10%", "--json"]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { overrides: Record<string, number>; trades: { exit_reason: string }[] };
    expect(result.overrides).toEqual({ stop_loss: 0.05, take_profit: 0.1 });
    const reasons = new Set(result.trades.map((t) => t.exit_reason));
    expect(reasons.has("stop_loss")).toBe(true);
    expect(reasons.has("take_profit")).toBe(true);
    const bad = strat(["run", ...ORCL, "--param", "stop_loss=60%"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--param stop_loss=60%: outside the param's domain");
    expect(bad.stderr).toContain("hint: stop_loss is percent in [0%, 50%] (default 0%)");
    expect(bad.stderr).not.toMatch(/\bat \w+ \(/);
  });

  it("rsi_reversion and the model-driven ts_threshold run on their declared data", () => {
    expect(strat(["run", "strategies/rsi_reversion.strat"]).code).toBe(0);
    const ts = strat(["run", "strategies/ts_threshold.strat", "--json"]);
    expect(ts.code).toBe(0);
    const result = JSON.parse(ts.stdout) as { tickers: { ticker: string }[]; models: { model: string }[] };
    expect(result.tickers.map((t) => t.ticker)).toEqual(["ORCL", "NVDA", "YHOO"]);
    expect(result.models.map((m) => m.model)).toEqual(["momentum", "momentum", "momentum"]);
  });

  it("gates: exit 3 on fail, 4 on insufficient observation; the ledger verifies", () => {
    expect(strat(["run", ...ORCL, "--source", "prod"]).code).toBe(0);
    const fail = strat(["gate", "quant_validation", "--strategy", "sma_cross"]);
    expect(fail.code).toBe(3);
    expect(fail.stdout).toMatch(/^gate quant_validation: FAIL on run r-\d{6}/);
    const json = JSON.parse(strat(["gate", "quant_validation", "--strategy", "sma_cross", "--json"]).stdout) as { status: string; rules: { metric: string; margin: number }[] };
    expect(json.status).toBe("fail");
    expect(json.rules.find((r) => r.metric === "trades")?.margin).toBeGreaterThan(0);
    const insufficient = strat(["gate", "minimum_viable", "--latest"]);
    expect(insufficient.code).toBe(4);
    const verify = strat(["ledger", "verify"]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/^ledger intact: 3 records/);
  });

  it("runs lists the runs; report writes an HTML page with SVG charts", () => {
    const runs = JSON.parse(strat(["runs", "--json"]).stdout) as { runs: { id: string; status: string }[] };
    expect(runs.runs.length).toBeGreaterThanOrEqual(4);
    const id = runs.runs[0]?.id ?? "";
    const out = join(storeDir, "report.html");
    const r = strat(["report", id, "--html", out]);
    expect(r.code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain("<svg");
    expect(html).toContain("Drawdown");
    expect(strat(["report", id]).stdout).toContain("sharpe(daily)");
  });

  it("report --log prints the execution log; --json gives it, or the run, as JSON", () => {
    const runs = JSON.parse(strat(["runs", "--json"]).stdout) as { runs: { id: string; strategy: string; status: string }[] };
    const run = runs.runs.find((r) => r.strategy === "sma_cross" && r.status === "completed");
    const id = run?.id ?? "";
    const text = strat(["report", id, "--log"]);
    expect(text.code).toBe(0);
    expect(text.stdout.split("\n")[0]).toMatch(/^time\s+ticker\s+kind\s+action\s+quantity\s+price\s+commission\s+slippage\s+reason$/);
    expect(text.stdout).toMatch(/\n\d+ events\n$/);
    const events = JSON.parse(strat(["report", id, "--log", "--json"]).stdout) as { kind: string; action: string | null; reason: string; time: string }[];
    expect(events.length).toBeGreaterThan(0);
    expect(events[0]).toMatchObject({ kind: "fill", action: "buy", reason: "entry" });
    expect(events[0]?.time).toMatch(/^\d{4}-\d\d-\d\dT/);
    const report = JSON.parse(strat(["report", id, "--json"]).stdout) as { run: { id: string }; metrics: Record<string, Record<string, unknown>>; trades: unknown[] };
    expect(report.run.id).toBe(id);
    expect(report.metrics["portfolio"]?.["trades"]).toBe(report.trades.length);
    // every closed trade has an entry and an exit fill in the log
    expect(events.filter((e) => e.kind === "fill").length).toBeGreaterThanOrEqual(2 * report.trades.length);
    const misuse = strat(["report", id, "--ticker", "ORCL"]);
    expect(misuse.code).toBe(2);
    expect(misuse.stderr).toContain("add --log");
  });

  it("reads CSV files the same where Node forbids compiling code (the row reader falls back to the general one)", () => {
    const normal = strat(["run", ...ORCL, "--json"], join(storeDir, "codegen-a.db"));
    const store = join(storeDir, "codegen-b.db");
    const r = spawnSync(process.execPath, ["--disallow-code-generation-from-strings", bin, "--store", store, "run", ...ORCL, "--json"], { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: { PATH: process.env["PATH"] ?? "" } });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(normal.stdout);
  });

  it("stops quietly when the reader closes the pipe early (run --json | head), the run still recorded", async () => {
    const store = join(storeDir, "pipe.db");
    const child = spawn(process.execPath, [bin, "--store", store, "run", ...ORCL, "--json"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once("data", () => child.stdout.destroy()); // read one chunk of ~400 KB, then hang up like `head`
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toMatch(/^run r-000001 recorded \(smoke, prod_live\) in .*\n$/);
    expect(code).toBe(0);
    const runs = JSON.parse(strat(["runs", "--json"], store).stdout) as { runs: { id: string; status: string }[] };
    expect(runs.runs.map((r) => [r.id, r.status])).toEqual([["r-000001", "completed"]]);
  });

  it("bad input gets a clear error and no stack trace", () => {
    const missing = strat(["run", "strategies/sma_cross.strat", "--data", "examples/data/nope.csv"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error\[R01\d\d\]: /m);
    const corrupt = join(storeDir, "corrupt.db");
    writeFileSync(corrupt, "this is not a database, just text ".repeat(200));
    const r = strat(["runs"], corrupt);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error\[R0203\]: /);
    expect(r.stderr).toContain("hint:");
    expect(readFileSync(corrupt, "utf8")).toContain("this is not a database");
    expect(existsSync(join(storeDir, "strat.db"))).toBe(true);
  });
});

describe("strat run --portfolio (built binary, bundled data)", () => {
  const PORTFOLIO = ["run", "examples/portfolio.strat", "--portfolio", "demo_barbell", "--commission", "5bps"];
  type Scope = { metrics: Record<string, unknown>; final_equity: number; initial_cash: number };
  type PortfolioJson = Scope & {
    kind: string;
    sleeves: (Scope & { name: string; bucket: string; weight: number; members: string[] })[];
    baselines: (Scope & { label: string })[];
    rebalances: { date: string; weights: Record<string, number> }[];
  };
  let store = "";
  let first: { stdout: string; stderr: string; code: number | null } = { stdout: "", stderr: "", code: null };

  beforeAll(() => {
    store = join(storeDir, "portfolio.db");
    first = strat([...PORTFOLIO, "--json", "--source", "prod"], store);
  });

  it("records one run with sleeves and baselines: schema-valid, byte-identical JSON", async () => {
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^run r-000001 recorded \(prod/);
    const again = strat([...PORTFOLIO, "--json", "--source", "prod"], store);
    expect(again.stdout).toBe(first.stdout);
    const result = JSON.parse(first.stdout) as PortfolioJson;
    const schema = JSON.parse(readFileSync(join(root, "specs/run-result.schema.json"), "utf8")) as object;
    const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(schema);
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
    expect(result.kind).toBe("portfolio");
    expect(result.sleeves.map((s) => [s.name, s.bucket, s.weight])).toEqual([["steady", "safe", 0.6], ["models", "core", 0.3], ["moonshot", "spec", 0.1]]);
    expect(result.sleeves[1]?.members).toEqual(["ts_threshold/ORCL", "ts_threshold/NVDA", "ts_threshold/YHOO"]);
    expect(result.baselines.map((b) => b.label)).toEqual(["market(GOOG)", "raw_pool_ew"]);
    // Ticker-only sleeves and baselines have no round trips; the strategy sleeve has them all.
    expect(result.sleeves[0]?.metrics["trades"]).toBe(0);
    expect(result.sleeves[0]?.metrics["win_rate"]).toBeNull();
    expect(result.sleeves[1]?.metrics["trades"]).toBe(result.metrics["trades"]);
    expect(result.sleeves[1]?.initial_cash).toBeCloseTo(30_000, 9);
    const round = (m: Record<string, unknown>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, typeof v === "number" ? Number(v.toPrecision(10)) : v]));
    const summary = {
      final_equity: Number(result.final_equity.toFixed(2)),
      metrics: round(result.metrics),
      sleeves: result.sleeves.map((s) => ({ name: s.name, final_equity: Number(s.final_equity.toFixed(2)), metrics: round(s.metrics) })),
      baselines: result.baselines.map((b) => ({ label: b.label, final_equity: Number(b.final_equity.toFixed(2)), metrics: round(b.metrics) })),
      first_rebalances: result.rebalances.slice(0, 2),
      rebalances: result.rebalances.length,
    };
    await expect(JSON.stringify(summary, null, 2) + "\n").toMatchFileSnapshot("./__golden__/portfolio-demo.json");
  });

  it("the table shows sleeves with bucket and weight, the portfolio and the baselines", () => {
    const r = strat(PORTFOLIO, store);
    expect(r.code).toBe(0);
    for (const row of ["sleeve steady", "sleeve models", "sleeve moonshot", "portfolio demo_barbell", "baseline market(GOOG)", "baseline raw_pool_ew"]) expect(r.stdout).toContain(row);
    expect(r.stdout).toMatch(/sleeve steady\s+│ safe\s+│\s+60%/);
  });

  it("runs, report and gate work on the portfolio run; the gate reads the portfolio's metrics", () => {
    const runs = strat(["runs"], store);
    expect(runs.stdout).toContain("portfolio demo_barbell");
    const report = strat(["report", "r-000001"], store);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain("sleeve:moonshot");
    expect(report.stdout).toContain("baseline:raw_pool_ew");
    const out = join(storeDir, "portfolio.html");
    expect(strat(["report", "r-000001", "--html", out], store).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("Equity: sleeve:models");
    const gate = strat(["gate", "quant_validation", "--run", "r-000001", "--json"], store);
    expect([0, 3]).toContain(gate.code);
    const rules = (JSON.parse(gate.stdout) as { rules: { metric: string; value: number | null }[] }).rules;
    const metrics = (JSON.parse(first.stdout) as PortfolioJson).metrics;
    expect(rules.length).toBeGreaterThan(3);
    for (const rule of rules) expect(rule.value, rule.metric).toBe(metrics[rule.metric]);
  });

  it("missing data is a clear error: ticker members (R0331), baselines (R0332), unknown portfolio (R0330)", () => {
    const dir = mkdtempSync(join(tmpdir(), "strat-portfolio-"));
    writeFileSync(join(dir, "nodata.strat"), 'sleeve bonds { bucket safe  cap 50%  members ["ORCL"] }\nportfolio p { sleeves [bonds] }\n');
    writeFileSync(join(dir, "nobase.strat"), 'sleeve bonds { bucket safe  cap 50%  members ["ORCL"] }\nportfolio p {\n  sleeves [bonds]\n  baselines [benchmark("SPY")]\n  data csv("examples/data")\n}\n');
    const noData = strat(["run", join(dir, "nodata.strat"), "--portfolio", "p"], store);
    expect(noData.code).toBe(1);
    expect(noData.stderr).toMatch(/^error\[R0331\]: portfolio p: sleeve bonds holds tickers \(ORCL\) but no data source/);
    expect(noData.stderr).toContain("hint: add `data csv(");
    const noBase = strat(["run", join(dir, "nobase.strat"), "--portfolio", "p"], store);
    expect(noBase.code).toBe(1);
    expect(noBase.stderr).toMatch(/^error\[R0332\]: portfolio p: baseline benchmark\(SPY\) has no data/);
    expect(noBase.stderr).not.toMatch(/\bat \w+ \(/);
    expect(strat(["run", join(dir, "nodata.strat"), "--portfolio", "nope"], store).stderr).toMatch(/^error\[R0330\]/);
    expect(strat(["explain", "R0332"], store).stdout).toContain("never skipped silently");
  });
});
