import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { canonicalJson, sha256Hex } from "./canonical.js";

describe("canonicalJson", () => {
  it("sorts keys at every depth and has no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: "x" } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it("prints numbers in one stable form", () => {
    expect(canonicalJson([0.1 + 0.2, 1e21, 1e-7, -0, 100, 0.002])).toBe("[0.30000000000000004,1e+21,1e-7,0,100,0.002]");
  });

  it("drops undefined members and escapes strings like JSON", () => {
    expect(canonicalJson({ a: undefined, b: 'q"\n' })).toBe('{"b":"q\\"\\n"}');
  });

  it("ignores key order and round-trips through JSON.parse", () => {
    const json = fc.jsonValue();
    fc.assert(
      fc.property(json, (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        const shuffled = JSON.parse(JSON.stringify(value, (_k, v: unknown) => (v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v)));
        expect(canonicalJson(shuffled)).toBe(text);
      }),
    );
  });
});

describe("sha256Hex", () => {
  it("hashes the UTF-8 bytes", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("é")).toBe(sha256Hex("\u00e9"));
  });
});

describe("canonicalJson with integer-like keys", () => {
  it("still sorts keys as strings", () => {
    expect(canonicalJson({ "10": 1, "9": 2, a: { "2": true, "1": false } })).toBe('{"10":1,"9":2,"a":{"1":false,"2":true}}');
  });
});

describe("canonicalJson on deep unsorted values", () => {
  it("sorts a deep chain of unsorted objects in linear time", () => {
    let value: Record<string, unknown> = { z: 1, a: 2 };
    for (let i = 0; i < 200; i++) value = { z: value, a: i };
    const text = canonicalJson(value);
    expect(text.startsWith('{"a":199,"z":{"a":198,')).toBe(true);
  });
});

describe("canonicalJson on keys the object prototype owns", () => {
  it("keeps an own __proto__ member that JSON.parse made", () => {
    const value: unknown = JSON.parse('{"b":{},"__proto__":0,"constructor":1}');
    expect(canonicalJson(value)).toBe('{"__proto__":0,"b":{},"constructor":1}');
  });
});
