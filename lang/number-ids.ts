// Numbers a finished module's nodes in pre-order (a parent before its children,
// children left to right), starting at a given id. The parser builds nodes
// bottom-up with id 0, so numbering is one pass at the end: ids then follow
// source order whatever order the nodes were created in.
// A switch per kind rather than a field table: this pass runs over every node
// of a workspace, and property access by computed name was a tenth of parse time.

import type * as A from "./ast.js";

/** Assigns ids from `firstId` in pre-order; returns the next free id. */
export function numberIds(root: A.Node, firstId: number): number {
  const counter = { next: firstId };
  visit(root, counter);
  return counter.next;
}

interface Counter {
  next: number;
}

function all(nodes: readonly A.Node[], c: Counter): void {
  for (const n of nodes) visit(n, c);
}

function opt(node: A.Node | null, c: Counter): void {
  if (node !== null) visit(node, c);
}

function visit(node: A.Node, c: Counter): void {
  (node as { id: number }).id = c.next++;
  switch (node.kind) {
    case "Module":
      all(node.imports, c);
      return all(node.decls, c);
    case "Import":
      visit(node.path, c);
      return node.names === null ? undefined : all(node.names, c);
    case "Const":
      visit(node.name, c);
      opt(node.type, c);
      return visit(node.value, c);
    case "Block":
      visit(node.name, c);
      return all(node.items, c);
    case "Setting":
      visit(node.key, c);
      visit(node.value, c);
      return all(node.modifiers, c);
    case "Modifier":
      visit(node.key, c);
      return visit(node.value, c);
    case "Param":
      visit(node.name, c);
      visit(node.type, c);
      opt(node.domain, c);
      return opt(node.default, c);
    case "Model":
      visit(node.name, c);
      return visit(node.call, c);
    case "Let":
      visit(node.name, c);
      return visit(node.value, c);
    case "Entry":
      visit(node.side, c);
      return visit(node.when, c);
    case "Exit":
      opt(node.side, c);
      return visit(node.when, c);
    case "Require":
      visit(node.condition, c);
      return opt(node.orElse, c);
    case "Grid":
      visit(node.param, c);
      visit(node.values, c);
      return opt(node.step, c);
    case "Constraint":
      return visit(node.condition, c);
    case "Windows":
      return all(node.windows, c);
    case "Window":
      visit(node.label, c);
      return visit(node.range, c);
    case "Select":
      visit(node.direction, c);
      visit(node.objective, c);
      return opt(node.subjectTo, c);
    case "Move":
      visit(node.direction, c);
      visit(node.from, c);
      visit(node.to, c);
      return visit(node.when, c);
    case "GateStreak":
      visit(node.gate, c);
      visit(node.outcome, c);
      return visit(node.count, c);
    case "MetricOver":
      visit(node.condition, c);
      return visit(node.window, c);
    case "Adjust":
      visit(node.sweep, c);
      return visit(node.maxStep, c);
    case "Rollout":
      return all(node.stages, c);
    case "Rollback":
      return visit(node.when, c);
    case "Run":
      return all(node.steps, c);
    case "TypeRef":
      visit(node.name, c);
      return all(node.args, c);
    case "RangeDomain":
      visit(node.lo, c);
      return visit(node.hi, c);
    case "SetDomain":
      return all(node.values, c);
    case "Name":
      return visit(node.name, c);
    case "List":
      return all(node.items, c);
    case "Arg":
      opt(node.name, c);
      return visit(node.value, c);
    case "Call":
      visit(node.callee, c);
      return all(node.args, c);
    case "Index":
      visit(node.target, c);
      return visit(node.index, c);
    case "Member":
      visit(node.target, c);
      return visit(node.field, c);
    case "Unary":
      return visit(node.operand, c);
    case "Binary":
      visit(node.left, c);
      return visit(node.right, c);
    case "Range":
      visit(node.from, c);
      return visit(node.to, c);
    case "Paren":
      return visit(node.inner, c);
    case "Ident":
    case "NumberLit":
    case "StringLit":
    case "DateLit":
    case "BoolLit":
    case "ErrorExpr":
      return;
  }
}
