import fc from "fast-check";
import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { ok, useTestStore } from "./__fixtures__/open-temp.js";
import { canonicalJson } from "./canonical.js";
import { GENESIS_HASH, ledgerHash } from "./ledger.js";
import type { Store } from "./store.js";

let store: Store;
useTestStore((opened) => (store = opened));

/** What someone with the sqlite3 shell could do: drop the append-only triggers first. */
function tamper(db: Database.Database, sql: string, ...args: (string | number)[]): void {
  db.exec("DROP TRIGGER IF EXISTS ledger_no_update; DROP TRIGGER IF EXISTS ledger_no_delete;");
  db.prepare(sql).run(...args);
}

function appendFive(): void {
  for (let i = 1; i <= 5; i++) ok(store.appendLedger("gate_evaluation", { gate: "g", n: i, status: i % 2 === 0 ? "pass" : "fail" }));
}

describe("appendLedger", () => {
  it("chains records from the genesis hash with a hash over canonical content", () => {
    const first = ok(store.appendLedger("promotion_decision", { z: 1, a: [true, null] }));
    expect(first).toMatchObject({ seq: 1, kind: "promotion_decision", prevHash: GENESIS_HASH, payload: { a: [true, null], z: 1 } });
    expect(first.hash).toBe(ledgerHash(1, "promotion_decision", { a: [true, null], z: 1 }, GENESIS_HASH, first.createdAt));
    const second = ok(store.appendLedger("gate_evaluation", { b: 2 }));
    expect(second.prevHash).toBe(first.hash);
    expect(second.seq).toBe(2);
    const row = store.db.prepare("SELECT payload FROM ledger WHERE seq = 1").pluck().get();
    expect(row).toBe('{"a":[true,null],"z":1}');
    expect(ok(store.ledger({ kind: "gate_evaluation" })).map((r) => r.seq)).toEqual([2]);
  });

  it("hashes exactly sha256(canonicalJson({seq, kind, payload, prev_hash, created_at}))", () => {
    const record = ok(store.appendLedger("k", { x: 1 }));
    const text = canonicalJson({ seq: 1, kind: "k", payload: { x: 1 }, prev_hash: GENESIS_HASH, created_at: record.createdAt });
    expect(text).toBe(`{"created_at":"${record.createdAt}","kind":"k","payload":{"x":1},"prev_hash":"${GENESIS_HASH}","seq":1}`);
    expect(record.hash).toBe(createHash("sha256").update(text).digest("hex"));
  });

  it("refuses updates and deletes through SQLite (append-only triggers)", () => {
    appendFive();
    expect(() => store.db.prepare("UPDATE ledger SET payload = '{}' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => store.db.prepare("DELETE FROM ledger WHERE seq = 5").run()).toThrow(/append-only/);
  });
});

describe("verifyLedger", () => {
  it("accepts an empty ledger and an intact chain", () => {
    expect(store.verifyLedger()).toEqual({ ok: true, count: 0 });
    appendFive();
    expect(store.verifyLedger()).toEqual({ ok: true, count: 5 });
  });

  it("detects an edited payload", () => {
    appendFive();
    tamper(store.db, "UPDATE ledger SET payload = ? WHERE seq = 3", '{"gate":"g","n":3,"status":"pass"}');
    expect(store.verifyLedger()).toEqual({ ok: false, seq: 3, problem: "record 3's hash does not match its content: the record or its hash was edited" });
  });

  it("detects a payload edited into non-canonical or invalid JSON", () => {
    appendFive();
    tamper(store.db, "UPDATE ledger SET payload = ? WHERE seq = 2", '{"n":2, "gate":"g","status":"pass"}');
    expect(store.verifyLedger()).toMatchObject({ ok: false, seq: 2, problem: "record 2's payload is not in canonical form: it was edited" });
    tamper(store.db, "UPDATE ledger SET payload = ? WHERE seq = 1", "{broken");
    expect(store.verifyLedger()).toMatchObject({ ok: false, seq: 1, problem: "record 1's payload is not valid JSON: it was edited" });
  });

  it("detects an edited hash, even when the next link is rewritten to match", () => {
    appendFive();
    tamper(store.db, "UPDATE ledger SET hash = ? WHERE seq = 4", "f".repeat(64));
    tamper(store.db, "UPDATE ledger SET prev_hash = ? WHERE seq = 5", "f".repeat(64));
    expect(store.verifyLedger()).toMatchObject({ ok: false, seq: 4 });
  });

  it("detects a record deleted from the middle", () => {
    appendFive();
    tamper(store.db, "DELETE FROM ledger WHERE seq = 3");
    expect(store.verifyLedger()).toEqual({ ok: false, seq: 3, problem: "record 3 is missing: it was deleted" });
  });

  it("detects the first record deleted", () => {
    appendFive();
    tamper(store.db, "DELETE FROM ledger WHERE seq = 1");
    expect(store.verifyLedger()).toMatchObject({ ok: false, seq: 1, problem: "record 1 is missing: it was deleted" });
  });

  it("detects a truncated tail, also after later appends", () => {
    appendFive();
    tamper(store.db, "DELETE FROM ledger WHERE seq >= 4");
    expect(store.verifyLedger()).toEqual({ ok: false, seq: 4, problem: "records 4..5 are missing: the ledger ends at 3 but its head says 5" });
    ok(store.appendLedger("gate_evaluation", { after: true }));
    expect(store.verifyLedger()).toMatchObject({ ok: false, seq: 4, problem: "records 4..5 are missing: they were deleted" });
  });

  it("detects a deleted record whose successor was relinked and renumbered", () => {
    appendFive();
    const hash2 = store.db.prepare("SELECT hash FROM ledger WHERE seq = 2").pluck().get() as string;
    tamper(store.db, "DELETE FROM ledger WHERE seq = 3");
    tamper(store.db, "UPDATE ledger SET prev_hash = ?, seq = 3 WHERE seq = 4", hash2);
    expect(store.verifyLedger()).toMatchObject({ ok: false, seq: 3, problem: "record 3's hash does not match its content: the record or its hash was edited" });
  });

  it("detects two records swapped", () => {
    appendFive();
    tamper(store.db, "UPDATE ledger SET seq = 100 WHERE seq = 2");
    tamper(store.db, "UPDATE ledger SET seq = 2 WHERE seq = 3");
    tamper(store.db, "UPDATE ledger SET seq = 3 WHERE seq = 100");
    expect(store.verifyLedger()).toMatchObject({ ok: false, seq: 2 });
  });

  it("detects records appended outside strat and a replaced last record", () => {
    appendFive();
    const last = store.db.prepare("SELECT hash FROM ledger WHERE seq = 5").pluck().get() as string;
    const createdAt = "2030-01-01T00:00:00.000Z";
    const forged = ledgerHash(6, "note", {}, last, createdAt);
    tamper(store.db, "INSERT INTO ledger (seq, kind, payload, prev_hash, hash, created_at) VALUES (6, 'note', '{}', ?, ?, ?)", last, forged, createdAt);
    expect(store.verifyLedger()).toMatchObject({ ok: false, seq: 6, problem: "records 6..6 were added outside strat: the head says 5" });
  });

  it("detects any single tampering of a random ledger (property)", () => {
    const edits = ["payload", "hash", "prev_hash", "kind", "created_at", "delete"] as const;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.nat(), fc.constantFrom(...edits), (size, pick, edit) => {
        store.db.exec("DELETE FROM ledger_head; DROP TRIGGER IF EXISTS ledger_no_delete; DELETE FROM ledger;");
        for (let i = 0; i < size; i++) ok(store.appendLedger("note", { i }));
        const seq = (pick % size) + 1;
        if (edit === "delete") tamper(store.db, "DELETE FROM ledger WHERE seq = ?", seq);
        else if (edit === "payload") tamper(store.db, "UPDATE ledger SET payload = ? WHERE seq = ?", '{"i":-1}', seq);
        else tamper(store.db, `UPDATE ledger SET ${edit} = ${edit} || 'x' WHERE seq = ?`, seq);
        const verdict = ok(store.verifyLedger());
        expect(verdict.ok).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});
