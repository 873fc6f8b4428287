import { rmSync } from "node:fs";
import { afterAll, describe, it, expect } from "vitest";
import { csvProvider, tickerFromFileName } from "./csv.js";
import { DataError } from "./errors.js";
import { loadData } from "./load.js";
import { fakeContext, REPO_ROOT, tempProject } from "./test-support.js";
import type { DataLoadResult } from "./types.js";

const real = (path: string, tickers: string[] = [], extra: Record<string, unknown> = {}): Promise<DataLoadResult> =>
  csvProvider.load({ tickers }, { path, ...extra }, fakeContext(REPO_ROOT));

async function failure(promise: Promise<unknown>): Promise<DataError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DataError)) throw new Error(`expected a DataError, got ${String(error)}`);
  return error;
}

describe("tickerFromFileName", () => {
  it.each([
    ["orcl-1995-2014.csv", "ORCL"],
    ["GOOG.csv", "GOOG"],
    ["data/eurusd.CSV", "EURUSD"],
    ["BRK-B.csv", "BRK-B"],
    ["2020.csv", "2020"],
  ])("%s holds %s", (file, ticker) => {
    expect(tickerFromFileName(file)).toBe(ticker);
  });
});

describe("csv provider on the bundled real data", () => {
  it("reads ORCL: 5036 rows from 1995-01-03, Close not Adj Close, lineage with the file's sha256", async () => {
    const result = await real("examples/data/orcl-1995-2014.csv");
    const [orcl] = result.series;
    expect(orcl?.ticker).toBe("ORCL");
    expect(orcl?.close.length).toBe(5036);
    expect([orcl?.time[0], orcl?.open[0], orcl?.high[0], orcl?.low[0], orcl?.close[0], orcl?.volume[0]]).toEqual([Date.UTC(1995, 0, 3), 2.179012, 2.191358, 2.117284, 2.117284, 36301200]);
    expect(result.lineage).toEqual([
      {
        provider: "csv@1",
        source: "examples/data/orcl-1995-2014.csv",
        ticker: "ORCL",
        rows: 5036,
        firstTime: "1995-01-03T00:00:00.000Z",
        lastTime: "2014-12-31T00:00:00.000Z",
        sha256: "352b9e0985969d2eb27bfbf65049da3c68fd2a5eebc2d43bec7ccfe553521253",
      },
    ]);
    // The market closures after 9/11 are real gaps: reported, nothing changed.
    expect(result.quality[0]?.issues.map((i) => [i.kind, i.severity, i.example])).toEqual([["gap", "warning", "line 1691: 2001-09-10 to 2001-09-17 (7 days)"]]);
    expect(result.health).toEqual({ success: 1, failure: 0, empty: 0, latencyMs: 1 });
  });

  it("reads backtesting.py files: GOOG daily and EURUSD hourly in UTC", async () => {
    const goog = (await real("examples/data/GOOG.csv")).series[0];
    expect([goog?.close.length, goog?.time[0], goog?.close[0]]).toEqual([2148, Date.UTC(2004, 7, 19), 100.34]);
    const eurusd = await real("examples/data/EURUSD.csv");
    const bars = eurusd.series[0];
    expect([bars?.close.length, bars?.time[0], bars?.time[4999]]).toEqual([5000, Date.UTC(2017, 3, 19, 9), Date.UTC(2018, 1, 7, 15)]);
    expect(eurusd.quality[0]?.issues).toEqual([]);
  });

  it("reads intraday times in another zone with tz", async () => {
    const london = (await real("examples/data/EURUSD.csv", [], { tz: "Europe/London" })).series[0];
    expect(london?.time[0]).toBe(Date.UTC(2017, 3, 19, 8)); // 09:00 BST
  });

  it("reads a folder: every file by default, or the requested tickers in request order", async () => {
    const all = await real("examples/data");
    expect(all.series.map((s) => `${s.ticker}:${s.close.length}`)).toEqual(["BTCUSD:156", "EURUSD:5000", "GOOG:2148", "NVDA:4012", "ORCL:5036", "YHOO:4713"]);
    expect(all.health.success).toBe(6);
    const some = await real("examples/data", ["yhoo", "ORCL"]);
    expect(some.series.map((s) => s.ticker)).toEqual(["yhoo", "ORCL"]);
    expect(some.lineage.map((l) => l.source)).toEqual(["examples/data/yhoo-1996-2014.csv", "examples/data/orcl-1995-2014.csv"]);
  });

  it("cuts to the requested time range after the quality check", async () => {
    const result = await csvProvider.load({ tickers: [], fromMs: Date.UTC(2014, 0, 1), toMs: Date.UTC(2014, 0, 31) }, { path: "examples/data/orcl-1995-2014.csv" }, fakeContext(REPO_ROOT));
    expect(result.lineage[0]).toMatchObject({ rows: 21, firstTime: "2014-01-02T00:00:00.000Z", lastTime: "2014-01-31T00:00:00.000Z" });
  });
});

describe("csv provider failures are DataErrors with a code and a hint", () => {
  const header = "Date,Open,High,Low,Close,Volume\n";
  const project = tempProject({
    "prices/AAA.csv": `${header}2020-01-02,1,2,0.5,1.5,10\n`,
    "prices/bbb-2020.csv": `${header}2020-01-02,1,2,0.5,1.5,10\n`,
    "dup/ccc.csv": `${header}2020-01-02,1,2,0.5,1.5,10\n`,
    "dup/ccc-2020.csv": `${header}2020-01-02,1,2,0.5,1.5,10\n`,
    "empty.csv": header,
    "bad.csv": `${header}2020-01-02,1,2,0.5,1.5,10\n2020-01-03,1,0.5,2,1.5,10\n`,
  });
  const load = (tickers: string[], options: Record<string, unknown>) => csvProvider.load({ tickers }, options, fakeContext(project));
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it("finds a ticker by exact name or by derived name, case-insensitively", async () => {
    const result = await load(["aaa", "BBB"], { path: "prices" });
    expect(result.lineage.map((l) => l.source)).toEqual(["prices/AAA.csv", "prices/bbb-2020.csv"]);
    const exact = await load(["CCC"], { path: "dup" });
    expect(exact.lineage[0]?.source).toBe("dup/ccc.csv");
  });

  it("names the tickers a folder holds when one is missing", async () => {
    const error = await failure(load(["ZZZ"], { path: "prices" }));
    expect([error.code, error.message]).toEqual(["R0109", "no data for ticker `ZZZ` in `prices`"]);
    expect(error.hint).toContain("tickers there: AAA, BBB");
  });

  it("refuses two files for one ticker when asked for all", async () => {
    expect((await failure(load([], { path: "dup" }))).code).toBe("R0114");
  });

  it("reports missing paths, empty files, bad rows, bad zones and bad options", async () => {
    expect((await failure(load([], { path: "nope.csv" }))).code).toBe("R0103");
    const empty = await failure(load([], { path: "empty.csv" }));
    expect([empty.code, empty.health?.empty]).toEqual(["R0110", 1]);
    const bad = await failure(load([], { path: "bad.csv" }));
    expect([bad.code, bad.report?.issues[0]?.firstRow]).toEqual(["R0106", 3]);
    expect((await failure(load([], { path: "bad.csv", tz: "Nowhere/City" }))).code).toBe("R0113");
    const dropped = await load([], { path: "bad.csv", on_bad_rows: "drop" });
    expect([dropped.series[0]?.close.length, dropped.quality[0]?.issues[0]?.handling]).toEqual([1, "dropped 1 row"]);
  });

  it("a single file serves only its own ticker", async () => {
    const error = await failure(load(["SPY"], { path: "prices/AAA.csv" }));
    expect([error.code, error.message]).toEqual(["R0109", "no data for ticker `SPY` in `prices/AAA.csv`"]);
  });

  it("loadData returns failures as values and never rejects for user errors", async () => {
    const result = await loadData(csvProvider, { tickers: [] }, { path: "prices", on_bad_rows: "skip" }, fakeContext(project));
    expect(result.ok).toBe(false);
    if (!result.ok) expect([result.error.code, result.error.message]).toEqual(["R0102", 'invalid options for provider `data-csv`: `on_bad_rows` must be one of "error", "drop"']);
  });
});
