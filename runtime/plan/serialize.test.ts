import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { serializeSorted } from "./serialize.js";

describe("serializeSorted", () => {
  it("sorts keys, indents by two spaces and ends with a newline", () => {
    expect(serializeSorted({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{\n  "a": [\n    {\n      "c": 3,\n      "d": 2\n    }\n  ],\n  "b": 1\n}\n');
  });

  it("keeps an own __proto__ member that JSON.parse made", () => {
    expect(serializeSorted(JSON.parse('{"z":1,"__proto__":{"x":0}}') as object)).toBe('{\n  "__proto__": {\n    "x": 0\n  },\n  "z": 1\n}\n');
  });

  it("loses nothing: parsing the output gives back an equal value", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        expect(JSON.parse(serializeSorted(value))).toStrictEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
