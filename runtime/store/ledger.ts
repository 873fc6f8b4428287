// The append-only, hash-chained ledger. Gate evaluations and promotion decisions go here.
// Input: (kind, JSON payload). Output: records whose
//   hash = sha256(canonicalJson({ seq, kind, payload, prev_hash, created_at }))
// and prev_hash = the previous record's hash ("0"×64 for the first).
// Invariants: seq runs 1, 2, 3 ... without gaps; payloads are stored as canonical JSON;
// appends chain from ledger_head (not from the last row), so a record deleted from the
// tail stays detectable after later appends. verify reports the first problem it finds.

import { canonicalJson, sha256Hex, type JsonValue } from "./canonical.js";
import { nowIso, type StoreContext } from "./context.js";

/** prev_hash of the first record. */
export const GENESIS_HASH = "0".repeat(64);

/** One ledger record. */
export interface LedgerRecord {
  readonly seq: number;
  /** gate_evaluation, promotion_decision, ... */
  readonly kind: string;
  readonly payload: JsonValue;
  readonly prevHash: string;
  readonly hash: string;
  /** ISO-8601 UTC, from the store's clock. */
  readonly createdAt: string;
}

/** The result of checking the whole chain. */
export type LedgerVerification =
  | { readonly ok: true; readonly count: number }
  | { readonly ok: false; readonly seq: number; readonly problem: string };

/** Filters for reading the ledger. */
export interface LedgerFilter {
  readonly kind?: string;
  /** Records with seq >= fromSeq. */
  readonly fromSeq?: number;
  readonly limit?: number;
}

/** The hash of a record's content, as append writes it and verify recomputes it. */
export function ledgerHash(seq: number, kind: string, payload: unknown, prevHash: string, createdAt: string): string {
  return sha256Hex(canonicalJson({ seq, kind, payload, prev_hash: prevHash, created_at: createdAt }));
}

interface LedgerRow {
  seq: number;
  kind: string;
  payload: string;
  prev_hash: string;
  hash: string;
  created_at: string;
}

/** Appends a record. Call inside an IMMEDIATE write transaction so no one else appends meanwhile. */
export function appendLedgerRecord(ctx: StoreContext, kind: string, payload: unknown): LedgerRecord {
  const head = ctx.db.prepare("SELECT seq, hash FROM ledger_head WHERE id = 1").get() as { seq: number; hash: string } | undefined;
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS_HASH;
  const text = canonicalJson(payload);
  const stored = JSON.parse(text) as JsonValue;
  const createdAt = nowIso(ctx);
  const hash = ledgerHash(seq, kind, stored, prevHash, createdAt);
  ctx.db.prepare("INSERT INTO ledger (seq, kind, payload, prev_hash, hash, created_at) VALUES (?, ?, ?, ?, ?, ?)").run(seq, kind, text, prevHash, hash, createdAt);
  ctx.db.prepare("INSERT INTO ledger_head (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash").run(seq, hash);
  return { seq, kind, payload: stored, prevHash, hash, createdAt };
}

/** Checks every record's seq, payload form, hash and link, then the head. */
export function verifyLedgerRecords(ctx: StoreContext): LedgerVerification {
  let expected = 1;
  let prevHash = GENESIS_HASH;
  for (const row of ctx.db.prepare("SELECT * FROM ledger ORDER BY seq").iterate() as IterableIterator<LedgerRow>) {
    const problem = checkRecord(row, expected, prevHash);
    if (problem !== null) return { ok: false, seq: expected, problem };
    prevHash = row.hash;
    expected++;
  }
  const count = expected - 1;
  const head = ctx.db.prepare("SELECT seq, hash FROM ledger_head WHERE id = 1").get() as { seq: number; hash: string } | undefined;
  if (head === undefined) {
    return count === 0 ? { ok: true, count } : { ok: false, seq: count, problem: "the ledger head is missing: it was deleted outside strat" };
  }
  if (head.seq > count) {
    return { ok: false, seq: count + 1, problem: `records ${count + 1}..${head.seq} are missing: the ledger ends at ${count} but its head says ${head.seq}` };
  }
  if (head.seq < count) {
    return { ok: false, seq: head.seq + 1, problem: `records ${head.seq + 1}..${count} were added outside strat: the head says ${head.seq}` };
  }
  if (head.hash !== prevHash) {
    return { ok: false, seq: count, problem: `record ${count} is not the record the head points to: it was replaced` };
  }
  return { ok: true, count };
}

function checkRecord(row: LedgerRow, expected: number, prevHash: string): string | null {
  if (row.seq !== expected) {
    if (row.seq < expected) return `record ${row.seq} is out of sequence: expected ${expected}`;
    return row.seq - 1 > expected ? `records ${expected}..${row.seq - 1} are missing: they were deleted` : `record ${expected} is missing: it was deleted`;
  }
  let payload: JsonValue;
  try {
    payload = JSON.parse(row.payload) as JsonValue;
  } catch {
    return `record ${row.seq}'s payload is not valid JSON: it was edited`;
  }
  if (canonicalJson(payload) !== row.payload) return `record ${row.seq}'s payload is not in canonical form: it was edited`;
  if (ledgerHash(row.seq, row.kind, payload, row.prev_hash, row.created_at) !== row.hash) {
    return `record ${row.seq}'s hash does not match its content: the record or its hash was edited`;
  }
  if (row.prev_hash !== prevHash) {
    return `record ${row.seq} does not follow record ${row.seq - 1}: a record was deleted, inserted or reordered`;
  }
  return null;
}

/** Ledger records in seq order. */
export function selectLedger(ctx: StoreContext, filter: LedgerFilter = {}): LedgerRecord[] {
  const where: string[] = ["seq >= ?"];
  const args: (string | number)[] = [filter.fromSeq ?? 1];
  if (filter.kind !== undefined) {
    where.push("kind = ?");
    args.push(filter.kind);
  }
  const limit = filter.limit === undefined ? "" : ` LIMIT ${Math.max(0, Math.floor(filter.limit))}`;
  const rows = ctx.db.prepare(`SELECT * FROM ledger WHERE ${where.join(" AND ")} ORDER BY seq${limit}`).all(...args) as LedgerRow[];
  return rows.map((r) => ({ seq: r.seq, kind: r.kind, payload: parsePayload(r.payload), prevHash: r.prev_hash, hash: r.hash, createdAt: r.created_at }));
}

/** A tampered payload may not parse; show it as its raw text rather than failing the read. */
function parsePayload(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}
