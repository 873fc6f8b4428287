import { mkdtempSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCsvFile as readOnOneThread, type CsvFile } from "./csv-read.js";

// Under vitest this module runs from TypeScript sources, where the compiled worker script does
// not exist, so it reads on one thread; the built copy in dist/ (npm test builds first) starts
// the worker for files of 16 MiB or more. Both must give the same digest, rows and report.
const built = new URL("../../../dist/runtime/providers/data/csv-read.js", import.meta.url);
const builtWorker = new URL("../../../dist/runtime/providers/data/csv-worker.js", import.meta.url);

let dir: string;
let file: string;
let skewed: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "strat-csv-read-"));
  file = join(dir, "big.csv");
  const lines = ["Date,Open,High,Low,Close,Adj Close,Volume"];
  const day = 86_400_000;
  for (let i = 0; i < 330_000; i++) {
    const p = (100 + Math.sin(i / 50) * 10 + i / 10_000).toFixed(6);
    lines.push(`${new Date(Date.UTC(1900, 0, 1) + i * day).toISOString().slice(0, 10)},${p},${p},${p},${p},${p},${1000 + (i % 7)}`);
    if (i === 250_000) lines.push("");
    if (i === 260_000) lines.push("2600-01-01,x,1,1,1,1,1");
  }
  writeFileSync(file, lines.join("\n")); // no final LF: the worker adds it in the spare byte
  // Long lines first, short ones after: the row estimate from the first lines falls far short,
  // so both threads outgrow the shared columns and the parts are joined by copying.
  const pad = "9".repeat(200);
  skewed = join(dir, "skewed.csv");
  writeFileSync(skewed, ["Date,Open,High,Low,Close,Adj Close,Volume", ...Array.from({ length: 540_000 }, (_, i) => `${new Date(Date.UTC(1900, 0, 1) + i * day).toISOString().slice(0, 10)},1,2,0.5,1.5,${i < 2_000 ? pad : "1.5"},${i}`)].join("\n") + "\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function expectSameRead(path: string): Promise<CsvFile> {
  expect(existsSync(builtWorker)).toBe(true);
  const { readCsvFile: readOnTwoThreads } = (await import(built.href)) as { readCsvFile: typeof readOnOneThread };
  const one: CsvFile = await readOnOneThread(path, "BIG", "big.csv", null, null);
  const two: CsvFile = await readOnTwoThreads(path, "BIG", "big.csv", null, null);
  expect(one.parsed.ok && two.parsed.ok).toBe(true);
  if (!one.parsed.ok || !two.parsed.ok) return one;
  expect(two.sha256).toBe(one.sha256);
  const { raw: a } = one.parsed;
  const { raw: b } = two.parsed;
  expect([b.length, b.badRowCount, b.badRowFirst, b.badRowExample]).toEqual([a.length, a.badRowCount, a.badRowFirst, a.badRowExample]);
  for (const key of ["time", "open", "high", "low", "close", "volume", "rowNumber", "badRow"] as const) {
    expect(Buffer.from(b[key].buffer, b[key].byteOffset, b[key].byteLength).equals(Buffer.from(a[key].buffer, a[key].byteOffset, a[key].byteLength)), key).toBe(true);
  }
  return one;
}

describe("reading a large CSV file on two threads", () => {
  it("gives the digest, rows and bad-row report of the one-thread read", async () => {
    const one = await expectSameRead(file);
    expect(one.parsed.ok).toBe(true);
    if (!one.parsed.ok) return;
    expect(one.parsed.raw.length).toBe(330_001);
    expect(one.parsed.raw.badRowCount).toBe(1);
    expect(one.parsed.raw.badRowExample).toMatch(/^line 260004: Open "x" is not a number/);
  });

  it("gives the same when both threads outgrow the rows estimated from the first lines", async () => {
    const one = await expectSameRead(skewed);
    expect(one.parsed.ok && one.parsed.raw.length).toBe(540_000);
  });
});
