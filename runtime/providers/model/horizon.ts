// The horizon of a prediction in bars. The plan gives `horizon` as written in the source: a
// duration in seconds (the default unit) or a bar count (`horizon_unit: "bars"`).

/** Bars ahead: horizon itself for bars, else max(1, round(horizon / barSeconds)) (10d on daily bars = 10 bars). */
export function horizonBars(options: Readonly<Record<string, unknown>>, barSeconds: number): number {
  const horizon = typeof options.horizon === "number" ? options.horizon : 86400;
  if (options.horizon_unit === "bars") return Math.max(1, Math.round(horizon));
  return Math.max(1, Math.round(horizon / (barSeconds > 0 ? barSeconds : 86400)));
}
