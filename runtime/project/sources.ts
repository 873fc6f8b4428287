// Which .strat files a command works on, and the compile host that reads them.
// Explicit paths win; otherwise strat.yaml's `sources`; otherwise every .strat
// file under the working folder. Paths handed to the compiler are relative to
// the project root with '/' separators, so plans do not depend on the machine.

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Config } from "../config/config.js";

const SKIPPED_FOLDERS = new Set(["node_modules", "dist", ".git", ".strat", "__cases__", "__golden__"]);

/** A path the user named that does not exist or holds no .strat file. */
export class SourcesError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(join(dir, entry.name), out);
    } else if (entry.isFile() && entry.name.endsWith(".strat")) {
      out.push(join(dir, entry.name));
    }
  }
}

function expand(path: string): string[] {
  if (!existsSync(path)) throw new SourcesError(`${path} does not exist`, "pass a .strat file or a folder that holds .strat files");
  if (statSync(path).isDirectory()) {
    const found: string[] = [];
    walk(path, found);
    return found;
  }
  return [path];
}

/** Makes an absolute path project-relative with '/' separators. */
export function toProjectPath(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join("/");
}

/** Resolves the absolute .strat files a command works on. */
export function collectSourceFiles(config: Config, cwd: string, paths: readonly string[]): string[] {
  const named = paths.length > 0 ? paths.map((p) => resolve(cwd, p)) : config.sources.value.length > 0 ? config.sources.value.map((p) => resolve(config.root, p)) : [resolve(cwd)];
  const files = [...new Set(named.flatMap(expand))].sort();
  if (files.length === 0) {
    const where = paths.length > 0 ? paths.join(", ") : config.sources.value.length > 0 ? `the sources in ${config.file}` : cwd;
    throw new SourcesError(`no .strat files found in ${where}`, "pass .strat files or folders, or list them under `sources:` in strat.yaml");
  }
  return files;
}

/** A compile host reading project-relative paths under `root`. */
export function fileHost(root: string): { readFile(path: string): string | undefined } {
  return {
    readFile(path: string): string | undefined {
      const absolute = isAbsolute(path) ? path : join(root, path);
      try {
        return readFileSync(absolute, "utf8");
      } catch {
        return undefined;
      }
    },
  };
}
