import { describe, expect, it } from "vitest";
import { inferPeriodsPerYear } from "./metric-input.js";

const D = 86_400_000;
const T0 = Date.UTC(2021, 0, 4); // a Monday

describe("inferPeriodsPerYear", () => {
  it("is 252 for weekday calendars and 365 for every-day calendars", () => {
    const weekdays = Array.from({ length: 400 }, (_, i) => i).filter((i) => i % 7 < 5);
    expect(inferPeriodsPerYear(Float64Array.from(weekdays, (i) => T0 + i * D))).toBe(252);
    expect(inferPeriodsPerYear(Float64Array.from({ length: 400 }, (_, i) => T0 + i * D))).toBe(365);
  });

  it("counts days, not bars, for intraday data, and defaults to 252 on short spans", () => {
    const hourlyWeekdays = Array.from({ length: 24 * 200 }, (_, h) => h).filter((h) => Math.floor(h / 24) % 7 < 5);
    expect(inferPeriodsPerYear(Float64Array.from(hourlyWeekdays, (h) => T0 + h * 3_600_000))).toBe(252);
    expect(inferPeriodsPerYear(Float64Array.from({ length: 10 }, (_, i) => T0 + i * D))).toBe(252);
  });
});
