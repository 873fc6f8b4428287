// Timestamp parsing straight from bytes (no string per row) and time zone conversion.
// Accepted: YYYY-MM-DD, YYYYMMDD, and YYYY-MM-DD[ T]HH:MM[:SS[.fff]] with an optional Z or ±HH[:]MM.
// A timestamp without a zone is naive: the caller decides (UTC by default, or the `tz` option).
// Daily dates are 00:00 UTC of their date, never shifted by a zone.

const MS_PER_DAY = 86_400_000;

/** Days from 1970-01-01 to the civil date (proleptic Gregorian; Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Reads `count` ASCII digits at `at`; −1 when any is not a digit. */
function digits(buf: Uint8Array, at: number, count: number): number {
  let value = 0;
  for (let k = 0; k < count; k++) {
    const d = (buf[at + k] ?? 0) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * Parses one timestamp field. Reusable and allocation-free: after `parse`, `hasTime` says whether a
 * time of day was present and `hasZone` whether an explicit zone was (then the value is true UTC).
 */
export class TimestampParser {
  /** The last parse had a time of day. */
  hasTime = false;
  /** The last parse had an explicit Z or offset (its value is already UTC). */
  hasZone = false;

  /** Epoch ms of buf[start, end) read as UTC wall time (or true UTC with a zone); NaN when malformed. */
  parse(buf: Uint8Array, start: number, end: number): number {
    this.hasTime = false;
    this.hasZone = false;
    const len = end - start;
    let year: number, month: number, day: number, at: number;
    if (len >= 10 && buf[start + 4] === 45 && buf[start + 7] === 45) {
      year = digits(buf, start, 4);
      month = digits(buf, start + 5, 2);
      day = digits(buf, start + 8, 2);
      at = start + 10;
    } else if (len === 8) {
      year = digits(buf, start, 4);
      month = digits(buf, start + 4, 2);
      day = digits(buf, start + 6, 2);
      at = end;
    } else return NaN;
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
    let ms = daysFromCivil(year, month, day) * MS_PER_DAY;
    if (at === end) return ms;
    const sep = buf[at];
    if ((sep !== 32 && sep !== 84) || end - at < 6 || buf[at + 3] !== 58) return NaN; // ' ' or 'T', then HH:MM
    const hour = digits(buf, at + 1, 2);
    const minute = digits(buf, at + 4, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
    ms += hour * 3_600_000 + minute * 60_000;
    at += 6;
    if (at < end && buf[at] === 58) {
      const second = digits(buf, at + 1, 2);
      if (second < 0 || second > 59) return NaN;
      ms += second * 1000;
      at += 3;
      if (at < end && buf[at] === 46) {
        // Fractional seconds: keep milliseconds, ignore finer digits (bars are ms-resolution).
        at++;
        let scale = 100;
        const fracStart = at;
        while (at < end && (buf[at] ?? 0) >= 48 && (buf[at] ?? 0) <= 57) {
          if (scale >= 1) ms += ((buf[at] ?? 48) - 48) * scale;
          scale /= 10;
          at++;
        }
        if (at === fracStart) return NaN;
      }
    }
    this.hasTime = true;
    if (at === end) return ms;
    const zone = buf[at];
    if (zone === 90 && at + 1 === end) {
      this.hasZone = true;
      return ms;
    }
    if (zone === 43 || zone === 45) {
      const rest = end - at - 1;
      const oh = digits(buf, at + 1, 2);
      const om = rest === 5 && buf[at + 3] === 58 ? digits(buf, at + 4, 2) : rest === 4 ? digits(buf, at + 3, 2) : -1;
      if (oh < 0 || oh > 23 || om < 0 || om > 59) return NaN;
      this.hasZone = true;
      const offset = (oh * 60 + om) * 60_000;
      return zone === 43 ? ms - offset : ms + offset;
    }
    return NaN;
  }
}

/** Milliseconds into the day of a separate time column (`HH:MM[:SS]` or `HHMMSS`); NaN when malformed. */
export function parseTimeOfDay(buf: Uint8Array, start: number, end: number): number {
  const len = end - start;
  let hour: number, minute: number, second = 0;
  if ((len === 5 || len === 8) && buf[start + 2] === 58) {
    hour = digits(buf, start, 2);
    minute = digits(buf, start + 3, 2);
    if (len === 8) second = buf[start + 5] === 58 ? digits(buf, start + 6, 2) : -1;
  } else if (len === 6) {
    hour = digits(buf, start, 2);
    minute = digits(buf, start + 2, 2);
    second = digits(buf, start + 4, 2);
  } else return NaN;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return NaN;
  return hour * 3_600_000 + minute * 60_000 + second * 1000;
}

/** ISO 8601 UTC text of an epoch ms time, e.g. `1995-01-03T00:00:00.000Z`. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** ISO text for messages: the date alone at 00:00 UTC, else the full time. */
export function shortTime(ms: number): string {
  if (!Number.isFinite(ms)) return "invalid time";
  const iso = new Date(ms).toISOString();
  return ms % MS_PER_DAY === 0 ? iso.slice(0, 10) : iso.replace(".000Z", "Z");
}

/** Converts naive wall-clock times of one IANA zone to UTC. */
export type ZoneConverter = (wallMs: number) => number;

/** A converter for an IANA zone, or null when the zone is unknown. Offsets are cached per wall-clock day. */
export function zoneConverter(timeZone: string): ZoneConverter | null {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
  } catch {
    return null;
  }
  const offsetAt = (utcMs: number): number => {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(new Date(utcMs))) if (part.type !== "literal") parts[part.type] = Number(part.value);
    const wall = daysFromCivil(parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1) * MS_PER_DAY + (parts.hour ?? 0) * 3_600_000 + (parts.minute ?? 0) * 60_000 + (parts.second ?? 0) * 1000;
    return wall - Math.floor(utcMs / 1000) * 1000;
  };
  // The offsets a day before and a day after bracket any transition near this wall time. A wall
  // time valid under both (fall back: it happens twice) takes the earlier instant; one valid under
  // neither (spring forward: it never happens) is read with the earlier offset, i.e. moved forward by the gap.
  const convertExact = (wallMs: number): number => {
    const before = wallMs - offsetAt(wallMs - MS_PER_DAY);
    const after = wallMs - offsetAt(wallMs + MS_PER_DAY);
    const beforeValid = before + offsetAt(before) === wallMs;
    const afterValid = after + offsetAt(after) === wallMs;
    if (beforeValid && afterValid) return Math.min(before, after);
    if (afterValid) return after;
    return before;
  };
  const dayOffset = new Map<number, number | null>();
  return (wallMs: number): number => {
    const day = Math.floor(wallMs / MS_PER_DAY);
    let offset = dayOffset.get(day);
    if (offset === undefined) {
      const start = day * MS_PER_DAY;
      const a = start - convertExact(start);
      const b = start + MS_PER_DAY - 1 - convertExact(start + MS_PER_DAY - 1);
      offset = a === b ? a : null; // null: the offset changes on this day, convert each time exactly
      dayOffset.set(day, offset);
    }
    return offset === null ? convertExact(wallMs) : wallMs - offset;
  };
}
