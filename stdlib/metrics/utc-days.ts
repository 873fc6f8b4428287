// Calendar constants shared by the metrics: the UTC day and year, and the range in
// which UTC midnights can be stepped a day at a time without a division (the daily
// returns, daily-returns.ts and daily-own-day.ts, step them the same way).

/** Milliseconds in a UTC day. */
export const DAY_MS = 86_400_000;

/** Milliseconds in an average calendar year (365.25 days), for spans and step annualisation. */
export const YEAR_MS = 365.25 * DAY_MS;

/**
 * Midnights below this magnitude (2^26 days, about 180,000 years from 1970) are
 * exact, and for a time t in [m, m + DAY_MS − 1] with m such a midnight,
 * floor(t / DAY_MS) rounds to exactly m / DAY_MS: the next midnight is m + DAY_MS
 * without a division.
 */
export const EXACT_MIDNIGHTS = 2 ** 26 * DAY_MS;
