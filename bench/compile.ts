// Compiler benchmark: warm check+compile of a generated 10,000-line workspace,
// per phase, and `strat check` on strategies/ + gates/ as a cold process.

import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { compile } from "../lang/index.js";
import { countLines, generateWorkspace } from "./workspace.js";
import { median, type BenchRow } from "./table.js";

/** Runs the compiler benchmarks; `root` is the package root (for the cold CLI run). */
export function benchCompile(root: string): BenchRow[] {
  const files = generateWorkspace(10_000);
  const lines = countLines(files);
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const options = { roots: files.map((f) => f.path), host: { readFile: (p: string) => texts.get(p) } };

  const first = compile(options);
  const errors = first.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0 || !first.plan) throw new Error(`generated workspace does not compile: ${errors[0]?.code} ${errors[0]?.message}`);
  for (let i = 0; i < 5; i++) compile(options);

  const totals: number[] = [];
  const phases = new Map<string, number[]>();
  for (let i = 0; i < 15; i++) {
    const start = performance.now();
    const out = compile(options);
    totals.push(performance.now() - start);
    for (const t of out.timings) phases.set(t.phase, [...(phases.get(t.phase) ?? []), t.ms]);
  }
  const warm = median(totals);
  const rows: BenchRow[] = [
    { name: `warm check+compile, ${lines} lines (${files.length} files)`, value: warm, unit: "ms", reference: 150, referenceLabel: "floor", lowerIsBetter: true },
    { name: "  throughput", value: (lines / warm) * 1000, unit: "lines/s", lowerIsBetter: false },
  ];
  for (const [phase, times] of phases) rows.push({ name: `  phase ${phase}`, value: median(times), unit: "ms", lowerIsBetter: true });

  const cli = join(root, "dist/cli/main.js");
  const cold: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, [cli, "check", "strategies", "gates"], { cwd: root, encoding: "utf8" });
    cold.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`strat check failed in the cold benchmark:\n${result.stdout}${result.stderr}`);
  }
  rows.push({ name: "cold process: strat check strategies gates", value: median(cold), unit: "ms", reference: 400, referenceLabel: "floor", lowerIsBetter: true });
  return rows;
}
