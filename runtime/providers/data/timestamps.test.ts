import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { daysFromCivil, isoTime, parseTimeOfDay, shortTime, TimestampParser, zoneConverter } from "./timestamps.js";

const bytes = (text: string): Uint8Array => Buffer.from(text, "latin1");
const parse = (text: string): { ms: number; hasTime: boolean; hasZone: boolean } => {
  const p = new TimestampParser();
  const b = bytes(text);
  const ms = p.parse(b, 0, b.length);
  return { ms, hasTime: p.hasTime, hasZone: p.hasZone };
};

describe("daysFromCivil", () => {
  it("agrees with Date.UTC on any date from 1800 to 2200", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1800, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        expect(daysFromCivil(y, m, d) * 86_400_000).toBe(Date.UTC(y, m - 1, d));
      }),
    );
  });
});

describe("TimestampParser", () => {
  it("reads daily dates as 00:00 UTC, without a time part", () => {
    expect(parse("1995-01-03")).toEqual({ ms: Date.UTC(1995, 0, 3), hasTime: false, hasZone: false });
    expect(parse("20240229").ms).toBe(Date.UTC(2024, 1, 29));
  });

  it("reads intraday timestamps with space or T, seconds and milliseconds optional", () => {
    expect(parse("2017-04-19 09:00:00")).toEqual({ ms: Date.UTC(2017, 3, 19, 9), hasTime: true, hasZone: false });
    expect(parse("2017-04-19T09:30").ms).toBe(Date.UTC(2017, 3, 19, 9, 30));
    expect(parse("2017-04-19 09:30:15.250").ms).toBe(Date.UTC(2017, 3, 19, 9, 30, 15, 250));
    expect(parse("2017-04-19 09:30:15.2509").ms).toBe(Date.UTC(2017, 3, 19, 9, 30, 15, 250));
  });

  it("honours an explicit Z or offset", () => {
    expect(parse("2017-04-19T09:00:00Z")).toEqual({ ms: Date.UTC(2017, 3, 19, 9), hasTime: true, hasZone: true });
    expect(parse("2017-04-19T09:00:00+02:00").ms).toBe(Date.UTC(2017, 3, 19, 7));
    expect(parse("2017-04-19T09:00:00-0530").ms).toBe(Date.UTC(2017, 3, 19, 14, 30));
  });

  it("agrees with Date.parse on ISO text with Z", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2199-12-31T23:59:59Z"), noInvalidDate: true }), (d) => {
        expect(parse(d.toISOString()).ms).toBe(d.getTime());
      }),
    );
  });

  it.each(["", "1995-1-3", "1995-02-30", "1995-13-01", "2023-02-29", "1995-01-03 24:00", "1995-01-03 09:60", "1995-01-03X09:00", "1995-01-03 09:00:00.", "1995-01-03 09:00 EST", "abc"])(
    "rejects %j",
    (text) => {
      expect(parse(text).ms).toBeNaN();
    },
  );
});

describe("parseTimeOfDay", () => {
  it("reads HH:MM, HH:MM:SS and HHMMSS", () => {
    const t = (s: string): number => parseTimeOfDay(bytes(s), 0, s.length);
    expect(t("09:30")).toBe(34_200_000);
    expect(t("09:30:05")).toBe(34_205_000);
    expect(t("093005")).toBe(34_205_000);
    expect(t("25:00")).toBeNaN();
    expect(t("9:30")).toBeNaN();
  });
});

describe("time text", () => {
  it("formats ISO and short forms", () => {
    expect(isoTime(Date.UTC(1995, 0, 3))).toBe("1995-01-03T00:00:00.000Z");
    expect(shortTime(Date.UTC(1995, 0, 3))).toBe("1995-01-03");
    expect(shortTime(Date.UTC(1995, 0, 3, 9, 30))).toBe("1995-01-03T09:30:00Z");
    expect(shortTime(NaN)).toBe("invalid time");
  });
});

describe("zoneConverter", () => {
  const wall = (y: number, mo: number, d: number, h: number, mi = 0): number => Date.UTC(y, mo - 1, d, h, mi);

  it("returns null for an unknown zone", () => {
    expect(zoneConverter("Mars/Olympus")).toBeNull();
  });

  it("converts New York wall time in winter and summer", () => {
    const ny = zoneConverter("America/New_York");
    expect(ny?.(wall(2021, 1, 15, 9, 30))).toBe(Date.UTC(2021, 0, 15, 14, 30));
    expect(ny?.(wall(2021, 7, 15, 9, 30))).toBe(Date.UTC(2021, 6, 15, 13, 30));
  });

  it("moves a skipped wall time forward and takes the earlier of a repeated one", () => {
    const ny = zoneConverter("America/New_York");
    // 2021-03-14 02:30 does not exist in New York: read with EST, it is 07:30Z (03:30 EDT).
    expect(ny?.(wall(2021, 3, 14, 2, 30))).toBe(Date.UTC(2021, 2, 14, 7, 30));
    // 2021-11-07 01:30 happens twice: the first (EDT) is 05:30Z.
    expect(ny?.(wall(2021, 11, 7, 1, 30))).toBe(Date.UTC(2021, 10, 7, 5, 30));
    const berlin = zoneConverter("Europe/Berlin");
    // 2021-10-31 02:30 happens twice in Berlin: the first (CEST, +2) is 00:30Z.
    expect(berlin?.(wall(2021, 10, 31, 2, 30))).toBe(Date.UTC(2021, 9, 31, 0, 30));
    expect(berlin?.(wall(2021, 10, 31, 12, 0))).toBe(Date.UTC(2021, 9, 31, 11, 0));
  });

  it("is the identity for UTC", () => {
    const utc = zoneConverter("UTC");
    expect(utc?.(wall(2020, 6, 1, 12))).toBe(wall(2020, 6, 1, 12));
  });
});
