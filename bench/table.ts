// Prints benchmark results as a table with a ratio column against a floor or a reference.

import Table from "cli-table3";

/** One benchmark row. */
export interface BenchRow {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The floor or reference this row is compared with, in the same unit. */
  readonly reference?: number;
  readonly referenceLabel?: string;
  /** True when smaller values are better (times); false for throughputs. */
  readonly lowerIsBetter: boolean;
}

function formatValue(value: number): string {
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)}M`;
  if (value >= 1e4) return `${(value / 1e3).toFixed(1)}k`;
  return value >= 100 ? value.toFixed(0) : value.toFixed(2);
}

/** Renders rows: name, value, reference, ratio (>1 means better than the reference), verdict. */
export function renderBenchTable(title: string, rows: readonly BenchRow[]): string {
  const table = new Table({ head: ["benchmark", "measured", "reference", "ratio", "verdict"], style: { head: [], border: [] } });
  for (const row of rows) {
    const ratio = row.reference === undefined ? null : row.lowerIsBetter ? row.reference / row.value : row.value / row.reference;
    table.push([
      row.name,
      `${formatValue(row.value)} ${row.unit}`,
      row.reference === undefined ? "" : `${formatValue(row.reference)} ${row.unit}${row.referenceLabel ? ` (${row.referenceLabel})` : ""}`,
      ratio === null ? "" : `${ratio.toFixed(2)}x`,
      ratio === null ? "" : ratio >= 1 ? "ok" : "BELOW",
    ]);
  }
  return `${title}\n${table.toString()}\n`;
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
