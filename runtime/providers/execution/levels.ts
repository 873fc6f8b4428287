// Intrabar exit levels of an open position, checked against each bar's open, high
// and low from the entry bar itself (a `fill close` entry starts on the next bar).
// Levels are set from the entry FILL price (slippage included):
// - stop_loss(p): entry × (1 − p) long, entry × (1 + p) short;
// - take_profit targets: entry × (1 + l) long, entry × (1 − l) short; target i
//   closes floor(fraction_i × entry quantity) units (whole units unless
//   fractional), the last target closes the rest;
// - trailing_stop(p): (highest high since entry) × (1 − p) long, (lowest low since
//   entry) × (1 + p) short; the extreme starts at the entry fill and is updated
//   with the bar's high (low) only AFTER the bar was checked (conservative);
// - the effective stop is the tighter of stop_loss and trailing_stop (stop_loss
//   on a tie).
// Conservative intrabar order, per bar:
// 1. the open through the stop: everything fills at the open (a gap fills at the
//    open, not at the level);
// 2. the open through targets: those targets fill at the open, in order;
// 3. the low (high, short) through the stop: the rest fills at the stop level, and
//    no further target fills in this bar: when stop and target are both touched
//    in one bar, the stop wins;
// 4. the high (low, short) through targets: they fill at their levels, in order.
// A signal exit filled at this bar's open happens before all of this and cancels
// the levels with the position.

import type { ExitReason } from "../../engine/result.js";
import type { ExitRules } from "./exit-rules.js";
import { wholeUnits } from "./units.js";

/** Where level fills go: the broker, bound to the current bar by the caller. */
export interface LevelSink {
  /** Units still open. */
  readonly remaining: number;
  /** Closes `units` at `rawPrice` (before slippage) for `reason`. */
  fill(units: number, rawPrice: number, reason: ExitReason): void;
}

/** The live levels of one position. */
export class PositionLevels {
  private readonly side: 1 | -1;
  private readonly stop: number;
  private readonly trail: number;
  private extreme: number;
  private readonly targetPrice: Float64Array;
  private readonly targetUnits: Float64Array;
  private next = 0;

  /** Sets the levels of a position of `units` entered at fill price `entry`. */
  constructor(side: 1 | -1, entry: number, units: number, rules: ExitRules, fractional: boolean) {
    this.side = side;
    this.stop = rules.stopLoss > 0 ? entry * (1 - side * rules.stopLoss) : NaN;
    this.trail = rules.trailing;
    this.extreme = entry;
    const count = rules.targets.length;
    this.targetPrice = new Float64Array(count);
    this.targetUnits = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const t = rules.targets[i] as { level: number; fraction: number };
      this.targetPrice[i] = entry * (1 + side * t.level);
      const raw = t.fraction * units;
      this.targetUnits[i] = fractional ? raw : wholeUnits(raw);
    }
  }

  /** Checks one bar in the conservative order of the file header, sending fills to `sink`. */
  check(open: number, high: number, low: number, sink: LevelSink): void {
    const s = this.side;
    const trailLevel = this.trail > 0 ? this.extreme * (1 - s * this.trail) : NaN;
    let stopLevel = this.stop;
    let stopReason: ExitReason = "stop_loss";
    if (trailLevel === trailLevel && (stopLevel !== stopLevel || s * (trailLevel - stopLevel) > 0)) {
      stopLevel = trailLevel;
      stopReason = "trailing_stop";
    }
    const hasStop = stopLevel === stopLevel;
    // Prices signed so that "through the stop" is always `<=` and "through a target" `>=`.
    const o = s * open;
    const adverse = s === 1 ? low : -high;
    const favourable = s === 1 ? high : -low;
    const sStop = s * stopLevel;
    if (hasStop && o <= sStop) {
      sink.fill(sink.remaining, open, stopReason);
      return;
    }
    const count = this.targetPrice.length;
    while (this.next < count && o >= s * (this.targetPrice[this.next] as number)) {
      this.fillTarget(open, sink);
      if (sink.remaining <= 0) return;
    }
    if (hasStop && adverse <= sStop) {
      sink.fill(sink.remaining, stopLevel, stopReason);
      return;
    }
    while (this.next < count && favourable >= s * (this.targetPrice[this.next] as number)) {
      this.fillTarget(this.targetPrice[this.next] as number, sink);
      if (sink.remaining <= 0) return;
    }
    if (this.trail > 0 && s * (s === 1 ? high : low) > s * this.extreme) this.extreme = s === 1 ? high : low;
  }

  private fillTarget(price: number, sink: LevelSink): void {
    const i = this.next++;
    const last = this.next === this.targetPrice.length;
    const units = last ? sink.remaining : Math.min(this.targetUnits[i] as number, sink.remaining);
    if (units > 0) sink.fill(units, price, "take_profit");
  }
}
