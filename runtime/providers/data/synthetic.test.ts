import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { hashBars } from "./lineage.js";
import { seededRandom } from "./prng.js";
import { syntheticProvider } from "./synthetic.js";
import { fakeContext } from "./test-support.js";

const load = (options: Record<string, unknown>, tickers: string[] = []) => syntheticProvider.load({ tickers }, options, fakeContext("/project"));

describe("seededRandom", () => {
  it("is a pure function of the seed, uniform in [0, 1)", () => {
    const a = seededRandom(7), b = seededRandom(7), c = seededRandom(8);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(xs[0]).not.toBe(c());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
  });
});

describe("synthetic provider", () => {
  it("gives bit-identical bars for the same options, pinned across machines by hash", async () => {
    const a = await load({ seed: 42, bars: 500 });
    const b = await load({ seed: 42, bars: 500 });
    expect(hashBars(a.series[0]!)).toBe(hashBars(b.series[0]!));
    // Pinned: integer PRNG and + − × ÷ only, so every IEEE-754 machine produces these bytes.
    expect(a.lineage[0]?.sha256).toBe(hashBars(a.series[0]!));
    expect(a.lineage[0]).toMatchInlineSnapshot(`
      {
        "firstTime": "2015-01-02T00:00:00.000Z",
        "lastTime": "2016-12-01T00:00:00.000Z",
        "provider": "synthetic@1",
        "rows": 500,
        "sha256": "2fbcf2d235faac4fa46e59d1e1afef15589bd7245eba6e6e211074c122afdf0e",
        "source": "synthetic(seed=42, bars=500, start=2015-01-02, drift=0.0003, vol=0.012, start_price=100)",
        "ticker": "SYN",
      }
    `);
  });

  it("differs by seed and by ticker", async () => {
    const [x, y] = (await load({ seed: 1, bars: 50 }, ["X", "Y"])).series;
    const x2 = (await load({ seed: 2, bars: 50 }, ["X"])).series[0];
    expect(x?.close[10]).not.toBe(y?.close[10]);
    expect(x?.close[10]).not.toBe(x2?.close[10]);
  });

  it("makes valid OHLC on weekdays only, for any options", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 2, max: 300 }),
        fc.double({ min: -0.05, max: 0.05, noNaN: true }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        async (seed, bars, drift, vol) => {
          const result = await load({ seed, bars, drift, vol, start: "2021-01-02" });
          const s = result.series[0]!;
          expect(s.close.length).toBe(bars);
          expect(result.quality[0]?.issues).toEqual([]);
          for (let i = 0; i < bars; i++) {
            const day = new Date(s.time[i]!).getUTCDay();
            expect(day >= 1 && day <= 5).toBe(true);
            expect(s.low[i]! > 0 && s.low[i]! <= Math.min(s.open[i]!, s.close[i]!) && Math.max(s.open[i]!, s.close[i]!) <= s.high[i]!).toBe(true);
          }
          expect(s.time[0]).toBe(Date.UTC(2021, 0, 4)); // Saturday start moves to Monday
        },
      ),
      { numRuns: 50 },
    );
  });

  it("rejects options outside the schema", async () => {
    const error: unknown = await load({ bars: 1 }).catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe("R0102");
  });
});
