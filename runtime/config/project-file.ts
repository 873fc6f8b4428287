// Where the project's strat.yaml is. Kept apart from config.ts so the CLI can
// ask before it loads the configuration code and the YAML parser.

import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** Finds strat.yaml in `cwd` or its parents; null outside a project. */
export function findProjectFile(cwd: string): string | null {
  let dir = resolve(cwd);
  for (;;) {
    const candidate = join(dir, "strat.yaml");
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
