import { rmSync } from "node:fs";
import { afterAll, describe, it, expect } from "vitest";
import { csvProvider } from "./data/csv.js";
import { loadData } from "./data/load.js";
import { sqliteProvider } from "./data/sqlite.js";
import { fakeContext, tempProject } from "./data/test-support.js";
import { formatProviderError, ProviderError, settle } from "./errors.js";
import { PROVIDER_CODES } from "./codes.js";
import { findProvider } from "./registry.js";

const H = "Date,Open,High,Low,Close,Adj Close,Volume\n";
const project = tempProject({
  "data/ORCL.csv": `${H}1995-01-03,2.179012,2.191358,2.117284,2.117284,1.883304,36301200\n`,
  "data/MSFT.csv": `${H}1995-01-03,2.1,2.2,2.0,2.15,2.0,100\n1995-01-04,2.1,2.0,2.2,2.15,2.0,100\n1995-01-05,2.1,2.2,2.0,,2.0,100\n`,
  "data/AAPL.csv": `${H}1995-01-04,2.1,2.2,2.0,2.15,2.0,100\n1995-01-03,2.1,2.2,2.0,2.15,2.0,100\n`,
  "data/IBM.csv": `${H}1995-01-03,2.1,2.2,2.0,2.15,2.0,100\n1995-01-03,2.1,2.2,2.0,2.16,2.0,100\n`,
  "noheader.csv": "1995-01-03,2.1,2.2,2.0,2.15,100\n",
  "empty.csv": H,
  "bars.db": "not a database, only some text.......................................",
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

const CASES: readonly [string, () => Promise<unknown>][] = [
  ["unknown provider", () => Promise.resolve(findProvider("data", "parquet")).then((r) => (r.ok ? null : Promise.reject(r.error)))],
  ["bad option value", () => csvProvider.load({ tickers: [] }, { path: "data", on_bad_rows: "skip" }, fakeContext(project))],
  ["unknown option", () => csvProvider.load({ tickers: [] }, { path: "data", delimiter: ";" }, fakeContext(project))],
  ["missing path", () => csvProvider.load({ tickers: [] }, { path: "prices/orcl.csv" }, fakeContext(project))],
  ["header without columns", () => csvProvider.load({ tickers: [] }, { path: "noheader.csv" }, fakeContext(project))],
  ["bad rows", () => csvProvider.load({ tickers: ["MSFT"] }, { path: "data" }, fakeContext(project))],
  ["unsorted", () => csvProvider.load({ tickers: ["AAPL"] }, { path: "data" }, fakeContext(project))],
  ["duplicates", () => csvProvider.load({ tickers: ["IBM"] }, { path: "data" }, fakeContext(project))],
  ["ticker not in folder", () => csvProvider.load({ tickers: ["GOOG"] }, { path: "data" }, fakeContext(project))],
  ["no rows", () => csvProvider.load({ tickers: [] }, { path: "empty.csv" }, fakeContext(project))],
  ["bad time zone", () => csvProvider.load({ tickers: [] }, { path: "data", tz: "Nowhere/City" }, fakeContext(project))],
  ["not a database", () => sqliteProvider.load({ tickers: [] }, { path: "bars.db" }, fakeContext(project))],
];

describe("provider errors", () => {
  it("render with code, headline and hint, without a stack", async () => {
    const lines: string[] = [];
    for (const [name, run] of CASES) {
      const result = await settle(run());
      if (result.ok) throw new Error(`${name}: expected a failure`);
      lines.push(`# ${name}`, formatProviderError(result.error), "");
    }
    await expect(lines.join("\n")).toMatchFileSnapshot("./__golden__/provider-errors.txt");
  });

  it("every code raised has a catalogue entry with a long form", async () => {
    const known = new Set(PROVIDER_CODES.map((c) => c.code));
    for (const [, run] of CASES) {
      const result = await settle(run());
      if (!result.ok) expect(known.has(result.error.code)).toBe(true);
    }
    expect(PROVIDER_CODES.map((c) => c.code)).toEqual([...PROVIDER_CODES.map((c) => c.code)].sort());
    expect(PROVIDER_CODES.filter((c) => c.explain.length < 40 || c.title.endsWith("."))).toEqual([]);
  });

  it("settle rethrows anything that is not a ProviderError: that is a bug", async () => {
    await expect(settle(Promise.reject(new TypeError("boom")))).rejects.toThrow("boom");
    const ok = await loadData(csvProvider, { tickers: ["ORCL"] }, { path: "data" }, fakeContext(project));
    expect(ok.ok).toBe(true);
    expect(new ProviderError("R0103", "x", "y")).toBeInstanceOf(Error);
  });
});
