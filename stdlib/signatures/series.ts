// The price series every strategy can read.
import { T, type BuiltinSig } from "../signature.js";

const price = (name: string, doc: string): BuiltinSig => ({ name, kind: "series", params: [], result: T.series("number"), doc });

/** Bar fields, readable in any strategy expression. */
export const SERIES: readonly BuiltinSig[] = [
  price("open", "the bar's opening price"),
  price("high", "the bar's highest price"),
  price("low", "the bar's lowest price"),
  price("close", "the bar's closing price"),
  price("volume", "the bar's traded volume"),
];
