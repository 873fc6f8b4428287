import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { didYouMean, editDistance, joinOr, suggest } from "./suggest.js";

describe("editDistance", () => {
  it("counts inserts, deletes, substitutions and adjacent swaps as one edit", () => {
    expect(editDistance("sma", "sma")).toBe(0);
    expect(editDistance("sma", "smaa")).toBe(1);
    expect(editDistance("sma", "ma")).toBe(1);
    expect(editDistance("sma", "ema")).toBe(1);
    expect(editDistance("fast", "fats")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("is a symmetric distance that never exceeds the longer length", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(d).toBe(editDistance(b, a));
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(d === 0).toBe(a === b);
      }),
    );
  });
});

describe("suggest", () => {
  it("offers at most three close names, closest first", () => {
    expect(suggest("smaa", ["sma", "ema", "wma", "rsi", "smooth"])).toEqual(["sma"]);
    expect(suggest("xma", ["sma", "ema", "wma", "rsi"])).toEqual(["ema", "sma", "wma"]);
    expect(suggest("wma", ["sma", "ema", "hma", "wma", "zma"])).toHaveLength(3);
  });

  it("offers nothing when no name is close, and never the name itself", () => {
    expect(suggest("volatility_target", ["sma", "ema"])).toEqual([]);
    expect(suggest("sma", ["sma"])).toEqual([]);
  });

  it("treats a difference in letter case as close", () => {
    expect(suggest("America/new_york", ["America/New_York", "Europe/London"])).toEqual(["America/New_York"]);
  });

  it("words the hint", () => {
    expect(didYouMean("fats", ["fast", "slow"])).toBe("did you mean fast?");
    expect(didYouMean("zzz", ["fast"])).toBeNull();
    expect(joinOr(["a", "b", "c"])).toBe("a, b or c");
    expect(joinOr(["a"])).toBe("a");
  });

  it("offers an abbreviation for its spelled-out form and back, after close spellings", () => {
    expect(didYouMean("production", ["prod", "paper", "smoke"])).toBe("did you mean prod?");
    expect(suggest("integer", ["int", "number"])).toEqual(["int"]);
    expect(suggest("prod", ["production", "prd"])).toEqual(["prd", "production"]);
    expect(suggest("ab", ["abc"])).toEqual(["abc"]);
    expect(suggest("xyz", ["xy"])).toEqual(["xy"]);
  });
});
