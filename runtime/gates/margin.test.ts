import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compare, margin, relativeChange, type Operator } from "./margin.js";

describe("margin", () => {
  it("is positive on the passing side, in the rule's unit", () => {
    expect(margin(">=", 1.5, 1.1)).toBeCloseTo(0.4, 12);
    expect(margin(">", 1.0, 1.1)).toBeCloseTo(-0.1, 12);
    expect(margin("<=", 0.1, 0.15)).toBeCloseTo(0.05, 12);
    expect(margin("<", 0.2, 0.15)).toBeCloseTo(-0.05, 12);
    expect(margin("==", 3, 3)).toBe(-0);
    expect(margin("==", 2, 3)).toBe(-1);
    expect(margin("!=", 2, 3)).toBe(1);
    expect(margin(">=", null, 1)).toBeNull();
    expect(margin(">=", Number.POSITIVE_INFINITY, 1.1)).toBe(Number.POSITIVE_INFINITY);
  });

  it("agrees in sign with the comparison (property)", () => {
    const ops: Operator[] = [">=", ">", "<=", "<"];
    fc.assert(
      fc.property(fc.constantFrom(...ops), fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 }), (op, value, threshold) => {
        const m = margin(op, value, threshold) ?? Number.NaN;
        const inclusive = op === ">=" || op === "<=";
        expect(compare(op, value, threshold)).toBe(inclusive ? m >= 0 : m > 0);
      }),
    );
  });
});

describe("relativeChange", () => {
  it("is value / baseline - 1 for a positive baseline", () => {
    expect(relativeChange(2.06, 2)).toBeCloseTo(0.03, 12);
    expect(relativeChange(0.15, 0.1)).toBeCloseTo(0.5, 12);
  });

  it("keeps a rise positive for a negative baseline", () => {
    expect(relativeChange(-0.5, -1)).toBe(0.5);
  });

  it("is undefined for a zero, infinite or missing baseline", () => {
    expect(relativeChange(1, 0)).toBeNull();
    expect(relativeChange(1, Number.POSITIVE_INFINITY)).toBeNull();
    expect(relativeChange(null, 1)).toBeNull();
    expect(relativeChange(1, null)).toBeNull();
  });
});
