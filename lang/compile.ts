// The compiler, phase by phase: load (lex + parse every file reached from the
// roots) → resolve names → check types, units and cross-declaration rules →
// lower to a plan → validate the plan against its schema. Each phase is a pure
// function returning { value, diagnostics }; the host's reads are the only
// I/O and performance.now() the only clock (for `timings`). Lowering runs only
// when no phase reported an error. Never throws: an exception inside a phase is
// a compiler bug and comes back as E0602.

import type { Module } from "./ast.js";
import { check } from "./check/check.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { hasErrors, sortDiagnostics } from "./diagnostics/diagnostic.js";
import { makeDiagnostic } from "./diagnostics/problems.js";
import { load, type CompileHost } from "./load.js";
import { lower, validate } from "./lower.js";
import { resolve } from "./resolve.js";
import type { SourceFile } from "./source.js";
import type { Plan } from "../specs/generated/plan.js";

export type { CompileHost } from "./load.js";

/** What to compile. */
export interface CompileOptions {
  /** Project-relative paths with '/' separators. */
  readonly roots: readonly string[];
  readonly host: CompileHost;
  /**
   * Validate the lowered plan against its schema (default true). The check is
   * of the compiler, not of the sources: `strat check`, which emits no plan,
   * skips it (its first run costs ~15 ms of a cold process).
   */
  readonly validatePlan?: boolean;
}

/** Everything a compilation produced. */
export interface CompileOutput {
  /** null when there are errors. */
  readonly plan: Plan | null;
  /** Sorted by path. */
  readonly modules: readonly Module[];
  readonly files: ReadonlyMap<string, SourceFile>;
  /** Sorted with sortDiagnostics. */
  readonly diagnostics: readonly Diagnostic[];
  readonly timings: { phase: string; ms: number }[];
}

/** Compiles the root files and everything they import into a plan. Pure apart from host reads; never throws. */
export function compile(options: CompileOptions): CompileOutput {
  const timings: { phase: string; ms: number }[] = [];
  const diagnostics: Diagnostic[] = [];
  let modules: readonly Module[] = [];
  let files: ReadonlyMap<string, SourceFile> = new Map();
  let plan: Plan | null = null;
  const timed = <T>(phase: string, run: () => T): T => {
    const start = performance.now();
    try {
      return run();
    } finally {
      timings.push({ phase, ms: performance.now() - start });
    }
  };
  try {
    const loaded = timed("lex+parse", () => load(options.roots, options.host));
    modules = loaded.value.modules;
    files = loaded.value.files;
    diagnostics.push(...loaded.value.parseDiagnostics, ...loaded.diagnostics);
    const syntax = diagnostics.filter((d) => d.severity === "error");
    const resolved = timed("resolve", () => resolve(loaded.value));
    diagnostics.push(...withoutFollowOns(resolved.diagnostics, syntax));
    const checked = timed("check", () => check(resolved.value));
    diagnostics.push(...withoutFollowOns(checked.diagnostics, syntax));
    if (!hasErrors(diagnostics)) {
      const lowered = timed("lower", () => lower(checked.value));
      diagnostics.push(...lowered.diagnostics);
      if (lowered.value !== null && options.validatePlan === false) plan = lowered.value;
      else if (lowered.value !== null) {
        const validated = timed("validate", () => validate(lowered.value as Plan));
        diagnostics.push(...validated.diagnostics);
        plan = validated.value;
      }
    }
  } catch (error) {
    const first = [...files.keys()].sort()[0] ?? options.roots[0] ?? "";
    const message = error instanceof Error ? (error.stack ?? error.message).split("\n").slice(0, 3).join(" | ") : String(error);
    diagnostics.push(
      makeDiagnostic("E0602", { file: first, start: 0, end: 0 }, `internal compiler error: ${message}`, {
        label: "compiler bug",
        hints: ["this is a bug in strat, not in your sources: please report it with the files that trigger it"],
      }),
    );
    plan = null;
  }
  return { plan, modules, files, diagnostics: sortDiagnostics(diagnostics), timings };
}

/**
 * Drops later-phase diagnostics at a place where a syntax error was already
 * reported: the parser's recovery leaves partial nodes (an empty name, a
 * half-read string) that later phases would otherwise report a second time.
 * Spans that touch count, because a missing operand is reported just past the
 * expression that lacks it.
 */
function withoutFollowOns(found: readonly Diagnostic[], syntax: readonly Diagnostic[]): Diagnostic[] {
  if (syntax.length === 0) return [...found];
  return found.filter((d) => !syntax.some((s) => s.span.file === d.span.file && s.span.start <= d.span.end && d.span.start <= s.span.end));
}

/** Compiles in-memory sources (path → text); roots default to every path. For tests, examples and tools. */
export function compileSources(sources: Readonly<Record<string, string>>, roots?: readonly string[]): CompileOutput {
  const map = new Map(Object.entries(sources));
  return compile({ roots: roots ?? [...map.keys()].sort(), host: { readFile: (path) => map.get(path) } });
}
