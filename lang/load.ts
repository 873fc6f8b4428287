// Phase 1, load: parse the root files and every file they import.
// Input: root paths (project-relative, '/' separators) and a host that reads files.
// Output: the parsed modules sorted by path, their SourceFiles, and the target
// path of every import that names an existing file.
// Codes: E0201 missing file, E0202 import cycle, E0204 invalid import path.
// Invariants: files are parsed smallest path first among the files known so far,
// and node ids run on from one file to the next, so the same sources always get
// the same ids; the host is the only I/O.

import { posix } from "node:path";
import type { ImportDecl, Module, NodeId } from "./ast.js";
import type { Diagnostic, PhaseResult } from "./diagnostics/diagnostic.js";
import { makeDiagnostic } from "./diagnostics/problems.js";
import { parse } from "./parse.js";
import { SourceFile, type Span } from "./source.js";

/** Reads project files; returns undefined for a missing file. */
export interface CompileHost {
  readFile(path: string): string | undefined;
}

/** Every parsed file of a compilation. */
export interface LoadedProgram {
  /** Sorted by path. */
  readonly modules: readonly Module[];
  readonly files: ReadonlyMap<string, SourceFile>;
  /** Import declaration id → project-relative path of the imported file (only for files that exist). */
  readonly importTargets: ReadonlyMap<NodeId, string>;
  /** Diagnostics of the parser, kept apart so the driver can time them with parsing. */
  readonly parseDiagnostics: readonly Diagnostic[];
}

/** Normalises a root path: '/' separators, no leading './'. */
export function normalizeRoot(path: string): string {
  const normalized = posix.normalize(path.replace(/\\/g, "/"));
  return normalized.startsWith("./") ? normalized.slice(2) : normalized;
}

/** Resolves an import path against the importing file; null when it leaves the project or is absolute. */
export function resolveImportPath(importer: string, path: string): string | null {
  if (path.length === 0 || path.startsWith("/") || path.includes("\\") || /^[A-Za-z]:/.test(path)) return null;
  const joined = posix.normalize(posix.join(posix.dirname(importer), path));
  if (joined === ".." || joined.startsWith("../")) return null;
  return joined;
}

/** The path to write in an `import` in `importer` to reach `target`. */
export function importPathFrom(importer: string, target: string): string {
  const relative = posix.relative(posix.dirname(importer), target);
  return relative.length === 0 ? posix.basename(target) : relative;
}

/** Loads and parses the roots and their imports. Never throws for bad input. */
export function load(roots: readonly string[], host: CompileHost): PhaseResult<LoadedProgram> {
  const diagnostics: Diagnostic[] = [];
  const parseDiagnostics: Diagnostic[] = [];
  const modules = new Map<string, Module>();
  const files = new Map<string, SourceFile>();
  const importTargets = new Map<NodeId, string>();
  const missing = new Set<string>();
  // pending paths with the import that first asked for them (null for roots)
  const pending = new Map<string, ImportDecl | null>();
  for (const root of roots) pending.set(normalizeRoot(root), null);
  let nextId = 0;

  while (pending.size > 0) {
    const path = smallest(pending.keys());
    const via = pending.get(path) ?? null;
    pending.delete(path);
    const text = readSafely(host, path);
    if (text === undefined) {
      missing.add(path);
      diagnostics.push(missingFile(path, via));
      continue;
    }
    const file = new SourceFile(path, text);
    files.set(path, file);
    const result = parse(file, nextId);
    nextId = result.nextId;
    modules.set(path, result.value);
    parseDiagnostics.push(...result.diagnostics);
    for (const decl of result.value.imports) {
      const target = resolveImportPath(path, decl.path.value);
      if (target === null) {
        diagnostics.push(
          makeDiagnostic("E0204", decl.path.span, `import path '${decl.path.value}' is outside the project`, {
            label: "not a project-relative path",
            hints: ["write the path relative to this file, with '/' separators, e.g. \"gates/quality.strat\""],
          }),
        );
        continue;
      }
      if (missing.has(target)) {
        diagnostics.push(missingFile(target, decl));
        continue;
      }
      if (!modules.has(target) && !pending.has(target)) pending.set(target, decl);
      importTargets.set(decl.id, target);
    }
  }
  // imports of files found missing after the import was recorded
  for (const [id, target] of importTargets) if (!files.has(target)) importTargets.delete(id);

  const sorted = [...modules.keys()].sort().map((p) => modules.get(p) as Module);
  diagnostics.push(...findCycles(sorted, importTargets));
  return { value: { modules: sorted, files, importTargets, parseDiagnostics }, diagnostics };
}

function readSafely(host: CompileHost, path: string): string | undefined {
  try {
    return host.readFile(path);
  } catch {
    // a host that throws (permissions, a directory) is a missing file to the user
    return undefined;
  }
}

function smallest(keys: Iterable<string>): string {
  let best: string | undefined;
  for (const key of keys) if (best === undefined || key < best) best = key;
  return best ?? "";
}

function missingFile(path: string, via: ImportDecl | null): Diagnostic {
  const span: Span = via === null ? { file: path, start: 0, end: 0 } : via.path.span;
  const hints = [path.endsWith(".strat") ? "check the spelling and that the file is inside the project" : `source files end in .strat: did you mean "${path}.strat"?`];
  return makeDiagnostic("E0201", span, `cannot find file '${path}'`, { label: via === null ? undefined : "no such file", hints });
}

/** Reports each import cycle once, at the import that closes it (the last edge in sorted DFS order). */
function findCycles(modules: readonly Module[], targets: ReadonlyMap<NodeId, string>): Diagnostic[] {
  const byPath = new Map(modules.map((m) => [m.file, m]));
  const state = new Map<string, "active" | "done">();
  const stack: { path: string; via: ImportDecl | null }[] = [];
  const seen = new Set<string>();
  const out: Diagnostic[] = [];

  const visit = (path: string, via: ImportDecl | null): void => {
    state.set(path, "active");
    stack.push({ path, via });
    const module = byPath.get(path);
    for (const decl of module?.imports ?? []) {
      const target = targets.get(decl.id);
      if (target === undefined) continue;
      const s = state.get(target);
      if (s === "active") {
        const start = stack.findIndex((e) => e.path === target);
        const members = stack.slice(start);
        const key = members
          .map((m) => m.path)
          .sort()
          .join("\n");
        if (!seen.has(key)) {
          seen.add(key);
          out.push(cycleDiagnostic(members, decl, target));
        }
      } else if (s === undefined) {
        visit(target, decl);
      }
    }
    stack.pop();
    state.set(path, "done");
  };
  for (const module of modules) if (!state.has(module.file)) visit(module.file, null);
  return out;
}

function cycleDiagnostic(members: readonly { path: string; via: ImportDecl | null }[], closing: ImportDecl, target: string): Diagnostic {
  // the chain starts and ends at the file the diagnostic points into (the last member, whose import closes the cycle)
  const here = members[members.length - 1]?.path ?? target;
  const chain = [here, ...members.slice(0, -1).map((m) => m.path), here].join(" -> ");
  const secondary = members
    .slice(1)
    .flatMap((m) => (m.via === null ? [] : [{ span: m.via.path.span, message: `imports ${m.path}` }]));
  return makeDiagnostic("E0202", closing.path.span, `import cycle: ${chain}`, {
    label: `imports ${target}, which imports this file back`,
    secondary,
    hints: ["move the shared declarations into a file that both import"],
  });
}
