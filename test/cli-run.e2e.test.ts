// End-to-end: the built `strat` binary runs real strategies on the bundled
// real data, records runs, evaluates gates, writes reports, verifies the ledger.

import { spawnSync } from "node:child_process";
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
