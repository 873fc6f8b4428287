// Phase 2, resolve: bind names to declarations.
// Input: the loaded modules. Output: the top-level declarations (unique by
// name across the compilation), what each file can see (its own declarations
// plus what it imports), each block's local names (params, lets, models), and
// a side table binding name expressions and declaration references.
// Codes: E0203 imported name missing, E0205 duplicate declaration, E0206
// duplicate local, E0207 unknown declaration reference, E0212 local shadows a
// price series, E0214 declared but not imported.
// Invariants: the AST is not changed; a name expression that binds to nothing
// here is left to the checker, which knows the context (an enum member such as
// `daily`, a metric such as `trades`, a sweep constraint over its strategy's params).

import type { BlockDecl, BlockKind, ConstDecl, Decl, Expr, Ident, Item, LetItem, ModelItem, Module, NodeId, ParamItem, Trigger } from "./ast.js";
import type { Diagnostic, PhaseResult } from "./diagnostics/diagnostic.js";
import { duplicateName, makeDiagnostic, notImported, unknownName, wrongKind } from "./diagnostics/problems.js";
import { didYouMean } from "./diagnostics/suggest.js";
import type { LoadedProgram } from "./load.js";
import { importPathFrom } from "./load.js";
import { lookupBuiltin } from "../stdlib/registry.js";
import type { BuiltinSig } from "../stdlib/signature.js";

/** A block-local name. */
export type LocalBinding =
  | { readonly kind: "param"; readonly item: ParamItem }
  | { readonly kind: "let"; readonly item: LetItem }
  | { readonly kind: "model"; readonly item: ModelItem };

/** What a name expression refers to. */
export type Binding =
  | LocalBinding
  | { readonly kind: "const"; readonly decl: ConstDecl }
  | { readonly kind: "decl"; readonly decl: BlockDecl }
  | { readonly kind: "series"; readonly sig: BuiltinSig };

const SERIES_KIND = ["series"] as const;
const SERIES_BINDINGS = new Map<string, Binding | null>();
const DECL_BINDINGS = new WeakMap<Decl, Binding>();

/** The binding of a price series name, or null. Memoised: every reference shares one object, saving an allocation per name. */
export function seriesBinding(name: string): Binding | null {
  let binding = SERIES_BINDINGS.get(name);
  if (binding === undefined) {
    const sig = lookupBuiltin(name, SERIES_KIND);
    binding = sig === undefined ? null : { kind: "series", sig };
    // every name is remembered, misses too; the bound keeps a long-lived process from growing without limit
    if (SERIES_BINDINGS.size < 4096) SERIES_BINDINGS.set(name, binding);
  }
  return binding;
}

/** The binding of a reference to a declaration (memoised per declaration). */
export function declBinding(decl: Decl): Binding {
  let binding = DECL_BINDINGS.get(decl);
  if (binding === undefined) {
    binding = decl.kind === "Const" ? { kind: "const", decl } : { kind: "decl", decl };
    DECL_BINDINGS.set(decl, binding);
  }
  return binding;
}

/** The resolver's output. */
export interface ResolvedProgram {
  readonly loaded: LoadedProgram;
  /** Every top-level declaration by name (the first one when a name is declared twice). */
  readonly globals: ReadonlyMap<string, Decl>;
  /** Per file: the top-level names it can see. */
  readonly visible: ReadonlyMap<string, ReadonlyMap<string, Decl>>;
  /** Per block id: its params, lets and models. */
  readonly locals: ReadonlyMap<NodeId, ReadonlyMap<string, LocalBinding>>;
  /** Name expression id → binding (locals first, then visible declarations, then price series). */
  readonly refs: ReadonlyMap<NodeId, Binding>;
  /** Declaration reference idents (gates in triggers, sleeves in moves, run steps, ...) → declaration. */
  readonly declRefs: ReadonlyMap<NodeId, Decl>;
}

/** Human words for declaration kinds ("a gate", "a const"). */
export function declWord(decl: Decl): string {
  return decl.kind === "Const" ? "a const" : `a ${decl.declKind}`;
}

/** Resolves names across the program. Never throws. */
export function resolve(loaded: LoadedProgram): PhaseResult<ResolvedProgram> {
  const diagnostics: Diagnostic[] = [];
  const globals = new Map<string, Decl>();
  for (const module of loaded.modules) {
    for (const decl of module.decls) {
      const name = decl.name.name;
      const first = globals.get(name);
      if (first === undefined) globals.set(name, decl);
      else diagnostics.push(duplicateName("E0205", "declaration", name, decl.name.span, first.name.span));
    }
  }

  const visible = new Map<string, Map<string, Decl>>();
  const byFile = new Map(loaded.modules.map((m) => [m.file, m]));
  for (const module of loaded.modules) visible.set(module.file, visibleNames(module, byFile, globals, loaded, diagnostics));

  const locals = new Map<NodeId, Map<string, LocalBinding>>();
  const refs = new Map<NodeId, Binding>();
  const declRefs = new Map<NodeId, Decl>();
  for (const module of loaded.modules) {
    const scope = visible.get(module.file) ?? new Map<string, Decl>();
    const binder = new Binder(module.file, scope, globals, refs, declRefs, diagnostics);
    for (const decl of module.decls) {
      if (decl.kind === "Const") {
        binder.expr(decl.value, null);
        continue;
      }
      const blockLocals = collectLocals(decl, diagnostics);
      locals.set(decl.id, blockLocals);
      for (const item of decl.items) binder.item(item, blockLocals);
    }
  }
  return { value: { loaded, globals, visible, locals, refs, declRefs }, diagnostics };
}

function visibleNames(
  module: Module,
  byFile: ReadonlyMap<string, Module>,
  globals: ReadonlyMap<string, Decl>,
  loaded: LoadedProgram,
  diagnostics: Diagnostic[],
): Map<string, Decl> {
  const scope = new Map<string, Decl>();
  for (const decl of module.decls) if (globals.get(decl.name.name) === decl) scope.set(decl.name.name, decl);
  for (const imp of module.imports) {
    const target = loaded.importTargets.get(imp.id);
    const imported = target === undefined ? undefined : byFile.get(target);
    if (imported === undefined) continue;
    const own = imported.decls.filter((d) => globals.get(d.name.name) === d);
    if (imp.names === null) {
      for (const decl of own) scope.set(decl.name.name, decl);
      continue;
    }
    for (const ident of imp.names) {
      const decl = own.find((d) => d.name.name === ident.name);
      if (decl === undefined) {
        diagnostics.push(
          makeDiagnostic("E0203", ident.span, `'${ident.name}' is not declared in ${imported.file}`, {
            label: "no such declaration",
            hints: [didYouMean(ident.name, own.map((d) => d.name.name))],
          }),
        );
      } else {
        scope.set(ident.name, decl);
      }
    }
  }
  return scope;
}

function collectLocals(block: BlockDecl, diagnostics: Diagnostic[]): Map<string, LocalBinding> {
  const out = new Map<string, LocalBinding>();
  for (const item of block.items) {
    let binding: LocalBinding;
    if (item.kind === "Param") binding = { kind: "param", item };
    else if (item.kind === "Let") binding = { kind: "let", item };
    else if (item.kind === "Model") binding = { kind: "model", item };
    else continue;
    const name = item.name.name;
    if (seriesBinding(name) !== null) {
      diagnostics.push(
        makeDiagnostic("E0212", item.name.span, `${binding.kind} '${name}' hides the price series '${name}'`, {
          label: "reserved for the bar's price",
          hints: [`rename it, e.g. '${name}_${binding.kind}'`],
        }),
      );
      continue;
    }
    const first = out.get(name);
    if (first !== undefined) {
      diagnostics.push(duplicateName("E0206", `${binding.kind === "model" ? "model" : binding.kind === "let" ? "let" : "param"}`, name, item.name.span, first.item.name.span));
      continue;
    }
    out.set(name, binding);
  }
  return out;
}

/** The declaration kinds a reference slot accepts, for messages and suggestions. */
type DeclSlot = { readonly kinds: readonly BlockKind[]; readonly what: string };

const RUNNABLE: DeclSlot = { kinds: ["strategy", "sweep", "gate", "promotion", "portfolio"], what: "a strategy, sweep, gate, promotion or portfolio" };
const GATE: DeclSlot = { kinds: ["gate"], what: "a gate" };
const SLEEVE: DeclSlot = { kinds: ["sleeve"], what: "a sleeve" };
const SWEEP: DeclSlot = { kinds: ["sweep"], what: "a sweep" };

class Binder {
  constructor(
    private readonly file: string,
    private readonly scope: ReadonlyMap<string, Decl>,
    private readonly globals: ReadonlyMap<string, Decl>,
    private readonly refs: Map<NodeId, Binding>,
    private readonly declRefs: Map<NodeId, Decl>,
    private readonly diagnostics: Diagnostic[],
  ) {}

  item(item: Item, locals: ReadonlyMap<string, LocalBinding>): void {
    switch (item.kind) {
      case "Setting":
        this.expr(item.value, locals);
        for (const m of item.modifiers) this.expr(m.value, locals);
        return;
      case "Param":
        if (item.domain?.kind === "RangeDomain") {
          this.expr(item.domain.lo, locals);
          this.expr(item.domain.hi, locals);
        } else if (item.domain?.kind === "SetDomain") {
          for (const v of item.domain.values) this.expr(v, locals);
        }
        if (item.default !== null) this.expr(item.default, locals);
        return;
      case "Model":
        this.expr(item.call, locals);
        return;
      case "Let":
        this.expr(item.value, locals);
        return;
      case "Entry":
      case "Exit":
        this.expr(item.when, locals);
        return;
      case "Require":
        this.expr(item.condition, locals);
        return;
      case "Grid":
        this.expr(item.values, locals);
        if (item.step !== null) this.expr(item.step, locals);
        return;
      case "Constraint":
        // sweep constraints speak of the strategy's params: the checker binds them
        return;
      case "Windows":
        for (const w of item.windows) this.expr(w.range, locals);
        return;
      case "Select":
        this.expr(item.objective, locals);
        if (item.subjectTo !== null) this.declRef(item.subjectTo, GATE);
        return;
      case "Move":
        this.declRef(item.from, SLEEVE);
        this.declRef(item.to, SLEEVE);
        this.trigger(item.when, locals);
        return;
      case "Adjust":
        this.declRef(item.sweep, SWEEP);
        this.expr(item.maxStep, locals);
        return;
      case "Rollout":
        for (const s of item.stages) this.expr(s, locals);
        return;
      case "Rollback":
        this.trigger(item.when, locals);
        return;
      case "Run":
        for (const step of item.steps) this.declRef(step, RUNNABLE);
        return;
    }
  }

  private trigger(trigger: Trigger, locals: ReadonlyMap<string, LocalBinding>): void {
    if (trigger.kind === "GateStreak") {
      this.declRef(trigger.gate, GATE);
      this.expr(trigger.count, locals);
    } else {
      this.expr(trigger.condition, locals);
      this.expr(trigger.window, locals);
    }
  }

  /** Binds a reference to a declaration of the slot's kinds, reporting what is missing or of another kind. */
  private declRef(ident: Ident, slot: DeclSlot): void {
    const decl = this.scope.get(ident.name);
    if (decl === undefined) {
      const elsewhere = this.globals.get(ident.name);
      if (elsewhere !== undefined) {
        this.diagnostics.push(notImported(ident.name, ident.span, elsewhere.span.file, importPathFrom(this.file, elsewhere.span.file)));
        return;
      }
      const candidates = [...this.scope.values()].filter((d) => d.kind === "Block" && slot.kinds.includes(d.declKind)).map((d) => d.name.name);
      this.diagnostics.push(unknownName(ident.name, ident.span, slot.kinds.length === 1 ? (slot.kinds[0] ?? "name") : "name", candidates));
      return;
    }
    if (decl.kind === "Const" || !slot.kinds.includes(decl.declKind)) {
      this.diagnostics.push(wrongKind(ident.name, ident.span, slot.what, declWord(decl), decl.name.span));
      return;
    }
    this.declRefs.set(ident.id, decl);
  }

  expr(expr: Expr, locals: ReadonlyMap<string, LocalBinding> | null): void {
    switch (expr.kind) {
      case "Name": {
        const name = expr.name.name;
        const local = locals?.get(name);
        if (local !== undefined) {
          this.refs.set(expr.id, local);
          return;
        }
        const decl = this.scope.get(name);
        if (decl !== undefined) {
          this.refs.set(expr.id, declBinding(decl));
          return;
        }
        const series = seriesBinding(name);
        if (series !== null) this.refs.set(expr.id, series);
        return;
      }
      case "List":
        for (const item of expr.items) this.expr(item, locals);
        return;
      case "Call":
        for (const arg of expr.args) this.expr(arg.value, locals);
        return;
      case "Index":
        this.expr(expr.target, locals);
        this.expr(expr.index, locals);
        return;
      case "Member":
        this.expr(expr.target, locals);
        return;
      case "Unary":
        this.expr(expr.operand, locals);
        return;
      case "Binary":
        this.expr(expr.left, locals);
        this.expr(expr.right, locals);
        return;
      case "Range":
        this.expr(expr.from, locals);
        this.expr(expr.to, locals);
        return;
      case "Paren":
        this.expr(expr.inner, locals);
        return;
      case "NumberLit":
      case "StringLit":
      case "DateLit":
      case "BoolLit":
      case "ErrorExpr":
        return;
    }
  }
}
