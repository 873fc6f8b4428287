// The execution log as `strat report RUN --log` prints it: one line per fill or skipped signal,
// aligned columns (no box drawing: a long run has hundreds of thousands of events), or JSON.

import type { ExecutionEvent } from "../../engine/result.js";

const HEAD = ["time", "ticker", "kind", "action", "quantity", "price", "commission", "slippage", "reason"] as const;

function cells(e: ExecutionEvent): string[] {
  return [new Date(e.time).toISOString(), e.ticker, e.kind, e.action ?? "-", String(e.quantity), String(e.price), String(e.commission), String(e.slippage), e.reason];
}

/** The events as aligned text with a header line; numbers are printed exactly as stored. */
export function renderExecutionLog(events: readonly ExecutionEvent[]): string {
  const rows = [Array.from(HEAD), ...events.map(cells)];
  const widths = HEAD.map((_, c) => rows.reduce((w, r) => Math.max(w, (r[c] ?? "").length), 0));
  const numeric = new Set([4, 5, 6, 7]);
  const lines = rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : numeric.has(c) ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join("  "));
  return `${lines.join("\n")}\n${events.length} events\n`;
}

/** The events as a JSON array (times ISO 8601 UTC). */
export function executionLogJson(events: readonly ExecutionEvent[]): string {
  return `${JSON.stringify(events.map((e) => ({ ...e, time: new Date(e.time).toISOString() })), null, 2)}\n`;
}
