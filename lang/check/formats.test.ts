import { describe, expect, it } from "vitest";
import { COMMON_ZONES, isTimeZone } from "./formats.js";

describe("time zones", () => {
  it("lists only zones Intl accepts among the ones it knows without asking", () => {
    for (const zone of COMMON_ZONES) expect(() => new Intl.DateTimeFormat("en-US", { timeZone: zone }), zone).not.toThrow();
    for (const zone of COMMON_ZONES) expect(isTimeZone(zone)).toBe(true);
  });

  it("asks Intl about the others", () => {
    expect(isTimeZone("Pacific/Auckland")).toBe(true);
    expect(isTimeZone("Europe/Frankfurt")).toBe(false);
    expect(isTimeZone("America/NewYork")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });
});
