import { describe, expect, it } from "vitest";
import { arithmeticUnit, comparable, unitAssignable } from "./units.js";

describe("unit algebra", () => {
  it("scales money, durations and bar counts by dimensionless factors", () => {
    expect(arithmeticUnit("*", "ratio", "money")).toBe("money");
    expect(arithmeticUnit("*", "money", "number")).toBe("money");
    expect(arithmeticUnit("/", "money", "int")).toBe("money");
    expect(arithmeticUnit("*", "int", "duration")).toBe("duration");
  });

  it("divides like units into plain ratios or numbers", () => {
    expect(arithmeticUnit("/", "money", "money")).toBe("ratio");
    expect(arithmeticUnit("/", "duration", "duration")).toBe("number");
  });

  it("adds only like units", () => {
    expect(arithmeticUnit("+", "duration", "duration")).toBe("duration");
    expect(arithmeticUnit("+", "money", "money")).toBe("money");
    expect(arithmeticUnit("+", "money", "ratio")).toBeNull();
    expect(arithmeticUnit("-", "duration", "number")).toBeNull();
    expect(arithmeticUnit("+", "int", "int")).toBe("int");
    expect(arithmeticUnit("+", "ratio", "ratio")).toBe("ratio");
    expect(arithmeticUnit("+", "ratio", "number")).toBe("number");
  });

  it("never multiplies two dimensioned units or divides by one", () => {
    expect(arithmeticUnit("*", "money", "money")).toBeNull();
    expect(arithmeticUnit("/", "number", "money")).toBeNull();
    expect(arithmeticUnit("*", "bool", "int")).toBeNull();
  });

  it("compares like units only, and orders only ordered units", () => {
    expect(comparable("<", "money", "ratio")).toBe(false);
    expect(comparable(">=", "ratio", "number")).toBe(true);
    expect(comparable("<", "bars", "int")).toBe(true);
    expect(comparable("==", "bool", "bool")).toBe(true);
    expect(comparable("<", "bool", "bool")).toBe(false);
    expect(comparable("==", "string", "ticker")).toBe(true);
    expect(comparable("<", "string", "string")).toBe(false);
    expect(comparable("<", "date", "date")).toBe(true);
  });

  it("widens int and ratio to number, and treats ints and bar counts alike", () => {
    expect(unitAssignable("int", "number")).toBe(true);
    expect(unitAssignable("ratio", "number")).toBe(true);
    expect(unitAssignable("number", "ratio")).toBe(false);
    expect(unitAssignable("bars", "int")).toBe(true);
    expect(unitAssignable("int", "bars")).toBe(true);
    expect(unitAssignable("duration", "number")).toBe(false);
  });
});
