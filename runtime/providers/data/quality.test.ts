import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { parseCsv } from "./csv-parse.js";
import { checkQuality, STRICT_POLICY, type QualityPolicy } from "./quality.js";

const HEADER = "Date,Open,High,Low,Close,Volume\n";
const LENIENT: QualityPolicy = { onBadRows: "drop", onUnsorted: "sort", onDuplicate: "keep_last" };

function check(body: string, policy: QualityPolicy = STRICT_POLICY) {
  const parsed = parseCsv(Buffer.from(HEADER + body), "T", "t.csv", null);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return checkQuality(parsed.raw, policy);
}

const row = (date: string, o: number | string, h: number | string, l: number | string, c: number | string, v: number | string = 100): string => `${date},${o},${h},${l},${c},${v}\n`;

describe("the reader's usable-row screen", () => {
  it("lets step 1 be skipped only when step 1 would find nothing (property)", () => {
    const value = fc.constantFrom("10", "11", "9", "0", "-1", "NaN", "", "1e400", "x", "10.5");
    const line = fc.tuple(fc.integer({ min: 0, max: 30 }), value, value, value, value, fc.constantFrom("100", "-5", "", "7")).map(
      ([day, o, h, l, c, v]) => `${new Date(Date.UTC(2020, 0, 1) + day * 86_400_000).toISOString().slice(0, 10)},${o},${h},${l},${c},${v}\n`,
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.boolean(), (lines, lenient) => {
        const parsed = parseCsv(Buffer.from(HEADER + lines.join("")), "T", "t.csv", null);
        if (!parsed.ok) return;
        const policy = lenient ? LENIENT : STRICT_POLICY;
        expect(checkQuality(parsed.raw, policy)).toEqual(checkQuality({ ...parsed.raw, allUsable: false }, policy));
      }),
    );
  });
});

describe("bad rows", () => {
  const messy =
    row("2020-01-02", 10, 11, 9, 10.5) +
    row("2020-01-03", 10, 9, 11, 10) + // line 3: high < low
    row("2020-01-06", 0, 11, 9, 10) + // line 4: non-positive
    row("2020-01-07", 12, 11, 9, 10) + // line 5: open above high
    row("2020-01-08", 10, 11, 9, "") + // line 6: empty close
    row("2020-01-09", 10, 11, 9, 10, -5) + // line 7: negative volume
    row("2020-01-10", 10, 11, 9, 10.25);

  it("fail the load by default, naming the first line and problem", () => {
    const result = check(messy);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("R0106");
    expect(result.error.message).toBe("bad row in `t.csv` (T) at line 3 (2020-01-03): High 9 < Low 11 (5 bad rows in all)");
    expect(result.error.report?.issues.map((i) => [i.kind, i.count, i.firstRow, i.severity, i.handling])).toEqual([
      ["high_below_low", 1, 3, "error", "load failed"],
      ["non_positive_price", 1, 4, "error", "load failed"],
      ["ohlc_inconsistent", 1, 5, "error", "load failed"],
      ["nan", 1, 6, "error", "load failed"],
      ["bad_row", 1, 7, "error", "load failed"],
    ]);
  });

  it("are dropped and reported with on_bad_rows: drop", () => {
    const result = check(messy, LENIENT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Array.from(result.bars.close)).toEqual([10.5, 10.25]);
    const issues = result.report.issues.filter((i) => i.kind !== "gap");
    expect(issues.map((i) => i.handling)).toEqual(["dropped 1 row", "dropped 1 row", "dropped 1 row", "dropped 1 row", "dropped 1 row"]);
    expect(issues.every((i) => i.severity === "warning")).toBe(true);
    expect(issues.find((i) => i.kind === "nan")?.example).toBe("line 6 (2020-01-08): Close missing or NaN");
    expect(issues.find((i) => i.kind === "ohlc_inconsistent")?.example).toBe("line 5 (2020-01-07): Open 12 outside [Low 9, High 11]");
  });

  it("report an unparseable row before a later value problem, with the earliest line first", () => {
    const result = check(row("2020-01-02", 10, 11, 9, 10) + row("2020-01-03", "x", 11, 9, 10) + row("2020-01-06", 10, 11, 9, 10, -1));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.report?.issues).toEqual([{ kind: "bad_row", severity: "error", count: 2, firstRow: 3, example: 'line 3: Open "x" is not a number', handling: "load failed" }]);
  });
});

describe("order and duplicates", () => {
  const unsorted = row("2020-01-02", 10, 11, 9, 10) + row("2020-01-06", 10, 13, 9, 12) + row("2020-01-03", 10, 11, 9, 11);

  it("unsorted timestamps fail by default", () => {
    const result = check(unsorted);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("R0107");
    expect(result.error.message).toBe("timestamps out of order in `t.csv` (T) at line 4 (2020-01-03), which comes after line 3 (2020-01-06)");
  });

  it("on_unsorted: sort sorts stably and says so", () => {
    const result = check(unsorted, LENIENT);
    if (!result.ok) throw new Error(result.error.message);
    expect(Array.from(result.bars.close)).toEqual([10, 11, 12]);
    expect(result.report.issues).toEqual([{ kind: "unsorted", severity: "warning", count: 1, firstRow: 4, example: "line 4 (2020-01-03), which comes after line 3 (2020-01-06)", handling: "sorted 3 rows by time (1 out of order)" }]);
  });

  const dup = row("2020-01-02", 10, 11, 9, 10) + row("2020-01-03", 10, 11, 9, 11) + row("2020-01-03", 10, 13, 9, 11.5) + row("2020-01-06", 10, 13, 9, 12);

  it("duplicates fail by default", () => {
    const result = check(dup);
    expect(result.ok).toBe(false);
    if (!result.ok) expect([result.error.code, result.error.message]).toEqual(["R0108", "duplicate timestamp in `t.csv` (T) at line 4 (2020-01-03), same time as line 3"]);
  });

  it("on_duplicate: keep_last keeps the last row of each timestamp, also after sorting", () => {
    const result = check(row("2020-01-03", 10, 11, 9, 11) + row("2020-01-02", 10, 11, 9, 10) + row("2020-01-03", 10, 13, 9, 11.5), LENIENT);
    if (!result.ok) throw new Error(result.error.message);
    expect(Array.from(result.bars.close)).toEqual([10, 11.5]);
    expect(result.report.issues.map((i) => [i.kind, i.count, i.handling])).toEqual([
      ["unsorted", 1, "sorted 3 rows by time (1 out of order)"],
      ["duplicate_timestamp", 1, "kept the last row of each timestamp, dropped 1"],
    ]);
  });
});

describe("gaps", () => {
  it("daily: more than 4 calendar days is a gap; a long weekend is not", () => {
    const body = ["2020-01-02", "2020-01-03", "2020-01-07", "2020-01-08", "2020-01-14", "2020-01-15"].map((d) => row(d, 10, 11, 9, 10)).join("");
    const result = check(body);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report.issues).toEqual([{ kind: "gap", severity: "warning", count: 1, firstRow: 6, example: "line 6: 2020-01-08 to 2020-01-14 (6 days)", handling: "reported, nothing changed" }]);
    expect(result.bars.close.length).toBe(6);
  });

  it("intraday: a hole of more than 3 bars within a day is a gap; the night is not", () => {
    const hours = ["2020-01-02 09:00", "2020-01-02 10:00", "2020-01-02 11:00", "2020-01-02 16:00", "2020-01-03 09:00", "2020-01-03 10:00"];
    const result = check(hours.map((d) => row(d, 10, 11, 9, 10)).join(""));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report.issues.map((i) => [i.kind, i.count, i.example])).toEqual([["gap", 1, "line 5: 2020-01-02T11:00:00Z to 2020-01-02T16:00:00Z (5 hours)"]]);
  });

  it("monthly: more than two months between bars is a gap", () => {
    const months = ["2020-01-31", "2020-02-29", "2020-03-31", "2020-04-30", "2020-08-31", "2020-09-30"];
    const result = check(months.map((d) => row(d, 10, 11, 9, 10)).join(""));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report.issues.map((i) => [i.kind, i.firstRow])).toEqual([["gap", 6]]);
  });
});

it("clean data passes through with no issues and no copy", () => {
  const parsed = parseCsv(Buffer.from(HEADER + row("2020-01-02", 10, 11, 9, 10) + row("2020-01-03", 10, 11, 9, 11)), "T", "t.csv", null);
  if (!parsed.ok) throw new Error("parse");
  const result = checkQuality(parsed.raw, STRICT_POLICY);
  if (!result.ok) throw new Error(result.error.message);
  expect(result.report.issues).toEqual([]);
  expect(result.bars.close).toBe(parsed.raw.close);
});
