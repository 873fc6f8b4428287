// No-trade windows: entry fills whose local time of day (in the window's IANA time
// zone) falls in [from, to) are skipped with reason `no_trade_window`. A window
// with from > to wraps midnight; from == to is empty. Exits are never blocked:
// getting out of risk comes first. Only intraday bars are checked (a daily bar's
// timestamp is a date, not a time of day), see needsNoTradeCheck.
// The zone offset comes from Intl.DateTimeFormat and is cached per UTC hour, which
// is exact because zones change offset on whole UTC hours.

import type { NoTradeWindow } from "../../../specs/generated/plan.js";

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** True when windows matter for bars of this size (intraday bars only). */
export function needsNoTradeCheck(barSeconds: number, windows: readonly NoTradeWindow[]): boolean {
  return windows.length > 0 && barSeconds < 86_400;
}

/** True when `zone` is a valid IANA time zone name. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Decides whether an entry fill at a given instant falls in a no-trade window. */
export class NoTradeClock {
  private readonly windows: readonly { readonly from: number; readonly to: number; readonly zone: ZoneOffsets }[];

  /** Builds the clock; every window's tz must be valid (isValidTimeZone). */
  constructor(windows: readonly NoTradeWindow[]) {
    const zones = new Map<string, ZoneOffsets>();
    this.windows = windows.map((w) => {
      let zone = zones.get(w.tz);
      if (zone === undefined) {
        zone = new ZoneOffsets(w.tz);
        zones.set(w.tz, zone);
      }
      return { from: minutesOf(w.from), to: minutesOf(w.to), zone };
    });
  }

  /** True when `timeMs` (epoch ms UTC) falls in any window. */
  blocks(timeMs: number): boolean {
    for (const w of this.windows) {
      const local = w.zone.minuteOfDay(timeMs);
      const inside = w.from <= w.to ? local >= w.from && local < w.to : local >= w.from || local < w.to;
      if (inside) return true;
    }
    return false;
  }
}

/** UTC offsets of one zone, cached per UTC hour. */
class ZoneOffsets {
  private readonly format: Intl.DateTimeFormat;
  private readonly cache = new Map<number, number>();

  constructor(zone: string) {
    this.format = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" });
  }

  /** Local minutes since midnight at `timeMs`. */
  minuteOfDay(timeMs: number): number {
    const hour = Math.floor(timeMs / HOUR_MS);
    let offset = this.cache.get(hour);
    if (offset === undefined) {
      offset = this.offsetMinutes(hour * HOUR_MS);
      this.cache.set(hour, offset);
    }
    const local = Math.floor(timeMs / MINUTE_MS) + offset;
    return ((local % 1440) + 1440) % 1440;
  }

  private offsetMinutes(timeMs: number): number {
    const parts: Record<string, number> = {};
    for (const p of this.format.formatToParts(new Date(timeMs))) if (p.type !== "literal") parts[p.type] = Number(p.value);
    const asUtc = Date.UTC(parts["year"] ?? 1970, (parts["month"] ?? 1) - 1, parts["day"] ?? 1, parts["hour"] ?? 0, parts["minute"] ?? 0);
    return Math.round((asUtc - timeMs) / MINUTE_MS);
  }
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":");
  return Number(h) * 60 + Number(m);
}
