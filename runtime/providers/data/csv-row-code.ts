// The fast row reader's code, written for one header layout. Input: the columns' roles (as
// csv-parse.ts numbers them) and whether there is a volume column. Output: the source of a
// function body (bytes, pos, n, out) → the LF ending the row, or −1 (see csv-fast-row.ts),
// which reads the fields in the layout's order as straight-line code.
// Why generate code: a loop over the fields that picks each one's role at run time cost ~40%
// more per row than the same reading with the layout written out (measured on 2M rows), and a
// helper that returns a parsed number boxes it on every call. Ajv compiles validators the same
// way. Every snippet below is fixed text; only field order and the final terminator vary.
// Free names the body uses (bound by csv-fast-row.ts): POW10, MAX_EXACT_MANTISSA, NO_DAY,
// MS_PER_DAY, isUsableRow, and `this.day(bytes, at)` and `this.unusable` of the reader.

const SKIP = 0, TIME = 1, OPEN = 2, HIGH = 3, LOW = 4, CLOSE = 5, VOLUME = 6;

/** The local each numeric role is parsed into. */
const LOCAL: Readonly<Record<number, string>> = { [OPEN]: "o", [HIGH]: "h", [LOW]: "l", [CLOSE]: "cl", [VOLUME]: "v" };

/** A plain decimal (optional sign, digits, optional dot and digits) into `target`; leaves c on the byte after it. Same rules as the general reader's plainNumber. */
function numberCode(target: string): string {
  // No "?? 10" on these loads: past the end a load is undefined, which is no digit, dot or
  // comma (every comparison below is false), so the row goes to the general reader.
  return `
    c = bytes[i];
    neg = c === 45;
    if (neg || c === 43) c = bytes[++i];
    start = i;
    m = 0;
    while (c >= 48 && c <= 57) { m = m * 10 + (c - 48); c = bytes[++i]; }
    digits = i - start;
    frac = 0;
    if (c === 46) {
      c = bytes[++i];
      start = i;
      while (c >= 48 && c <= 57) { m = m * 10 + (c - 48); c = bytes[++i]; }
      frac = i - start;
      digits += frac;
    }
    if (digits === 0 || m >= MAX_EXACT_MANTISSA || frac > 22) return -1;
    ${target} = frac === 0 ? (neg ? -m : m) : (neg ? -(m / POW10[frac]) : m / POW10[frac]);`;
}

/** A YYYY-MM-DD date into `time` (00:00 UTC); leaves c on the byte after it. */
const DATE_CODE = `
    if (bytes[i + 4] !== 45 || bytes[i + 7] !== 45) return -1;
    day = this.day(bytes, i);
    if (day === NO_DAY) return -1;
    time = day * MS_PER_DAY;
    i += 10;
    c = bytes[i] ?? 10;`;

/** Any other field: up to the comma or line end. */
const SKIP_CODE = `
    c = bytes[i] ?? 10;
    while (c !== 44 && c !== 10 && c !== 13) c = bytes[++i] ?? 10;`;

/** Between fields: a comma. */
const NEXT_FIELD = `
    if (c !== 44) return -1;
    i++;`;

/** After the last field: LF, or CR LF; i ends on the LF. */
const LINE_END = `
    if (c === 13 && bytes[i + 1] === 10) i++;
    else if (c !== 10) return -1;`;

/** The body of the row reader for `roles`; null when rows of this layout always need the general reader (a time-of-day column). */
export function rowReaderBody(roles: Int8Array, hasVolume: boolean): string | null {
  const fields: string[] = [];
  for (let f = 0; f < roles.length; f++) {
    const role = roles[f] ?? SKIP;
    const local = LOCAL[role];
    if (role === TIME) fields.push(DATE_CODE);
    else if (local !== undefined) fields.push(numberCode(local));
    else if (role === SKIP) fields.push(SKIP_CODE);
    else return null;
    fields.push(f === roles.length - 1 ? LINE_END : NEXT_FIELD);
  }
  return `
    let i = pos, c = 0, neg = false, start = 0, m = 0, digits = 0, frac = 0, day = 0;
    let time = NaN, o = NaN, h = NaN, l = NaN, cl = NaN, v = ${hasVolume ? "NaN" : "0"};
    ${fields.join("")}
    out.time[n] = time;
    out.open[n] = o;
    out.high[n] = h;
    out.low[n] = l;
    out.close[n] = cl;
    out.volume[n] = v;
    if (!isUsableRow(o, h, l, cl, v)) this.unusable++;
    return i;`;
}
