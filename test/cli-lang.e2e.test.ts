// End-to-end: the built `strat` binary on the real sources. Exit codes and
// output goldens. Requires `npm run build` (npm test builds first).

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../specs/locate.js";

const root = packageRoot();
const bin = join(root, "dist/cli/main.js");

function strat(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { PATH: process.env["PATH"] ?? "" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("strat (language commands, built binary)", () => {
  it("check: the project's strategies and gates are clean", () => {
    const r = strat(["check"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/: 0 errors, 0 warnings\n$/);
  });

  it("check: a bad file exits 1 with rendered diagnostics", async () => {
    const dir = mkdtempSync(join(tmpdir(), "strat-e2e-"));
    writeFileSync(join(dir, "bad.strat"), 'gate g {\n  require max_drawdown <= 15\n  require win_rat >= 50%\n}\n');
    const r = strat(["check", "bad.strat"], dir);
    expect(r.code).toBe(1);
    await expect(r.stdout).toMatchFileSnapshot("./__golden__/check-bad.txt");
    const json = JSON.parse(strat(["check", "bad.strat", "--json"], dir).stdout) as { diagnostics: { code: string }[] };
    expect(json.diagnostics.length).toBe(2);
  });

  it("compile: byte-identical plans from the same sources", () => {
    const a = strat(["compile"]);
    const b = strat(["compile"]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const plan = JSON.parse(a.stdout) as { planVersion: number; hash: string; sources: { path: string }[] };
    expect(plan.planVersion).toBe(1);
    expect(plan.sources.map((s) => s.path)).toContain("strategies/sma_cross.strat");
  });

  it("compile: a comment or whitespace change keeps the plan hash", () => {
    const dir = mkdtempSync(join(tmpdir(), "strat-e2e-"));
    cpSync(join(root, "strategies"), join(dir, "strategies"), { recursive: true });
    cpSync(join(root, "gates"), join(dir, "gates"), { recursive: true });
    const before = JSON.parse(strat(["compile", "strategies", "gates"], dir).stdout) as { hash: string; sources: { sha256: string }[] };
    const file = join(dir, "strategies/sma_cross.strat");
    writeFileSync(file, readFileSync(file, "utf8").replace("bars daily", "bars    daily   // one bar a day\n"));
    const after = JSON.parse(strat(["compile", "strategies", "gates"], dir).stdout) as { hash: string; sources: { sha256: string }[] };
    expect(after.hash).toBe(before.hash);
    expect(after.sources).not.toEqual(before.sources);
  });

  it("plan: the preview of the project", async () => {
    const r = strat(["plan", "--now", "2026-01-05T00:00:00Z"]);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot("./__golden__/plan.txt");
    const json = JSON.parse(strat(["plan", "--json", "--now", "2026-01-05T00:00:00Z"]).stdout) as { preview: { schedules: { next: string[] }[] } };
    expect(json.preview.schedules[0]?.next).toHaveLength(3);
  });

  it("fmt --check: the real sources are already formatted", () => {
    const r = strat(["fmt", "--check"]);
    expect(r.stdout).toBe("");
    expect(r.code).toBe(0);
  });

  it("explain: a known code, and an unknown one", () => {
    const list = strat(["explain"]);
    expect(list.code).toBe(0);
    const first = list.stdout.split(/\s+/)[0] ?? "";
    const r = strat(["explain", first]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(`${first}: `)).toBe(true);
    const bad = strat(["explain", "E9999"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: no diagnostic code 'E9999'/);
  });

  it("config: shows precedence and sources of values", () => {
    const r = strat(["config", "--json"]);
    const json = JSON.parse(r.stdout) as { settings: Record<string, { value: unknown; source: string }> };
    expect(json.settings["store"]).toEqual({ value: ".strat/strat.db", source: "strat.yaml" });
    const env = spawnSync(process.execPath, [bin, "config", "--json", "--source", "paper"], { cwd: root, encoding: "utf8", env: { PATH: process.env["PATH"] ?? "", STRAT_STORE: "/tmp/x.db", STRAT_RUN_SOURCE: "prod" } });
    const envJson = JSON.parse(env.stdout) as { settings: Record<string, { value: unknown; source: string }> };
    expect(envJson.settings["store"]).toEqual({ value: "/tmp/x.db", source: "env" });
    expect(envJson.settings["run_source"]).toEqual({ value: "paper", source: "cli" });
  });

  it("usage errors exit 2; --help documents exit codes", () => {
    expect(strat(["frobnicate"]).code).toBe(2);
    const help = strat(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Exit codes:");
  });
});
