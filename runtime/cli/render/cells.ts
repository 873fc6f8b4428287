// Table cells for metric values: "-" for an undefined metric, "inf" for an unbounded one,
// percentages to two decimals, other numbers to two decimals, money to cents.

import { formatMoney, formatNumber, formatPercent } from "../../plan/expr-text.js";

/** A ratio as a percentage cell. */
export function pctCell(v: number | null | undefined): string {
  return v === null || v === undefined || Number.isNaN(v) ? "-" : formatPercent(Number(v.toFixed(4)));
}

/** A plain number cell (profit factor, Sharpe, trades). */
export function numCell(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return "-";
  if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
  return formatNumber(Number(v.toFixed(2)));
}

/** A money cell. */
export function moneyCell(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? "-" : formatMoney(Number(v.toFixed(2)));
}
