import { describe, it, expect } from "vitest";
import { sliceBarsByTime } from "../../data/bars.js";
import { csvProvider } from "../data/csv.js";
import { fakeContext, REPO_ROOT } from "../data/test-support.js";
import { formatProviderError } from "../errors.js";
import { ModelError } from "./errors.js";
import { externalModel } from "./external.js";
import { momentumModel } from "./momentum.js";
import { runModel } from "./run.js";
import { barsFromCloses, randomCloses } from "./test-support.js";

const FIXTURES = "runtime/providers/model/__fixtures__";
const context = { barSeconds: 86400, baseDir: REPO_ROOT, timeoutMs: 5000, modelName: "forecast" };
const bars = barsFromCloses(randomCloses(8, 1));

async function fail(command: string, timeoutMs = 5000): Promise<ModelError> {
  const result = await runModel(externalModel, bars, { command }, { ...context, timeoutMs });
  if (result.ok) throw new Error("expected the model run to fail");
  if (!(result.error instanceof ModelError)) throw new Error(`expected a ModelError, got ${result.error.message}`);
  return result.error;
}

describe("external models: the example model, for real", () => {
  it("reproduces the built-in momentum model on real ORCL bars and reports its version", async () => {
    const orcl = (await csvProvider.load({ tickers: [] }, { path: "examples/data/orcl-1995-2014.csv" }, fakeContext(REPO_ROOT))).series[0];
    if (orcl === undefined) throw new Error("no ORCL");
    const year = sliceBarsByTime(orcl, Date.UTC(2014, 0, 1), Date.UTC(2014, 11, 31));
    const options = { command: "node examples/models/momentum_model.mjs --window 20", horizon: 10 * 86400 };
    const external = await externalModel.predict(year, options, context);
    const builtin = await momentumModel.predict(year, { window: 20, horizon: 10 * 86400 }, context);
    expect(year.close.length).toBe(252);
    expect([external.model, external.version]).toEqual(["external", "momentum_model.mjs/1"]);
    expect(external.lineageId).toMatch(/^[0-9a-f]{64}$/);
    for (let t = 0; t < 252; t++) {
      const [a, b] = [external.predictions, builtin.predictions];
      if (t < 20) {
        expect([a.expected_return[t], a.confidence[t], a.volatility[t]]).toEqual([NaN, NaN, NaN]);
        continue;
      }
      expect(a.expected_return[t]).toBeCloseTo(b.expected_return[t] ?? NaN, 12);
      expect(a.volatility[t]).toBeCloseTo(b.volatility[t] ?? NaN, 12);
      expect(a.confidence[t]).toBeCloseTo(b.confidence[t] ?? NaN, 9);
    }
  });

  it("sends a bar only after the previous reply, so a model cannot read ahead", async () => {
    const run = await externalModel.predict(bars, { command: `node ${FIXTURES}/peek.mjs` }, context);
    // peek.mjs answers each bar with the number of bars it had received by then.
    expect(Array.from(run.predictions.expected_return)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(run.version).toBe("unversioned");
  });
});

describe("external models that misbehave fail with a clear ModelError and are killed", () => {
  it("a slow model times out at the bar it was given (R0151)", async () => {
    const error = await fail(`node ${FIXTURES}/slow.mjs`, 300);
    expect([error.code, error.bar]).toEqual(["R0151", 0]);
    expect(error.message).toBe(`external model \`node ${FIXTURES}/slow.mjs\` sent no reply within 0.3s at bar 0 (2020-01-01T00:00:00.000Z)`);
  });

  it("a crash names the bar, the exit code and the tail of stderr (R0152)", async () => {
    const error = await fail(`node ${FIXTURES}/crash.mjs`);
    expect([error.code, error.bar]).toEqual(["R0152", 2]);
    expect(error.message).toContain("exited with code 3 before replying at bar 2 (2020-01-03T00:00:00.000Z); stderr: Traceback: something went wrong\nValueError: division by zero");
  });

  it("a model that stops without replying is a crash too, even with exit code 0", async () => {
    const error = await fail(`node ${FIXTURES}/exit-early.mjs`);
    expect([error.code, error.bar]).toEqual(["R0152", 0]);
  });

  it.each([
    ["not-json", "not JSON: prediction: up"],
    ["wrong-t", '"t" is "1999-01-01T00:00:00.000Z", expected "2020-01-02T00:00:00.000Z" (one reply per bar, in order)'],
    ["confidence", '"confidence" must be in [0, 1], got 1.5'],
    ["missing", 'missing field "volatility"'],
  ])("a malformed reply (%s) names the bar and the problem (R0153)", async (fault, problem) => {
    const error = await fail(`node ${FIXTURES}/malformed.mjs ${fault}`);
    expect([error.code, error.bar]).toEqual(["R0153", 1]);
    expect(error.message).toBe(`external model \`node ${FIXTURES}/malformed.mjs ${fault}\` sent a malformed reply at bar 1 (2020-01-02T00:00:00.000Z): ${problem}`);
  });

  it("output after the last reply breaks the protocol (R0153)", async () => {
    const error = await fail(`node ${FIXTURES}/trailing.mjs`);
    expect([error.code, error.bar, error.message]).toEqual(["R0153", null, `external model \`node ${FIXTURES}/trailing.mjs\` sent a malformed reply: 1 line of output after the last bar`]);
  });

  it("a model that ignores the end message is killed after the timeout (R0151)", async () => {
    // The timeout also bounds each reply, so it must leave room for Node to start on a busy machine.
    const error = await fail(`node ${FIXTURES}/lingering.mjs`, 1500);
    expect([error.code, error.message]).toEqual(["R0151", `external model \`node ${FIXTURES}/lingering.mjs\` did not exit within 1.5s after the end message`]);
  });

  it("a program that does not exist, or a broken command, does not start (R0150)", async () => {
    const missing = await fail("no-such-model-program --flag");
    expect([missing.code, missing.message]).toEqual(["R0150", "external model `no-such-model-program --flag` did not start: no-such-model-program: no such program (ENOENT)"]);
    expect((await fail('python3 "model.py')).code).toBe("R0150");
  });

  it("renders every failure for the terminal", async () => {
    const commands = [`node ${FIXTURES}/crash.mjs`, `node ${FIXTURES}/malformed.mjs not-json`, `node ${FIXTURES}/trailing.mjs`, "no-such-model-program"];
    const text = [];
    for (const command of commands) text.push(formatProviderError(await fail(command)), "");
    text.push(formatProviderError(await fail(`node ${FIXTURES}/slow.mjs`, 200)));
    await expect(text.join("\n")).toMatchFileSnapshot("./__golden__/external-errors.txt");
  });
});
