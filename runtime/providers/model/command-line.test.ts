import { describe, it, expect } from "vitest";
import { splitCommand } from "./command-line.js";
import { parseReply } from "./external-protocol.js";

describe("splitCommand", () => {
  it.each([
    ["node model.mjs --window 20", ["node", "model.mjs", "--window", "20"]],
    ['python3 "my models/lgbm.py" --name \'a b\'', ["python3", "my models/lgbm.py", "--name", "a b"]],
    ["  run   x  ", ["run", "x"]],
    ['run "" x', ["run", "", "x"]],
  ])("%j", (command, argv) => {
    expect(splitCommand(command)).toEqual(argv);
  });

  it("returns null for an empty command or an unbalanced quote", () => {
    expect(splitCommand("   ")).toBeNull();
    expect(splitCommand('python3 "model.py')).toBeNull();
  });
});

describe("parseReply", () => {
  const t = "2020-01-01T00:00:00.000Z";
  it("reads numbers, nulls as NaN, and an optional version", () => {
    expect(parseReply(JSON.stringify({ t, expected_return: 0.01, confidence: 0.6, volatility: 0.02, version: "v2", extra: 1 }), t)).toEqual({ expectedReturn: 0.01, confidence: 0.6, volatility: 0.02, version: "v2" });
    expect(parseReply(JSON.stringify({ t, expected_return: null, confidence: null, volatility: null }), t)).toEqual({ expectedReturn: NaN, confidence: NaN, volatility: NaN, version: null });
  });

  it.each([
    ["[1, 2]", "not a JSON object: [1, 2]"],
    [JSON.stringify({ t, expected_return: "0.1", confidence: 0.5, volatility: 0 }), '"expected_return" must be a finite number or null, got "0.1"'],
    [JSON.stringify({ t, expected_return: 0, confidence: 0.5, volatility: -1 }), '"volatility" must be >= 0, got -1'],
    [JSON.stringify({ expected_return: 0, confidence: 0.5, volatility: 0 }), `"t" is null, expected "${t}" (one reply per bar, in order)`],
  ])("rejects %s", (line, problem) => {
    expect(parseReply(line, t)).toBe(problem);
  });
});
