import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acceptPlan, loadPlanFile, PlanLoadError } from "./load.js";

const empty = { planVersion: 1, hash: "0".repeat(64), sources: [], consts: [], strategies: [], gates: [], sweeps: [], sleeves: [], portfolios: [], promotions: [], schedules: [] };

describe("plan loading", () => {
  it("accepts a valid plan", () => {
    expect(acceptPlan(empty, "x").planVersion).toBe(1);
  });
  it("refuses a newer planVersion with an upgrade hint", () => {
    expect(() => acceptPlan({ ...empty, planVersion: 2 }, "plan.json")).toThrow("plan.json has planVersion 2; this strat runs planVersion 1");
  });
  it("refuses an invalid plan, naming the problem", () => {
    try {
      acceptPlan({ ...empty, strategies: [{ name: 3 }] }, "plan.json");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PlanLoadError);
      expect((e as PlanLoadError).message).toMatch(/^plan\.json is not a valid plan: \/strategies\/0/);
      expect((e as PlanLoadError).code).toBe("R0312");
    }
  });
  it("reports unreadable and non-JSON files", () => {
    const dir = mkdtempSync(join(tmpdir(), "strat-plan-"));
    expect(() => loadPlanFile(join(dir, "missing.json"))).toThrow(/cannot read plan .*ENOENT/);
    writeFileSync(join(dir, "bad.json"), "{nope");
    expect(() => loadPlanFile(join(dir, "bad.json"))).toThrow(/is not JSON/);
  });
});
