import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { insertRowsBatched } from "./batch-insert.js";
import type { StoreContext } from "./context.js";

function context(): StoreContext {
  const db = new Database(":memory:");
  db.exec("CREATE TABLE t (seq INTEGER PRIMARY KEY, x REAL NOT NULL, label TEXT)");
  return { db, path: ":memory:", clock: () => new Date(0), pid: 1 };
}

describe("insertRowsBatched", () => {
  it.each([0, 1, 255, 256, 257, 600])("writes %i rows in order with their exact values", (count) => {
    const ctx = context();
    const xs = Array.from({ length: count }, (_, i) => 0.1 * i + 1 / 3);
    insertRowsBatched(ctx, "t", ["seq", "x", "label"], count, (i, p, at) => {
      p[at] = i + 1;
      p[at + 1] = xs[i];
      p[at + 2] = i % 2 === 0 ? `row${i}` : null;
    });
    const rows = ctx.db.prepare("SELECT seq, x, label FROM t ORDER BY rowid").all() as { seq: number; x: number; label: string | null }[];
    expect(rows).toEqual(xs.map((x, i) => ({ seq: i + 1, x, label: i % 2 === 0 ? `row${i}` : null })));
  });
});
