// Temporary store files and a deterministic clock for store tests.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A fresh directory under the OS temp dir and a cleanup function. */
export function tempDir(): { readonly dir: string; readonly cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "strat-store-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A clock that starts at 2024-06-01T00:00:00Z and advances one second per call. */
export function steppingClock(): () => Date {
  let tick = 0;
  return () => new Date(Date.UTC(2024, 5, 1) + 1000 * tick++);
}
