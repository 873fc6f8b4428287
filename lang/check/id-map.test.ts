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

describe("IdMap pages", () => {
  it("keeps ids on different pages apart, including the first and last id of a page", () => {
    const map = new IdMap<number>();
    const ids = [0, 4095, 4096, 8191, 8192, 100_000, 1_000_003];
    for (const id of ids) map.set(id, id * 2);
    for (const id of ids) expect(map.get(id)).toBe(id * 2);
    for (const id of [1, 4094, 4097, 8193, 99_999, 100_001, 2_000_000]) expect(map.has(id)).toBe(false);
  });
});
