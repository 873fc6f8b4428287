import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventBook, TradeBook } from "./books.js";
import type { ExecutionEvent, ExitReason, Trade } from "./result.js";

const price = fc.double({ min: -1e9, max: 1e9, noNaN: false });
const exitReason = fc.constantFrom<ExitReason>("signal", "stop_loss", "take_profit", "trailing_stop", "time_exit", "end_of_data");

const trade = fc.record({
  side: fc.constantFrom<"long" | "short">("long", "short"),
  entryTime: price,
  entryPrice: price,
  exitTime: price,
  exitPrice: price,
  quantity: price,
  pnl: price,
  costs: price,
  exitReason,
  bars: fc.integer({ min: 0, max: 3_000_000 }),
});

const event = fc.oneof(
  fc.record({ kind: fc.constant("fill" as const), action: fc.constantFrom<"buy" | "sell">("buy", "sell"), time: price, quantity: price, price, commission: price, slippage: price, reason: fc.constantFrom("entry", "signal", "stop_loss", "take_profit") }),
  fc.record({ kind: fc.constant("skip" as const), action: fc.constant(null), time: price, quantity: fc.constant(0), price, commission: fc.constant(0), slippage: fc.constant(0), reason: fc.constantFrom("in_position", "insufficient_cash", "end_of_data") }),
);

describe("trade and event books", () => {
  it("give back the trades pushed, in order, past several growths (property)", () => {
    fc.assert(
      fc.property(fc.array(trade, { maxLength: 300 }), (trades) => {
        const book = new TradeBook("T");
        for (const t of trades) book.push(t.side === "long" ? 1 : -1, t.entryTime, t.entryPrice, t.exitTime, t.exitPrice, t.quantity, t.pnl, t.costs, t.exitReason, t.bars);
        const expected: Trade[] = trades.map((t) => ({ ticker: "T", ...t }));
        expect(book.length).toBe(trades.length);
        expect(book.toArray()).toEqual(expected);
        expect(Array.from(book.pnl.subarray(0, book.length))).toEqual(trades.map((t) => t.pnl));
      }),
    );
  });

  it("give back the fills and skips recorded, in order (property)", () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 300 }), (events) => {
        const book = new EventBook("T");
        for (const e of events) {
          if (e.kind === "fill") book.fill(e.time, e.action, e.quantity, e.price, e.commission, e.slippage, e.reason);
          else book.skip(e.time, e.reason, e.price);
        }
        const expected: ExecutionEvent[] = events.map((e) => ({ time: e.time, ticker: "T", kind: e.kind, action: e.action, quantity: e.quantity, price: e.price, commission: e.commission, slippage: e.slippage, reason: e.reason }));
        expect(book.toArray()).toEqual(expected);
      }),
    );
  });
});
