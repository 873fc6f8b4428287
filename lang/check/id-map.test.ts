import { describe, it, expect } from "vitest";
import { IdMap } from "./id-map.js";

describe("IdMap", () => {
  it("stores values by id, in any order, and reports absent ids as missing", () => {
    const map = new IdMap<string>();
    map.set(7, "seven").set(2, "two");
    expect(map.get(7)).toBe("seven");
    expect(map.get(2)).toBe("two");
    expect(map.get(3)).toBeUndefined();
    expect(map.get(100)).toBeUndefined();
    expect(map.has(2)).toBe(true);
    expect(map.has(5)).toBe(false);
    map.set(2, "again");
    expect(map.get(2)).toBe("again");
  });
});
