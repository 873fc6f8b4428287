import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

function project(yaml: string | null): string {
  const dir = mkdtempSync(join(tmpdir(), "strat-config-"));
  if (yaml !== null) writeFileSync(join(dir, "strat.yaml"), yaml);
  return dir;
}

describe("configuration precedence: CLI > env > strat.yaml > default", () => {
  it("takes defaults without a project file", () => {
    const c = loadConfig(project(null), {}, {});
    expect(c.file).toBeNull();
    expect(c.store).toEqual({ value: ".strat/strat.db", source: "default" });
    expect(c.runSource).toEqual({ value: "smoke", source: "default" });
  });
  it("strat.yaml over defaults, env over strat.yaml, CLI over env", () => {
    const dir = project("store: a.db\nrun_source: paper\nperiods_per_year: 365\n");
    expect(loadConfig(dir, {}, {}).store).toEqual({ value: "a.db", source: "strat.yaml" });
    expect(loadConfig(dir, { STRAT_STORE: "b.db" }, {}).store).toEqual({ value: "b.db", source: "env" });
    expect(loadConfig(dir, { STRAT_STORE: "b.db" }, { store: "c.db" }).store).toEqual({ value: "c.db", source: "cli" });
    expect(loadConfig(dir, {}, {}).periodsPerYear).toEqual({ value: 365, source: "strat.yaml" });
    expect(loadConfig(dir, { STRAT_RUN_SOURCE: "prod" }, { runSource: "maintenance" }).runSource).toEqual({ value: "maintenance", source: "cli" });
  });
  it("finds strat.yaml in a parent folder", () => {
    const dir = project("store: up.db\n");
    const c = loadConfig(dir + "/", {}, {});
    expect(c.root).toBe(dir);
  });
  it("explains a bad strat.yaml or variable instead of ignoring it", () => {
    expect(() => loadConfig(project("stor: x.db\n"), {}, {})).toThrow("unknown key 'stor'");
    expect(() => loadConfig(project("run_source: live\n"), {}, {})).toThrow("run_source must be one of prod, paper, smoke, maintenance");
    expect(() => loadConfig(project("store: [\n"), {}, {})).toThrow(ConfigError);
    expect(() => loadConfig(project(null), { STRAT_PERIODS_PER_YEAR: "abc" }, {})).toThrow("not a whole number from 1 to 366");
    expect(() => loadConfig(project(null), {}, { runSource: "live" })).toThrow("--source is 'live'");
  });
});
