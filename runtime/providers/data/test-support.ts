// Test helpers for the data providers: a throwaway project folder and the repository root.
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ProviderContext } from "./types.js";

/** The repository root (where examples/data lives). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** A fresh temporary project folder with the given files (path → content). */
export function tempProject(files: Readonly<Record<string, string | Uint8Array>> = {}): string {
  const root = mkdtempSync(join(tmpdir(), "strat-data-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** A context with a fake clock (each call advances 1 ms) and instant sleep, recording the delays. */
export function fakeContext(baseDir: string): ProviderContext & { readonly sleeps: number[] } {
  let clock = 0;
  const sleeps: number[] = [];
  return {
    baseDir,
    sleeps,
    rng: () => 0.5,
    now: () => clock++,
    sleep: (ms: number) => {
      sleeps.push(ms);
      clock += ms;
      return Promise.resolve();
    },
  };
}
