import { describe, expect, it } from "vitest";
import { INDICATORS } from "../signatures/indicators.js";
import { INDICATOR_IMPLS, lookupIndicator } from "./index.js";

describe("indicator registry", () => {
  it("implements every indicator signature with matching argument kinds, in order", () => {
    for (const sig of INDICATORS) {
      const impl = lookupIndicator(sig.name);
      expect(impl, sig.name).toBeDefined();
      const kinds = sig.params.map((p) => (p.type.kind === "series" ? "series" : p.name === "period" ? "period" : "number"));
      expect(impl?.args, sig.name).toEqual(kinds);
    }
    expect(Object.keys(INDICATOR_IMPLS).sort()).toEqual(INDICATORS.map((s) => s.name).sort());
  });

  it("does not find names from Object.prototype", () => {
    expect(lookupIndicator("toString")).toBeUndefined();
  });

  it("returns bollinger as a record of three series", () => {
    const out = lookupIndicator("bollinger")?.compute([Float64Array.from([1, 2, 3]), 2, 1], { high: new Float64Array(3), low: new Float64Array(3), close: new Float64Array(3) }, (n) => new Float64Array(n));
    expect(out instanceof Float64Array).toBe(false);
    expect(Object.keys(out ?? {}).sort()).toEqual(["lower", "middle", "upper"]);
  });
});
