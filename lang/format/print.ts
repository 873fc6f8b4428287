// Prints AST nodes in the canonical layout: single-spaced tokens, literals as
// written. Comments and blank lines are placed by format.ts; this file only
// knows how one expression or item looks.
// Invariant: parsing the printed text gives the same tree (ParenExpr nodes carry
// every parenthesis, so no precedence-driven parens are added or removed).

import type * as A from "../ast.js";

/** Lines longer than this are broken, where the layout allows. */
export const MAX_WIDTH = 100;
/** Extra indentation of a continuation line. */
export const CONTINUATION = "    ";

/** Prints an expression on one line. */
export function printExpr(e: A.Expr): string {
  switch (e.kind) {
    case "NumberLit":
    case "StringLit":
      return e.raw;
    case "DateLit":
      return e.value;
    case "BoolLit":
      return String(e.value);
    case "Name":
      return e.name.name;
    case "List":
      return `[${e.items.map(printExpr).join(", ")}]`;
    case "Call":
      return `${e.callee.name}(${e.args.map(printArg).join(", ")})`;
    case "Index":
      return `${printExpr(e.target)}[${printExpr(e.index)}]`;
    case "Member":
      return `${printExpr(e.target)}.${e.field.name}`;
    case "Unary":
      return e.op === "not" ? `not ${printExpr(e.operand)}` : `-${printExpr(e.operand)}`;
    case "Binary":
      return `${printExpr(e.left)} ${e.op} ${printExpr(e.right)}`;
    case "Range":
      return `${printExpr(e.from)}..${printExpr(e.to)}`;
    case "Paren":
      return `(${printExpr(e.inner)})`;
    case "ErrorExpr":
      return "";
  }
}

function printArg(a: A.Arg): string {
  return a.name === null ? printExpr(a.value) : `${a.name.name}: ${printExpr(a.value)}`;
}

/** Prints a written type: `series<number>`. */
export function printType(t: A.TypeRef): string {
  return t.args.length === 0 ? t.name.name : `${t.name.name}<${t.args.map(printType).join(", ")}>`;
}

function printDomain(d: A.Domain): string {
  return d.kind === "RangeDomain" ? `[${printExpr(d.lo)}, ${printExpr(d.hi)}]` : `{${d.values.map(printExpr).join(", ")}}`;
}

function printTrigger(t: A.Trigger): string {
  return t.kind === "GateStreak"
    ? `${t.gate.name} ${t.outcome.name} ${printExpr(t.count)} consecutive runs`
    : `${printExpr(t.condition)} over ${printExpr(t.window)}`;
}

/** The operands of a top-level chain of one operator, left to right. */
function chainOperands(e: A.Expr, op: "or" | "and"): A.Expr[] {
  if (e.kind === "Binary" && e.op === op) return [...chainOperands(e.left, op), e.right];
  return [e];
}

/**
 * An item split into the text before its main expression, the expression, and
 * the text after it, so a long `or`/`and` chain can break before each operator.
 */
interface Breakable {
  readonly head: string;
  readonly expr: A.Expr;
  readonly tail: string;
}

function breakable(item: A.Item): Breakable | null {
  switch (item.kind) {
    case "Entry":
      return { head: `entry ${item.side.name} when `, expr: item.when, tail: "" };
    case "Exit":
      return { head: item.side === null ? "exit when " : `exit ${item.side.name} when `, expr: item.when, tail: "" };
    case "Require":
      return { head: "require ", expr: item.condition, tail: item.orElse === null ? "" : ` else ${item.orElse.name}` };
    case "Constraint":
      return { head: "constraint ", expr: item.condition, tail: "" };
    case "Let":
      return { head: `let ${item.name.name} = `, expr: item.value, tail: "" };
    case "Setting":
      return { head: `${item.key.name} `, expr: item.value, tail: item.modifiers.map((m) => ` ${m.key.name} ${printExpr(m.value)}`).join("") };
    default:
      return null;
  }
}

/** Prints an item on one line. */
export function printItemLine(item: A.Item): string {
  const b = breakable(item);
  if (b !== null) return `${b.head}${printExpr(b.expr)}${b.tail}`;
  switch (item.kind) {
    case "Param": {
      const domain = item.domain === null ? "" : ` in ${printDomain(item.domain)}`;
      const init = item.default === null ? "" : ` = ${printExpr(item.default)}`;
      return `param ${item.name.name}: ${printType(item.type)}${domain}${init}`;
    }
    case "Model":
      return `model ${item.name.name} = ${printExpr(item.call)}`;
    case "Grid":
      return `grid ${item.param.name} = ${printExpr(item.values)}${item.step === null ? "" : ` step ${printExpr(item.step)}`}`;
    case "Windows":
      return `windows ${item.windows.map((w) => `${w.label.name} ${printExpr(w.range)}`).join(", ")}`;
    case "Select":
      return `select ${item.direction.name} ${printExpr(item.objective)}${item.subjectTo === null ? "" : ` subject to ${item.subjectTo.name}`}`;
    case "Move":
      return `${item.direction.name} ${item.from.name} -> ${item.to.name} when ${printTrigger(item.when)}`;
    case "Adjust":
      return `adjust params toward sweep ${item.sweep.name} by at most ${printExpr(item.maxStep)} per cycle`;
    case "Rollout":
      return `rollout ${item.stages.map(printExpr).join(" -> ")}`;
    case "Rollback":
      return `rollback when ${printTrigger(item.when)}`;
    case "Run":
      return `run ${item.steps.map((s) => s.name).join(" then ")}`;
    default:
      return "";
  }
}

/** An item's lines, with the source offset where each line's content begins (for placing comments). */
export interface PrintedItem {
  readonly lines: string[];
  readonly starts: readonly number[];
}

/** Prints an item at `indent`, breaking a line wider than MAX_WIDTH where the layout allows. */
export function printItem(item: A.Item, indent: string): PrintedItem {
  const line = printItemLine(item);
  const single = { lines: [indent + line], starts: [item.span.start] };
  if (indent.length + line.length <= MAX_WIDTH) return single;
  const more = indent + CONTINUATION;
  if (item.kind === "Windows" && item.windows.length > 1) {
    const parts = item.windows.map((w) => `${w.label.name} ${printExpr(w.range)}`);
    return {
      lines: parts.map((p, i) => (i === 0 ? `${indent}windows ${p}` : more + p) + (i < parts.length - 1 ? "," : "")),
      starts: item.windows.map((w, i) => (i === 0 ? item.span.start : w.span.start)),
    };
  }
  const b = breakable(item);
  if (b === null) return single;
  for (const op of ["or", "and"] as const) {
    const operands = chainOperands(b.expr, op);
    if (operands.length < 2) continue;
    const lines = operands.map((o, i) => (i === 0 ? `${indent}${b.head}${printExpr(o)}` : `${more}${op} ${printExpr(o)}`));
    lines[lines.length - 1] += b.tail;
    return { lines, starts: operands.map((o, i) => (i === 0 ? item.span.start : o.span.start)) };
  }
  return single;
}

/** Prints `import ...`. */
export function printImport(d: A.ImportDecl): string {
  return d.names === null ? `import ${d.path.raw}` : `import { ${d.names.map((n) => n.name).join(", ")} } from ${d.path.raw}`;
}

/** Prints `const ...`. */
export function printConst(d: A.ConstDecl): string {
  return `const ${d.name.name}${d.type === null ? "" : `: ${printType(d.type)}`} = ${printExpr(d.value)}`;
}
