// Bars for a portfolio run. Input: the sources to read (the CLI's --data, a sleeve's or
// the portfolio's `data`, a strategy's `data`) and the tickers wanted from each. Output:
// the bars per (source, ticker), with every load's lineage and quality reports; each
// source is read once for all its tickers. Failures are RunFailures with the provider's
// code, or with `code` when the caller names one (baselines: R0332).

import type { DataPlan, Scalar } from "../../specs/generated/plan.js";
import type { Bars } from "../data/bars.js";
import { loadData } from "../providers/data/load.js";
import type { Lineage, QualityReport } from "../providers/data/types.js";
import { findProvider } from "../providers/registry.js";
import { RunFailure } from "./execute.js";

/** Where bars come from. */
export type DataSource = DataPlan;

/** The source of `--data PATH` (a CSV file or a folder of them). */
export function csvSource(path: string): DataSource {
  return { provider: "csv", options: { path } as Record<string, Scalar> };
}

/** A stable key for a source: provider and options with sorted keys. */
export function sourceKey(source: DataSource): string {
  return JSON.stringify([source.provider, Object.keys(source.options).sort().map((k) => [k, source.options[k]])]);
}

/** Loads bars once per source and ticker, accumulating lineage and quality. */
export class BarsCache {
  private readonly bars = new Map<string, Bars>();
  /** Every load's lineage, in load order, without repeats. */
  readonly lineage: Lineage[] = [];
  /** Every load's quality reports, in load order. */
  readonly quality: QualityReport[] = [];

  constructor(private readonly context: { readonly baseDir: string; readonly fromMs?: number; readonly toMs?: number }) {}

  /** The bars of each ticker from the source (in the order asked), loading what is missing. */
  async load(source: DataSource, tickers: readonly string[], failure?: { readonly code: string; readonly what: string; readonly hint: string }): Promise<Bars[]> {
    const key = sourceKey(source);
    const missing = [...new Set(tickers.filter((t) => !this.bars.has(`${key}\n${t}`)))];
    if (missing.length > 0) {
      const provider = findProvider("data", source.provider);
      if (!provider.ok) throw new RunFailure(provider.error.message, provider.error.hint, provider.error.code);
      const { fromMs, toMs } = this.context;
      const request = { tickers: missing, ...(fromMs === undefined ? {} : { fromMs }), ...(toMs === undefined ? {} : { toMs }) };
      const loaded = await loadData(provider.value, request, { ...source.options }, { baseDir: this.context.baseDir });
      if (!loaded.ok) {
        if (failure !== undefined) throw new RunFailure(`${failure.what}: ${loaded.error.message}`, failure.hint, failure.code);
        throw new RunFailure(loaded.error.message, loaded.error.hint, loaded.error.code);
      }
      for (const series of loaded.value.series) this.bars.set(`${key}\n${series.ticker}`, series);
      // A source may spell a ticker differently (file names are case-insensitive): map by position too.
      missing.forEach((t, i) => {
        const series = loaded.value.series[i];
        if (series !== undefined && !this.bars.has(`${key}\n${t}`)) this.bars.set(`${key}\n${t}`, series);
      });
      for (const l of loaded.value.lineage) {
        if (!this.lineage.some((x) => x.ticker === l.ticker && x.sha256 === l.sha256 && x.source === l.source)) this.lineage.push(l);
      }
      this.quality.push(...loaded.value.quality);
    }
    return tickers.map((t) => {
      const found = this.bars.get(`${key}\n${t}`);
      if (found === undefined) throw new RunFailure(`the data source has no bars for ${t}`, "check the ticker against the source's files", failure?.code ?? "R0109");
      return found;
    });
  }
}
