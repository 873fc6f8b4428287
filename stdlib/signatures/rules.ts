// Exit rules, sizing rules, caps and costs: opaque rule values the engine manages.
import { T, type BuiltinSig, type ParamSig } from "../signature.js";

const pct = (name: string, doc: string, extra: Partial<ParamSig> = {}): ParamSig => ({
  name,
  type: T.scalar("ratio"),
  domain: { min: 0, max: 1 },
  doc,
  ...extra,
});

/** Exit rules: checked against each bar's high/low. A level of 0 turns the rule off. */
export const EXITS: readonly BuiltinSig[] = [
  { name: "stop_loss", kind: "exit", params: [pct("percent", "loss from the entry fill price that closes the position; 0% is off")], result: T.rule("exit"), doc: "close when price moves `percent` against the entry fill" },
  {
    name: "take_profit",
    kind: "exit",
    params: [
      { name: "levels", type: T.oneOf(T.scalar("ratio"), T.list(T.scalar("ratio"))), domain: { min: 0 }, doc: "profit target(s) from the entry fill price; 0% is off" },
      { name: "scale_out", type: T.list(T.scalar("ratio")), default: [], domain: { min: 0, max: 1 }, doc: "fraction of the entry quantity closed at each target; empty closes all at the first" },
    ],
    result: T.rule("exit"),
    doc: "close (or scale out) when price reaches each profit target",
  },
  { name: "trailing_stop", kind: "exit", params: [pct("percent", "distance below the highest price since entry (above the lowest, for shorts)")], result: T.rule("exit"), doc: "close when price falls `percent` from its best since entry" },
  {
    name: "time_exit",
    kind: "exit",
    params: [{ name: "after", type: T.oneOf(T.scalar("bars"), T.scalar("duration")), domain: { min: 1 }, doc: "bars (or time) held before closing at the bar's close" }],
    result: T.rule("exit"),
    doc: "close after holding for `after`",
  },
];

/** Sizing rules: how many units an entry buys. */
export const SIZING: readonly BuiltinSig[] = [
  { name: "all_in", kind: "sizing", params: [], result: T.rule("sizing"), doc: "all cash: floor(cash / (price × (1 + commission))) whole units" },
  { name: "fixed_fraction", kind: "sizing", params: [pct("fraction", "fraction of equity per entry")], result: T.rule("sizing"), doc: "a fixed fraction of equity per entry" },
  { name: "fixed_units", kind: "sizing", params: [{ name: "units", type: T.scalar("number"), domain: { min: 0 }, doc: "units per entry" }], result: T.rule("sizing"), doc: "a fixed number of units per entry" },
  {
    name: "risk_per_trade",
    kind: "sizing",
    params: [
      pct("risk", "fraction of equity lost if the stop distance is hit"),
      pct("stop", "assumed stop distance when the strategy declares no stop_loss", { default: 0.02 }),
    ],
    result: T.rule("sizing"),
    doc: "size so that hitting the stop loses `risk` of equity",
  },
  {
    name: "kelly",
    kind: "sizing",
    params: [pct("fraction", "multiplier on the full Kelly fraction (0.5 = half Kelly)", { default: 0.5 }), pct("cap", "largest fraction of equity per entry", { default: 0.25 })],
    result: T.rule("sizing"),
    doc: "Kelly fraction from the model's confidence and expected return, scaled and capped",
  },
];

/** Caps applied after sizing (`capped ...`). */
export const CAPS: readonly BuiltinSig[] = [
  { name: "max_symbol_exposure", kind: "cap", params: [pct("fraction", "largest position value per symbol as a fraction of equity")], result: T.rule("cap"), doc: "cap a position's value at a fraction of equity" },
  { name: "max_units", kind: "cap", params: [{ name: "units", type: T.scalar("number"), domain: { min: 0 }, doc: "largest position in units" }], result: T.rule("cap"), doc: "cap a position's size in units" },
];

/** Cost terms, added with `+` in `costs`. */
export const COSTS: readonly BuiltinSig[] = [
  { name: "commission", kind: "cost", params: [pct("rate", "fraction of traded value charged per side")], result: T.rule("cost"), doc: "commission per fill as a fraction of traded value" },
  { name: "slippage", kind: "cost", params: [pct("rate", "adverse price move per fill (bps of price)")], result: T.rule("cost"), doc: "fill price moved against the trader by `rate`" },
];
