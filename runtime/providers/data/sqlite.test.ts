import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, it, expect } from "vitest";
import { DataError } from "./errors.js";
import { sqliteProvider } from "./sqlite.js";
import { fakeContext, tempProject } from "./test-support.js";

const project = tempProject();
afterAll(() => rmSync(project, { recursive: true, force: true }));

type Row = [string, string | number | null, number | string | null, number, number, number | null, number];

function makeDb(name: string, rows: readonly Row[], ddl = "CREATE TABLE bars (ticker TEXT, ts, open REAL, high REAL, low REAL, close REAL, volume REAL)"): string {
  const db = new Database(join(project, name));
  db.exec(ddl);
  const insert = db.prepare("INSERT INTO bars VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const row of rows) insert.run(...row);
  db.close();
  return name;
}

const load = (path: string, tickers: string[] = [], extra: Record<string, unknown> = {}) => sqliteProvider.load({ tickers }, { path, ...extra }, fakeContext(project));

async function failure(promise: Promise<unknown>): Promise<DataError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DataError)) throw new Error(`expected a DataError, got ${String(error)}`);
  return error;
}

describe("sqlite provider", () => {
  const good = makeDb("good.db", [
    ["BBB", "2020-01-03", 1, 2, 0.5, 1.5, 10],
    ["AAA", "2020-01-06", 10, 12, 9, 11, 100],
    ["AAA", Date.UTC(2020, 0, 2), 10, 12, 9, 10, 100],
    ["AAA", "2020-01-03T00:00:00Z", 10, 12, 9, 10.5, 100],
  ]);

  it("reads every ticker in name order, rows in time order, ISO text and epoch ms alike", async () => {
    const result = await load(good);
    expect(result.series.map((s) => s.ticker)).toEqual(["AAA", "BBB"]);
    expect(Array.from(result.series[0]?.time ?? [])).toEqual([Date.UTC(2020, 0, 2), Date.UTC(2020, 0, 3), Date.UTC(2020, 0, 6)]);
    expect(Array.from(result.series[0]?.close ?? [])).toEqual([10, 10.5, 11]);
    expect(result.quality.map((q) => q.issues)).toEqual([[], []]);
    expect(result.lineage[0]).toMatchObject({ provider: "sqlite@1", source: "good.db", ticker: "AAA", rows: 3, firstTime: "2020-01-02T00:00:00.000Z" });
    expect(result.lineage[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.health).toMatchObject({ success: 1, failure: 0, empty: 0 });
  });

  it("gives the same lineage hash for the same rows in another insertion order", async () => {
    const shuffled = makeDb("shuffled.db", [
      ["AAA", "2020-01-03T00:00:00Z", 10, 12, 9, 10.5, 100],
      ["AAA", Date.UTC(2020, 0, 2), 10, 12, 9, 10, 100],
      ["AAA", "2020-01-06", 10, 12, 9, 11, 100],
    ]);
    expect((await load(shuffled)).lineage[0]?.sha256).toBe((await load(good, ["AAA"])).lineage[0]?.sha256);
  });

  it("names the tickers present when one is missing, and counts the empty read", async () => {
    const error = await failure(load(good, ["ZZZ"]));
    expect([error.code, error.message, error.health?.empty]).toEqual(["R0109", "no data for ticker `ZZZ` in `good.db`", 1]);
    expect(error.hint).toContain("tickers there: AAA, BBB");
  });

  it("checks quality like csv: bad values fail or are dropped, duplicates fail or keep the last", async () => {
    const messy = makeDb("messy.db", [
      ["AAA", "2020-01-02", 10, 12, 9, 10, 100],
      ["AAA", "2020-01-03", 10, 8, 9, 10, 100],
      ["AAA", "2020-01-06", 10, 12, 9, null, 100],
      ["AAA", "not a date", 10, 12, 9, 10, 100],
      ["AAA", "2020-01-07", "ten", 12, 9, 10, 100],
    ]);
    const error = await failure(load(messy));
    expect(error.code).toBe("R0106");
    expect(error.report?.issues.map((i) => [i.kind, i.count, i.example])).toEqual([
      ["high_below_low", 1, "row 2 (2020-01-03): High 8 < Low 9"],
      ["nan", 1, "row 3 (2020-01-06): Close missing or NaN"],
      ["bad_row", 2, 'row 4: open "ten" is not a number'], // the unreadable time sorts last, as row 5
    ]);
    const dropped = await load(messy, [], { on_bad_rows: "drop" });
    expect(Array.from(dropped.series[0]?.close ?? [])).toEqual([10]);

    const dup = makeDb("dup.db", [
      ["AAA", "2020-01-02", 10, 12, 9, 10, 100],
      ["AAA", "2020-01-02 00:00:00", 10, 12, 9, 11, 100],
    ]);
    expect((await failure(load(dup))).code).toBe("R0108");
    expect(Array.from((await load(dup, [], { on_duplicate: "keep_last" })).series[0]?.close ?? [])).toEqual([11]);
  });

  it("explains a missing table or column", async () => {
    const noTable = makeDb("other.db", [], "CREATE TABLE bars (ticker TEXT, ts, open REAL, high REAL, low REAL, close REAL, volume REAL); CREATE TABLE prices (x)");
    const error = await failure(load(noTable, [], { table: "ohlcv" }));
    expect([error.code, error.message, error.hint]).toEqual(["R0111", "`other.db`: no table `ohlcv`", "set the option table to one of: bars, prices"]);
    const db = new Database(join(project, "cols.db"));
    db.exec("CREATE TABLE bars (ticker TEXT, ts TEXT, open REAL, high REAL, low REAL, price REAL)");
    db.close();
    const cols = await failure(load("cols.db"));
    expect([cols.code, cols.message]).toEqual(["R0111", "`cols.db`: table `bars` has no column close, volume"]);
  });

  it("reports a missing file and a file that is not a database", async () => {
    expect((await failure(load("missing.db"))).code).toBe("R0103");
    writeFileSync(join(project, "text.db"), "this is not sqlite, just text that is long enough to have a header........");
    const error = await failure(load("text.db"));
    expect([error.code, error.message]).toEqual(["R0112", "cannot use SQLite database `text.db`: file is not a database"]);
    expect(error.health?.failure).toBe(1);
  });

  it("retries a locked database 3 times with backoff, then says it is locked", async () => {
    const writer = new Database(join(project, good));
    writer.exec("BEGIN EXCLUSIVE");
    try {
      const context = fakeContext(project);
      const error: unknown = await sqliteProvider.load({ tickers: [] }, { path: good }, context).catch((e: unknown) => e);
      expect([(error as DataError).code, (error as DataError).message]).toEqual(["R0112", "cannot use SQLite database `good.db`: database is locked"]);
      expect((error as DataError).health).toMatchObject({ success: 0, failure: 3 });
      expect(context.sleeps).toEqual([37.5, 75]);
    } finally {
      writer.exec("ROLLBACK");
      writer.close();
    }
    expect((await load(good)).health.success).toBe(1);
  });

  it("rejects a table name that is not an identifier", async () => {
    const error: unknown = await load(good, [], { table: "bars; DROP TABLE bars" }).catch((e: unknown) => e);
    expect((error as DataError).code).toBe("R0102");
  });
});
