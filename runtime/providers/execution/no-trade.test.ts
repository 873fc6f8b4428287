import { describe, expect, it } from "vitest";
import { tryRunBacktest } from "../../engine/backtest.js";
import { barsFrom, INJECTED_ENTRY, INJECTED_EXIT, injectedSignals, strategyPlan } from "../../engine/fixtures.js";
import { isValidTimeZone, needsNoTradeCheck, NoTradeClock } from "./no-trade.js";

const utc = (iso: string): number => Date.parse(iso);

describe("NoTradeClock", () => {
  const clock = new NoTradeClock([{ from: "09:30", to: "09:45", tz: "America/New_York" }]);

  it("reads the local time of day with daylight saving (EDT in July, EST in January)", () => {
    expect(clock.blocks(utc("2021-07-01T13:30:00Z"))).toBe(true); // 09:30 EDT
    expect(clock.blocks(utc("2021-07-01T13:44:59Z"))).toBe(true);
    expect(clock.blocks(utc("2021-07-01T13:45:00Z"))).toBe(false); // [from, to): 09:45 is outside
    expect(clock.blocks(utc("2021-07-01T13:29:00Z"))).toBe(false);
    expect(clock.blocks(utc("2021-01-04T13:30:00Z"))).toBe(false); // 08:30 EST
    expect(clock.blocks(utc("2021-01-04T14:30:00Z"))).toBe(true); // 09:30 EST
  });

  it("switches offset at the transition hour", () => {
    // 2021-03-14: clocks jump from 02:00 EST (07:00Z) to 03:00 EDT.
    const early = new NoTradeClock([{ from: "01:00", to: "02:00", tz: "America/New_York" }]);
    expect(early.blocks(utc("2021-03-14T06:30:00Z"))).toBe(true); // 01:30 EST
    expect(early.blocks(utc("2021-03-14T07:30:00Z"))).toBe(false); // 03:30 EDT
  });

  it("wraps midnight when from > to and is empty when from = to", () => {
    const overnight = new NoTradeClock([{ from: "22:00", to: "02:00", tz: "UTC" }]);
    expect(overnight.blocks(utc("2021-07-01T23:00:00Z"))).toBe(true);
    expect(overnight.blocks(utc("2021-07-01T01:59:00Z"))).toBe(true);
    expect(overnight.blocks(utc("2021-07-01T02:00:00Z"))).toBe(false);
    expect(new NoTradeClock([{ from: "10:00", to: "10:00", tz: "UTC" }]).blocks(utc("2021-07-01T10:00:00Z"))).toBe(false);
  });

  it("applies to intraday bars only and validates zones", () => {
    const w = [{ from: "09:30", to: "09:45", tz: "America/New_York" }];
    expect(needsNoTradeCheck(900, w)).toBe(true);
    expect(needsNoTradeCheck(86_400, w)).toBe(false);
    expect(isValidTimeZone("Europe/Zurich")).toBe(true);
    expect(isValidTimeZone("Nowhere/City")).toBe(false);
  });
});

describe("no-trade windows in a backtest", () => {
  it("skip entry fills inside the window and never block exits", () => {
    // 15-minute bars from 13:15Z (09:15 EDT). Entry signals on 09:15 and 09:45 bars;
    // the first would fill at 09:30 (blocked), the second fills at 10:00.
    const start = utc("2021-07-01T13:15:00Z");
    const rows = Array.from({ length: 8 }, (_, i) => ({ open: 10, high: 10, low: 10, close: 10, time: start + i * 900_000 }));
    const strategy = strategyPlan({
      bars: "15m",
      barSeconds: 900,
      entries: [{ side: "long", when: INJECTED_ENTRY }],
      exits: [{ side: "both", signal: INJECTED_EXIT, rule: null }],
      noTrade: [
        { from: "09:30", to: "09:45", tz: "America/New_York" },
        { from: "10:30", to: "11:00", tz: "America/New_York" },
      ],
    });
    // Exit signal on the 10:15 bar fills at 10:30, inside the second window: exits are not blocked.
    const out = tryRunBacktest({ strategy, params: new Map(), bars: barsFrom(rows), predictions: injectedSignals(rows.length, [0, 2], [4]) });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const log = out.value.log.map((e) => `${new Date(e.time).toISOString().slice(11, 16)} ${e.kind} ${e.reason}`);
    expect(log).toEqual(["13:30 skip no_trade_window", "14:00 fill entry", "14:30 fill signal"]);
    expect(out.value.trades).toHaveLength(1);
  });
});
