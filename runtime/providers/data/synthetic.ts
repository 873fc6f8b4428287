// The synthetic data provider: a seeded geometric random walk, deterministic bit for bit.
// Input: options { seed, bars, start, drift, vol, start_price }; tickers from the request (`SYN`
// when none). Output: valid OHLC on weekdays at 00:00 UTC, one stream per ticker derived from the
// seed and the ticker name. Only +, −, ×, ÷ on doubles and integer PRNG steps are used (no exp,
// log or sin), so results do not depend on a platform's math library.
// Codes: R0102 options.
import { allocateBars, type Bars } from "../../data/bars.js";
import { checkOptions, OPTION_SCHEMAS } from "../options.js";
import { HealthTracker } from "../retry.js";
import { assembleSeries, type AssembledSeries } from "./assemble.js";
import { hashBars } from "./lineage.js";
import { hashString32, seededRandom } from "./prng.js";
import type { RawSeries } from "./quality.js";
import { STRICT_POLICY } from "./quality.js";
import type { DataLoadResult, DataProvider, DataRequest, ProviderContext } from "./types.js";

const MS_PER_DAY = 86_400_000;

/** Options after validation (defaults filled). */
interface SyntheticOptions {
  readonly seed: number;
  readonly bars: number;
  readonly start: string;
  readonly drift: number;
  readonly vol: number;
  readonly start_price: number;
}

/** Approximately standard normal: Irwin–Hall sum of 12 uniforms minus 6 (bounded to ±6, exact arithmetic). */
function normal(rng: () => number): number {
  let sum = -6;
  for (let k = 0; k < 12; k++) sum += rng();
  return sum;
}

/** Days since epoch of the first weekday on or after the date. */
function firstWeekday(start: string): number {
  let day = Math.floor(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)) - 1, Number(start.slice(8, 10))) / MS_PER_DAY);
  while ((day + 4) % 7 === 0 || (day + 4) % 7 === 6) day++; // 1970-01-01 was a Thursday: (day + 4) % 7 is 0 on Sundays
  return day;
}

/** Generates one ticker's bars. */
export function generateBars(ticker: string, options: SyntheticOptions): Bars {
  const rng = seededRandom((options.seed ^ hashString32(ticker)) | 0);
  const bars = allocateBars(ticker, options.bars);
  let day = firstWeekday(options.start);
  let previousClose = options.start_price;
  for (let i = 0; i < options.bars; i++) {
    const open = i === 0 ? options.start_price : previousClose * (1 + 0.2 * options.vol * normal(rng));
    const close = previousClose * (1 + options.drift + options.vol * normal(rng));
    const high = Math.max(open, close) * (1 + 0.25 * options.vol * Math.abs(normal(rng)));
    const low = Math.min(open, close) * (1 - 0.25 * options.vol * Math.abs(normal(rng)));
    bars.time[i] = day * MS_PER_DAY;
    bars.open[i] = open;
    bars.high[i] = high;
    bars.low[i] = low;
    bars.close[i] = close;
    bars.volume[i] = Math.floor(1_000_000 * (0.5 + rng()));
    previousClose = close;
    day += (day + 4) % 7 === 5 ? 3 : 1; // Friday → Monday
  }
  return bars;
}

function describe(options: SyntheticOptions): string {
  return `synthetic(seed=${options.seed}, bars=${options.bars}, start=${options.start}, drift=${options.drift}, vol=${options.vol}, start_price=${options.start_price})`;
}

async function load(request: DataRequest, rawOptions: Record<string, unknown>, context: ProviderContext): Promise<DataLoadResult> {
  const checked = checkOptions("data-synthetic", rawOptions);
  if (!checked.ok) throw checked.error;
  const options = checked.value as unknown as SyntheticOptions;
  const health = new HealthTracker();
  const now = context.now ?? ((): number => performance.now());
  const tickers = request.tickers.length > 0 ? request.tickers : ["SYN"];
  const assembled: AssembledSeries[] = [];
  for (const ticker of tickers) {
    const started = now();
    const bars = generateBars(ticker, options);
    health.recordSuccess();
    health.addLatency(now() - started);
    const raw: RawSeries = { ...bars, source: describe(options), rowWord: "row", length: bars.time.length, rowNumber: new Int32Array(0), badRow: new Uint8Array(bars.time.length), badRowCount: 0, badRowFirst: 0, badRowExample: "" };
    assembled.push(assembleSeries(raw, STRICT_POLICY, request, syntheticProvider, hashBars(bars), health));
  }
  return { series: assembled.map((a) => a.bars), quality: assembled.map((a) => a.report), lineage: assembled.map((a) => a.lineage), health: health.snapshot() };
}

/** Seeded, deterministic OHLCV for tests, demos and benchmarks. */
export const syntheticProvider: DataProvider = { name: "synthetic", version: "1", optionsSchema: OPTION_SCHEMAS["data-synthetic"], load };
