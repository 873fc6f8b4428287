// Finds files of the installed package (specs/*.json, stdlib docs) whether the
// code runs from source (vitest) or from dist/ (the built CLI).

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cachedRoot: string | null = null;

/** The package root: the nearest folder above this module holding package.json. */
export function packageRoot(): string {
  if (cachedRoot !== null) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("strat package root not found above " + fileURLToPath(import.meta.url));
    dir = parent;
  }
  cachedRoot = dir;
  return dir;
}

/** Reads and parses a JSON Schema from specs/. */
export function readSpec(name: string): object {
  return JSON.parse(readFileSync(join(packageRoot(), "specs", name), "utf8")) as object;
}
