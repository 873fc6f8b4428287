// Declaration and item nodes, built by the grammar's actions (parser.ts).
// The grammar fills a `Parts` record per import, const or item as it reads
// tokens; `endParts` turns it into a node. When an error unwinds an item, the
// recovering rule calls `endParts(…, true)`, so the parts that were read still
// become a node, with ErrorExpr placeholders for what is missing.
// Codes: E0117 model not a call, E0118 `adjust` without `params` (and those of
// build-expr.ts).
// Invariants: a declaration or item whose own name is missing is dropped; any
// other missing name is an Ident with an empty name. Nodes carry id 0 until
// number-ids.ts numbers the module.

import type { IToken } from "chevrotain";
import type * as A from "./ast.js";
import { ExprBuilder, isReal } from "./build-expr.js";
import { adjustNeedsParams, modelNotCall } from "./diagnostics/syntax-errors.js";
import type { BlockHeader } from "./parse-errors.js";
import type { SourceFile, Span } from "./source.js";

/** What a Parts record becomes. */
export type PartsKind = A.Item["kind"] | "Import" | "Const";

/** Where a failed expression belongs when an item is recovered. */
export type ExprSlot = "value" | "step" | "stage";

/** The pieces of an import, const or item, filled in as they are read. */
export interface Parts {
  kind: PartsKind;
  first: IToken;
  name?: IToken;
  side?: IToken;
  type?: A.TypeRef;
  domain?: A.Domain;
  value?: A.Expr;
  step?: A.Expr;
  orElse?: IToken;
  hasElse?: boolean;
  to?: IToken;
  trigger?: A.Trigger;
  sweep?: IToken;
  subjectTo?: IToken;
  hasSubject?: boolean;
  path?: IToken;
  names?: IToken[];
  expecting?: ExprSlot;
  readonly stages: A.Expr[];
  readonly steps: IToken[];
  readonly windows: A.WindowSpec[];
  readonly modifiers: A.Modifier[];
}

/** A Parts record for the grammar recording phase, when no node is built. */
export function scratchParts(first: IToken): Parts {
  return { kind: "Setting", first, stages: [], steps: [], windows: [], modifiers: [] };
}

interface BlockParts {
  readonly keyword: IToken;
  name?: IToken;
  open?: IToken;
  readonly items: A.Item[];
}

/** Builds one module from the grammar's actions. Reused across files (`reset`). */
export class AstBuilder extends ExprBuilder {
  private docs: ReadonlyMap<number, string> = new Map();
  private imports: A.ImportDecl[] = [];
  private decls: A.Decl[] = [];
  private block: BlockParts | null = null;
  private parts: Parts | null = null;
  /** Block headers in source order, for "expected '}' to close strategy 'x'". */
  headers: BlockHeader[] = [];
  /** End offsets of declarations that were closed properly (item segments for de-duplication). */
  declEnds: number[] = [];

  /** Starts a new file. */
  start(file: SourceFile, docs: ReadonlyMap<number, string>): void {
    this.reset(file);
    this.docs = docs;
    this.imports = [];
    this.decls = [];
    this.block = null;
    this.parts = null;
    this.headers = [];
    this.declEnds = [];
  }

  /** The module so far (also after recovery from an error at the top). */
  module(): A.Module {
    this.flushBlock();
    return { kind: "Module", id: 0, span: { file: this.file.path, start: 0, end: this.file.text.length }, file: this.file.path, imports: this.imports, decls: this.decls };
  }

  private doc(tok: IToken): string | null {
    return this.docs.get(tok.startOffset) ?? null;
  }

  // ------------------------------------------------------------ blocks

  /** `strategy` (or another block keyword) was read. */
  beginBlock(keyword: IToken): void {
    this.flushBlock();
    this.block = { keyword, items: [] };
  }

  /** The name and `{` were read. */
  openBlock(name: IToken, open: IToken): void {
    if (this.block === null) return;
    this.block.name = name;
    this.block.open = open;
    this.headers.push({
      kind: this.block.keyword.image,
      name: isReal(name) ? name.image : "",
      start: this.block.keyword.startOffset,
      open: isReal(open) ? { file: this.file.path, start: open.startOffset, end: open.startOffset + 1 } : null,
    });
  }

  /** The block ends: at its `}`, or where recovery gave up on it (`close` undefined). */
  endBlock(close: IToken | undefined): void {
    const block = this.block;
    this.block = null;
    if (block === null) return;
    this.flushParts();
    if (!isReal(block.name) || !isReal(block.keyword)) return;
    const keywordSpan = this.tokSpan(block.keyword);
    const span = this.spanFrom(block.keyword.startOffset, close);
    if (isReal(close)) this.declEnds.push(span.end);
    this.decls.push({
      kind: "Block",
      id: 0,
      span,
      declKind: block.keyword.image as A.BlockKind,
      keywordSpan,
      name: this.ident(block.name),
      items: block.items,
      doc: this.doc(block.keyword),
    });
  }

  private flushBlock(): void {
    if (this.block !== null) this.endBlock(undefined);
    else this.flushParts();
  }

  private flushParts(): void {
    if (this.parts !== null) this.endParts(undefined, true);
  }

  // ------------------------------------------------------------ parts

  /** Starts an import, const or item at its first token. */
  beginParts(kind: PartsKind, first: IToken): Parts {
    this.flushParts();
    this.partialExpr = null;
    this.parts = { kind, first, stages: [], steps: [], windows: [], modifiers: [] };
    return this.parts;
  }

  /** Ends the current parts at `last`; `recovered` when an error cut them short. */
  endParts(last: IToken | undefined, recovered: boolean): void {
    const parts = this.parts;
    this.parts = null;
    if (parts === null) return;
    if (recovered && parts.expecting !== undefined) this.fillSlot(parts, parts.expecting);
    this.partialExpr = null;
    const span = this.spanFrom(parts.first.startOffset, last);
    if (parts.kind === "Import") {
      if (isReal(parts.path)) this.imports.push({ kind: "Import", id: 0, span, path: this.stringLit(parts.path), names: parts.names === undefined ? null : parts.names.filter(isReal).map((n) => this.ident(n)) });
      return;
    }
    if (parts.kind === "Const") {
      if (isReal(parts.name))
        this.decls.push({ kind: "Const", id: 0, span, name: this.ident(parts.name), type: parts.type ?? null, value: parts.value ?? this.errorExpr(), doc: this.doc(parts.first) });
      if (!recovered) this.declEnds.push(span.end);
      return;
    }
    const item = this.item(parts, span);
    if (item !== null) this.block?.items.push(item);
  }

  // A failed expression's partial tree goes where the item was reading.
  private fillSlot(parts: Parts, slot: ExprSlot): void {
    if (slot === "stage") parts.stages.push(this.takePartialExpr());
    else if (parts[slot] === undefined) parts[slot] = this.takePartialExpr();
  }

  private item(p: Parts, span: Span): A.Item | null {
    const doc = this.doc(p.first);
    const value = (): A.Expr => p.value ?? this.errorExpr();
    switch (p.kind) {
      case "Param":
        if (!isReal(p.name)) return null;
        return { kind: "Param", id: 0, span, name: this.ident(p.name), type: p.type ?? this.typeRef(undefined, []), domain: p.domain ?? null, default: p.value ?? null, doc };
      case "Model": {
        if (!isReal(p.name)) return null;
        return { kind: "Model", id: 0, span, name: this.ident(p.name), call: this.modelCall(value()), doc };
      }
      case "Let":
        if (!isReal(p.name)) return null;
        return { kind: "Let", id: 0, span, name: this.ident(p.name), value: value(), doc };
      case "Entry":
        return { kind: "Entry", id: 0, span, side: this.ident(p.side), when: value(), doc };
      case "Exit":
        return { kind: "Exit", id: 0, span, side: p.side === undefined ? null : this.ident(p.side), when: value(), doc };
      case "Require":
        return { kind: "Require", id: 0, span, condition: value(), orElse: p.hasElse === true ? this.ident(p.orElse) : null, doc };
      case "Grid":
        if (!isReal(p.name)) return null;
        return { kind: "Grid", id: 0, span, param: this.ident(p.name), values: value(), step: p.step ?? null, doc };
      case "Constraint":
        return { kind: "Constraint", id: 0, span, condition: value(), doc };
      case "Windows":
        return { kind: "Windows", id: 0, span, windows: p.windows, doc };
      case "Select":
        return { kind: "Select", id: 0, span, direction: this.ident(p.side), objective: value(), subjectTo: p.hasSubject === true ? this.ident(p.subjectTo) : null, doc };
      case "Move":
        return { kind: "Move", id: 0, span, direction: this.ident(p.first), from: this.ident(p.name), to: this.ident(p.to), when: p.trigger ?? this.missingTrigger(), doc };
      case "Adjust":
        if (isReal(p.name) && p.name.image !== "params") this.diagnostics.push(adjustNeedsParams(this.tokSpan(p.name), p.name.image));
        return { kind: "Adjust", id: 0, span, sweep: this.ident(p.sweep), maxStep: value(), doc };
      case "Rollout":
        return { kind: "Rollout", id: 0, span, stages: p.stages, doc };
      case "Rollback":
        return { kind: "Rollback", id: 0, span, when: p.trigger ?? this.missingTrigger(), doc };
      case "Run":
        return { kind: "Run", id: 0, span, steps: p.steps.filter(isReal).map((s) => this.ident(s)), doc };
      case "Setting":
        return { kind: "Setting", id: 0, span, key: this.ident(p.first), value: value(), modifiers: p.modifiers, doc };
      default:
        return null;
    }
  }

  private modelCall(value: A.Expr): A.CallExpr {
    if (value.kind === "Call") return value;
    if (value.kind !== "ErrorExpr") this.diagnostics.push(modelNotCall(value.span));
    return { kind: "Call", id: 0, span: value.span, callee: { kind: "Ident", id: 0, span: value.span, name: "" }, args: [] };
  }

  // ------------------------------------------------------------ smaller nodes

  /** `name<args>`; an empty name when the type is missing. */
  typeRef(name: IToken | undefined, args: readonly A.TypeRef[]): A.TypeRef {
    const ident = this.ident(name);
    const end = Math.max(ident.span.end, args.at(-1)?.span.end ?? 0, isReal(name) ? this.lastEnd : 0);
    return { kind: "TypeRef", id: 0, span: { ...ident.span, end }, name: ident, args };
  }

  /** `[lo, hi]` from its brackets. */
  rangeDomain(open: IToken, lo: A.Expr, hi: A.Expr, close: IToken | undefined): A.RangeDomain {
    return { kind: "RangeDomain", id: 0, span: this.spanFrom(open.startOffset, close), lo, hi };
  }

  /** `{a, b}` from its braces. */
  setDomain(open: IToken, values: readonly A.Expr[], close: IToken | undefined): A.SetDomain {
    return { kind: "SetDomain", id: 0, span: this.spanFrom(open.startOffset, close), values };
  }

  /** A domain that could not be read. */
  missingDomain(): A.RangeDomain {
    const span = this.anchor();
    return { kind: "RangeDomain", id: 0, span, lo: this.errorExpr(span), hi: this.errorExpr(span) };
  }

  /** `tz "UTC"`, `capped f(x)`. */
  modifier(key: IToken | undefined, value: A.Expr): A.Modifier {
    const keyIdent = this.ident(key);
    return { kind: "Modifier", id: 0, span: { ...keyIdent.span, end: Math.max(value.span.end, keyIdent.span.end) }, key: keyIdent, value };
  }

  /** `search 2019-01-01..2021-12-31`. */
  window(label: IToken | undefined, range: A.Expr): A.WindowSpec {
    const labelIdent = this.ident(label);
    return { kind: "Window", id: 0, span: { ...labelIdent.span, end: Math.max(range.span.end, labelIdent.span.end) }, label: labelIdent, range };
  }

  /** `GATE passes N consecutive runs`. */
  gateStreak(gate: IToken, outcome: IToken, count: A.Expr, last: IToken | undefined): A.GateStreak {
    return { kind: "GateStreak", id: 0, span: this.spanFrom(gate.startOffset, last), gate: this.ident(gate), outcome: this.ident(outcome), count };
  }

  /** `METRIC < X over 60d`. */
  metricOver(condition: A.Expr, window: A.Expr): A.MetricOver {
    return { kind: "MetricOver", id: 0, span: { file: this.file.path, start: condition.span.start, end: Math.max(window.span.end, condition.span.end) }, condition, window };
  }

  /** A trigger that could not be read. */
  missingTrigger(): A.MetricOver {
    const span = this.anchor();
    return { kind: "MetricOver", id: 0, span, condition: this.errorExpr(span), window: this.errorExpr(span) };
  }
}
