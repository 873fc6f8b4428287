// The cost model of the backtest execution provider.
// - Slippage: a fraction s of price against the trader on every fill. A buy fills
//   at price × (1 + s), a sell at price × (1 − s); the slippage cost of a fill is
//   units × |fill price − price|, recorded in the execution log.
// - Commission: a fraction c of traded value (units × fill price), charged on every
//   fill, entry and exit alike.

/** The fill price of a buy (+1) or sell (−1) at `price` with slippage `s`. */
export function slippedPrice(price: number, action: 1 | -1, slippage: number): number {
  return action === 1 ? price * (1 + slippage) : price * (1 - slippage);
}

/** Commission on a fill of `value` (units × fill price) at rate `c`. */
export function commissionOn(value: number, rate: number): number {
  return value * rate;
}
