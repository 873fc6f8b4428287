// Validation of the string-shaped values: times of day, IANA time zones,
// tickers. Time zones are checked with Intl (the same database the runtime
// uses), once per name; the common zones below are known without asking Intl,
// whose first use loads the ICU time-zone data (~20 ms of a cold `strat check`).

/** Zones every ICU build knows (formats.test.ts checks each with Intl). */
export const COMMON_ZONES: readonly string[] = [
  "UTC",
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
  "America/Toronto",
  "America/Sao_Paulo",
  "Europe/London",
  "Europe/Paris",
  "Europe/Berlin",
  "Europe/Zurich",
  "Europe/Amsterdam",
  "Asia/Tokyo",
  "Asia/Hong_Kong",
  "Asia/Shanghai",
  "Asia/Singapore",
  "Asia/Kolkata",
  "Australia/Sydney",
];

const zoneCache = new Map<string, boolean>(COMMON_ZONES.map((zone) => [zone, true]));
let zoneNames: readonly string[] | null = null;

/** True for "HH:MM" with HH 00–23 and MM 00–59. */
export function isTimeOfDay(text: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(text);
}

/** True when Intl knows the time zone (IANA names such as "America/New_York", and "UTC"). */
export function isTimeZone(name: string): boolean {
  const cached = zoneCache.get(name);
  if (cached !== undefined) return cached;
  let ok = name.length > 0;
  if (ok) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: name });
    } catch {
      ok = false;
    }
  }
  zoneCache.set(name, ok);
  return ok;
}

/** Every time zone Intl lists, for "did you mean" (plus UTC, which some runtimes omit). */
export function timeZoneNames(): readonly string[] {
  if (zoneNames === null) {
    const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
    zoneNames = [...(intl.supportedValuesOf?.("timeZone") ?? []), "UTC"];
  }
  return zoneNames;
}

/** True for a plausible ticker: letters, digits and . = ^ - _ (e.g. "AAPL", "GC=F", "^GSPC", "BRK.B", "BTC-USD"). */
export function isTicker(text: string): boolean {
  return /^\^?[A-Za-z0-9][A-Za-z0-9.=_-]{0,31}$/.test(text);
}
