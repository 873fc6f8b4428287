// The csv data provider. Input: options { path, tz?, on_bad_rows, on_unsorted, on_duplicate } and a
// request for tickers. Output: one checked series per ticker with its quality report and lineage.
// Codes: R0102 options, R0103 missing path, R0104 unreadable, R0105 header, R0106–R0108 quality,
// R0109 ticker not found, R0110 no rows, R0113 bad tz, R0114 ambiguous ticker.
// Naming: a file holds one ticker, named by tickerFromFileName; a folder is searched for
// `<TICKER>.csv` first (case-insensitive), then for a file whose derived name is the ticker.
import { readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import type { Bars } from "../../data/bars.js";
import { OPTION_SCHEMAS } from "../options.js";
import { HealthTracker, withRetry } from "../retry.js";
import { assembleSeries, fail, policyFrom, type AssembledSeries } from "./assemble.js";
import { readCsvFile, type CsvFile } from "./csv-read.js";
import { ambiguousTicker, emptySource, sourceNotFound, sourceUnreadable, tickerNotFound } from "./errors.js";
import { projectPath } from "./lineage.js";
import type { ZoneConverter } from "./timestamps.js";
import { setUpSource } from "./source-setup.js";
import type { DataLoadResult, DataProvider, DataRequest, ProviderContext } from "./types.js";

const NAMING = "name files <TICKER>.csv (a `-<digits>` suffix such as -1995-2014 is ignored)";

/** The ticker a file holds: its stem without `-<digits>` suffixes, uppercased (`orcl-1995-2014.csv` → `ORCL`). */
export function tickerFromFileName(fileName: string): string {
  const stem = basename(fileName).replace(/\.csv$/i, "");
  const name = stem.replace(/(-\d+)+$/, "");
  return (name === "" ? stem : name).toUpperCase();
}

function errorCause(error: unknown): string {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") return error.code;
  return error instanceof Error ? error.message : String(error);
}

function isNotFound(error: unknown): boolean {
  return errorCause(error) === "ENOENT" || errorCause(error) === "ENOTDIR";
}

/** ticker → file, for the requested tickers (or every file when none are requested). */
async function filesForFolder(dir: string, source: string, request: DataRequest, health: HealthTracker, context: ProviderContext): Promise<{ ticker: string; file: string }[]> {
  const scratch = new HealthTracker(); // listing the folder is not a data read
  let names: string[];
  try {
    names = (await withRetry(() => readdir(dir), scratch, context)).filter((n) => /\.csv$/i.test(n)).sort();
  } catch (error) {
    return fail(sourceUnreadable(source, errorCause(error)), health);
  }
  const derived = new Map<string, string[]>();
  for (const n of names) derived.set(tickerFromFileName(n), [...(derived.get(tickerFromFileName(n)) ?? []), n]);
  if (request.tickers.length === 0) {
    return [...derived.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([ticker, files]) => (files.length === 1 ? { ticker, file: join(dir, files[0] ?? "") } : fail(ambiguousTicker(source, ticker, files), health)));
  }
  return request.tickers.map((ticker) => {
    const exact = names.filter((n) => n.slice(0, -4).toUpperCase() === ticker.toUpperCase());
    const candidates = exact.length > 0 ? exact : (derived.get(ticker.toUpperCase()) ?? []);
    if (candidates.length === 0) return fail(tickerNotFound(source, ticker, [...derived.keys()], NAMING), health);
    if (candidates.length > 1) return fail(ambiguousTicker(source, ticker, candidates), health);
    return { ticker, file: join(dir, candidates[0] ?? "") };
  });
}

async function readTicker(
  ticker: string,
  file: string,
  zone: ZoneConverter | null,
  tz: string | null,
  options: Record<string, unknown>,
  request: DataRequest,
  health: HealthTracker,
  context: ProviderContext,
): Promise<AssembledSeries> {
  const source = projectPath(context.baseDir, file);
  let read: CsvFile;
  try {
    read = await withRetry(() => readCsvFile(file, ticker, source, zone, tz), health, context);
  } catch (error) {
    return fail(isNotFound(error) ? sourceNotFound(source) : sourceUnreadable(source, errorCause(error)), health);
  }
  const { parsed, sha256 } = read;
  if (!parsed.ok) return fail(parsed.error, health);
  if (parsed.raw.length === 0) {
    health.recordEmpty();
    return fail(emptySource(source, ticker), health);
  }
  return assembleSeries(parsed.raw, policyFrom(options), request, csvProvider, sha256, health);
}

async function load(request: DataRequest, rawOptions: Record<string, unknown>, context: ProviderContext): Promise<DataLoadResult> {
  const { options, health, zone, path, source } = setUpSource("data-csv", rawOptions, context);
  let isFolder: boolean;
  try {
    isFolder = (await withRetry(() => stat(path), new HealthTracker(), context)).isDirectory();
  } catch (error) {
    return fail(isNotFound(error) ? sourceNotFound(source) : sourceUnreadable(source, errorCause(error)), health);
  }
  let files: { ticker: string; file: string }[];
  if (isFolder) files = await filesForFolder(path, source, request, health, context);
  else {
    const own = tickerFromFileName(path);
    const missing = request.tickers.find((t) => t.toUpperCase() !== own);
    if (missing !== undefined) fail(tickerNotFound(source, missing, [own], `a single file holds one ticker named after it; ${NAMING} in a folder`), health);
    files = [{ ticker: request.tickers[0] ?? own, file: path }];
  }
  const tz = typeof options["tz"] === "string" ? options["tz"] : null;
  const series: Bars[] = [];
  const result: AssembledSeries[] = [];
  for (const { ticker, file } of files) {
    const one = await readTicker(ticker, file, zone, tz, options, request, health, context);
    result.push(one);
    series.push(one.bars);
  }
  return { series, quality: result.map((r) => r.report), lineage: result.map((r) => r.lineage), health: health.snapshot() };
}

/** Yahoo, Stooq and backtesting.py style CSV files; a file or a folder of them. */
export const csvProvider: DataProvider = { name: "csv", version: "1", optionsSchema: OPTION_SCHEMAS["data-csv"], load };

