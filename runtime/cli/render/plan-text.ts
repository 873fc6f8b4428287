// Renders a PlanPreview as the human text of `strat plan`: one section per
// declaration, aligned columns, the data needed, a one-line summary last.

import type { PlanPreview, StrategyPreview } from "../../plan/preview.js";

function docLines(doc: string | null, indent: string): string[] {
  return doc ? doc.split("\n").map((line) => `${indent}${line}`) : [];
}

function table(rows: readonly string[][], indent: string): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => (indent + row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join("  ")).trimEnd());
}

function strategyLines(s: StrategyPreview): string[] {
  const lines = [`strategy ${s.name}  (${s.file})`, ...docLines(s.doc, "  ")];
  const fields: string[][] = [
    ["universe", s.universe.join(", ") || "(from --data)"],
    ["data", s.data],
    ["bars", s.bars + (s.lookback ? `, lookback ${s.lookback}` : "")],
  ];
  lines.push(...table(fields, "  "));
  if (s.params.length > 0) {
    lines.push("  params");
    lines.push(...table(s.params.map((p) => [p.name, p.type, `= ${p.default}`, p.domain ? `in ${p.domain}` : "", p.doc ?? ""]), "    "));
  }
  for (const m of s.models) lines.push(`  model  ${m}`);
  for (const e of s.entries) lines.push(`  entry  ${e}`);
  for (const e of s.exits) lines.push(`  exit   ${e}`);
  lines.push(...table([["sizing", s.sizing], ["costs", s.costs], ...s.noTrade.map((w) => ["no trade", w]), ["execution", s.execution]], "  "));
  return lines;
}

/** Renders the preview as text. */
export function renderPlanText(preview: PlanPreview): string {
  const out: string[] = [];
  out.push(`strat plan ${preview.hash.slice(0, 12)} (planVersion ${preview.planVersion}) from ${preview.sources.length} source file${preview.sources.length === 1 ? "" : "s"}`);
  for (const s of preview.strategies) out.push("", ...strategyLines(s));
  for (const g of preview.gates) {
    out.push("", `gate ${g.name}  (${g.file})`, ...docLines(g.doc, "  "), `  ${g.scope}`);
    if (g.baseline) out.push(`  baseline: latest in-scope run of strategy ${g.baseline}`);
    out.push("  requires");
    for (const r of g.rules) out.push(`    ${r.words}`);
  }
  for (const s of preview.sweeps) {
    out.push("", `sweep ${s.name}  (${s.file})`, ...docLines(s.doc, "  "));
    out.push(`  strategy ${s.strategy}${s.perTicker ? ", one study per ticker" : ""}`);
    out.push(...table(s.grid.map((g) => [`grid ${g.param}`, `${g.values.join(", ")}`, `(${g.values.length})`]), "  "));
    for (const c of s.constraints) out.push(`  constraint ${c}`);
    out.push(`  ${s.gridSize} grid points; sampler ${s.sampler}; ${s.trials} trials per study, ${s.totalTrials} in total`);
    if (s.windows.length > 0) out.push(`  windows ${s.windows.join(" | ")}`);
    out.push(`  select ${s.select}`);
  }
  if (preview.sleeves.length > 0) {
    out.push("", "sleeves");
    out.push(...table(preview.sleeves.map((s) => [s.name, `bucket ${s.bucket}`, `cap ${s.cap}`, `weighting ${s.weighting}`, `members ${s.members}`]), "  "));
  }
  for (const p of preview.portfolios) {
    out.push("", `portfolio ${p.name}: sleeves ${p.sleeves.join(", ")}, rebalance ${p.rebalance}`);
    if (p.baselines.length > 0) out.push(`  reported against ${p.baselines.join(", ")}`);
  }
  for (const p of preview.promotions) out.push("", `promotion ${p.name}`, ...p.lines.map((l) => `  ${l}`));
  for (const s of preview.schedules) {
    out.push("", `schedule ${s.name}  (${s.file})`, `  cron "${s.cron}" in ${s.tz}: run ${s.steps.join(", then ")}`);
    out.push(`  next: ${s.next.join(", ") || "(never)"}`);
  }
  if (preview.data.length > 0) {
    out.push("", "data needed");
    out.push(...table(preview.data.map((d) => [d.source, d.tickers.join(", ") || "(from --data)", d.bars, d.range, `for ${d.usedBy.join(", ")}`]), "  "));
  }
  out.push("", preview.summary, "");
  return out.join("\n");
}
