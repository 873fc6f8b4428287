// Generates a deterministic workspace of .strat files for the compiler
// benchmark: strategies, gates and sweeps that all check clean.

/** One generated file. */
export interface GeneratedFile {
  readonly path: string;
  readonly text: string;
}

function strategyBlock(i: number): string {
  return `/// Generated strategy ${i}: moving-average crossover with an exit ladder.
strategy s${i} {
  universe ["T${i}A", "T${i}B"]
  data synthetic(seed: ${i}, bars: 2520)
  bars daily
  lookback 365d

  /// Fast window.
  param fast: int in [2, 100] = ${5 + (i % 10)}
  /// Slow window.
  param slow: int in [10, 400] = ${30 + (i % 20)}
  param trail: percent in [1%, 10%] = 3%
  param target: percent in [1%, 50%] = ${5 + (i % 5)}%
  param max_hold: int in [1, 100] = 20

  let fast_ma = sma(close, fast)
  let slow_ma = ema(close, slow)
  let strength = rsi(close, 14)

  entry long when crossover(fast_ma, slow_ma) and strength < 70
  exit when crossunder(fast_ma, slow_ma) or trailing_stop(trail)
          or take_profit(target) or time_exit(max_hold)

  sizing fixed_fraction(50%) capped max_symbol_exposure(25%)
  costs commission(0.1%) + slippage(2bps)
  cash $250k
}
`;
}

function gateBlock(i: number): string {
  return `/// Generated gate ${i}.
gate g${i} {
  scope run_source == prod and data_regime == prod_live
  require trades >= ${20 + (i % 20)} else insufficient_observation
  require observation_days >= 90 else insufficient_observation
  require profit_factor >= 1.1
  require win_rate >= 45%
  require sharpe(daily) >= 0.8
  require max_drawdown <= 20%
}
`;
}

function sweepBlock(i: number): string {
  return `sweep w${i} {
  strategy s${i}
  per ticker
  grid fast = [5, 10, 15, 20]
  grid slow = 30..90 step 10
  constraint fast < slow
  search random(trials: 50, seed: ${i})
  windows search 2015-01-01..2017-12-31,
          validate 2018-01-01..2018-12-31,
          oos 2019-01-01..2019-12-31
  select maximize annualized_pnl subject to g${i}
}
`;
}

/** Generates files totalling at least `minLines` lines. */
export function generateWorkspace(minLines: number): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  let lines = 0;
  let i = 0;
  while (lines < minLines) {
    const parts: string[] = [];
    for (let k = 0; k < 5; k++, i++) parts.push(strategyBlock(i), gateBlock(i), sweepBlock(i));
    const text = parts.join("\n");
    files.push({ path: `bench/ws/file_${String(files.length).padStart(3, "0")}.strat`, text });
    lines += text.split("\n").length;
  }
  return files;
}

/** Counts lines across files. */
export function countLines(files: readonly GeneratedFile[]): number {
  return files.reduce((n, f) => n + f.text.split("\n").length, 0);
}
