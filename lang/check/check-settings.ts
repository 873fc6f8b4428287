// The generic half of block checking: every item must be allowed in its
// block kind, every setting key known (E0307, with "did you mean"), given once
// unless repeatable (E0308), required ones present (E0309), modifiers allowed
// (E0310), values of the table's type and, where the table says so, known at
// compile time (E0324). Block checkers then read the settings by key.

import type { BlockDecl, Expr, Setting } from "../ast.js";
import { bareName, makeDiagnostic } from "../diagnostics/problems.js";
import { didYouMean } from "../diagnostics/suggest.js";
import type { BlockKind } from "../ast.js";
import type { CheckState, Env } from "./context.js";
import { checkExpr } from "./expr.js";
import { lookupBinding } from "./names.js";
import { Ty } from "./types.js";
import { ITEMS, SETTINGS, type SettingSpec } from "./settings.js";

/** Checks a block's settings and item kinds; returns the settings by key (in source order) and records them. */
export function checkSettings(state: CheckState, block: BlockDecl, env: Env): ReadonlyMap<string, readonly Setting[]> {
  const kind = block.declKind;
  const specs = SETTINGS[kind];
  const byKey = new Map<string, Setting[]>();
  for (const item of block.items) {
    if (item.kind !== "Setting") {
      if (ITEMS[kind][item.kind] === undefined) state.report(misplacedItem(kind, item.kind, item.span));
      continue;
    }
    const key = item.key.name;
    const spec = specs.find((s) => s.key === key);
    if (spec === undefined) {
      state.report(unknownSetting(kind, key, item));
      continue;
    }
    const previous = byKey.get(key);
    if (previous !== undefined && spec.repeatable !== true) {
      state.report(
        makeDiagnostic("E0308", item.key.span, `setting '${key}' is given twice in ${kind} '${block.name.name}'`, {
          label: "given again here",
          secondary: [{ span: previous[0]?.key.span ?? item.key.span, message: "first given here" }],
          hints: ["keep one of them"],
        }),
      );
      continue;
    }
    byKey.set(key, [...(previous ?? []), item]);
    checkSetting(state, spec, item, { ...env, place: `the '${key}' setting` });
  }
  for (const spec of specs) {
    if (spec.required === true && !byKey.has(spec.key)) {
      state.report(
        makeDiagnostic("E0309", block.name.span, `${kind} '${block.name.name}' has no '${spec.key}'`, {
          label: `needs ${spec.doc}`,
          hints: [addHint(state, spec, env.file)],
        }),
      );
    }
  }
  state.settings.set(block.id, byKey);
  return byKey;
}

/** "add `cap 60%`"; for a setting naming a declaration (`strategy x`), the ones this file can see. */
function addHint(state: CheckState, spec: SettingSpec, file: string): string {
  const wanted = spec.expected?.kind === "decl" ? spec.expected.declKind : null;
  if (wanted === null) return `add \`${spec.example}\``;
  const names: string[] = [];
  for (const [name, decl] of state.program.visible.get(file) ?? []) if (decl.kind === "Block" && decl.declKind === wanted) names.push(name);
  if (names.length === 1) return `add \`${spec.key} ${names[0] ?? ""}\``;
  const listed = names.length === 0 ? `no ${wanted} is visible here: declare or import one` : `one of ${names.sort().slice(0, 6).join(", ")}`;
  return `add \`${spec.key} <name>\`, naming ${spec.doc.replace(/^the /, "the ")} (${listed})`;
}

function checkSetting(state: CheckState, spec: SettingSpec, setting: Setting, env: Env): void {
  const seen = new Set<string>();
  for (const modifier of setting.modifiers) {
    const name = modifier.key.name;
    const mspec = spec.modifiers?.[name];
    if (mspec === undefined) {
      const allowed = Object.keys(spec.modifiers ?? {});
      state.report(
        makeDiagnostic("E0310", modifier.key.span, `'${name}' cannot modify '${spec.key}'`, {
          label: "modifier not allowed here",
          hints: [allowed.length === 0 ? `'${spec.key}' takes no modifiers` : `'${spec.key}' accepts ${allowed.map((a) => `'${a}'`).join(", ")}`],
        }),
      );
      continue;
    }
    if (seen.has(name) && mspec.repeatable !== true) {
      state.report(makeDiagnostic("E0310", modifier.key.span, `'${name}' is given twice on '${spec.key}'`, { label: "given again here" }));
      continue;
    }
    seen.add(name);
    const t = checkExpr(state, { ...env, place: `the '${name}' of '${spec.key}'` }, modifier.value, mspec.expected);
    if (t.kind !== "error" && spec.constant === true) requireConstant(state, modifier.value, `the '${name}' of '${spec.key}'`);
  }
  if (spec.expected === null) return;
  if (spec.quoted !== undefined && setting.value.kind === "Name" && lookupBinding(state, env, setting.value) === undefined) {
    state.report(bareName(setting.value.name.name, setting.value.span, spec.quoted.what, `write it in quotes, e.g. \`${spec.quoted.example}\``));
    state.types.set(setting.value.id, Ty.error);
    return;
  }
  const t = checkExpr(state, env, setting.value, spec.expected);
  if (t.kind !== "error" && spec.constant === true) requireConstant(state, setting.value, env.place);
}

/** Reports (E0324) the first part of an expression not known at compile time: a param, a let, a series. */
export function requireConstant(state: CheckState, expr: Expr, place: string): boolean {
  const culprit = firstVariable(state, expr);
  if (culprit === null) return true;
  state.report(
    makeDiagnostic("E0324", culprit.span, `${place} must be known at compile time`, {
      label: "not a constant",
      hints: ["params change per run and per sweep trial; use a literal or a const here"],
    }),
  );
  return false;
}

function firstVariable(state: CheckState, expr: Expr): Expr | null {
  switch (expr.kind) {
    case "Name": {
      const meaning = state.names.get(expr.id);
      if (meaning === undefined) return null;
      return meaning.kind === "param" || meaning.kind === "let" || meaning.kind === "model" || meaning.kind === "series" ? expr : null;
    }
    case "List":
      return firstOf(state, expr.items);
    case "Call":
      return firstOf(
        state,
        expr.args.map((a) => a.value),
      );
    case "Unary":
      return firstVariable(state, expr.operand);
    case "Binary":
      return firstVariable(state, expr.left) ?? firstVariable(state, expr.right);
    case "Range":
      return firstVariable(state, expr.from) ?? firstVariable(state, expr.to);
    case "Paren":
      return firstVariable(state, expr.inner);
    case "Index":
    case "Member":
      return expr;
    default:
      return null;
  }
}

function firstOf(state: CheckState, exprs: readonly Expr[]): Expr | null {
  for (const e of exprs) {
    const found = firstVariable(state, e);
    if (found !== null) return found;
  }
  return null;
}

function unknownSetting(kind: BlockKind, key: string, item: Setting) {
  const keys = SETTINGS[kind].map((s) => s.key);
  const words = Object.values(ITEMS[kind]).flatMap((w) => w.split("/"));
  const owner = (Object.keys(SETTINGS) as BlockKind[]).find((k) => k !== kind && SETTINGS[k].some((s) => s.key === key));
  return makeDiagnostic("E0307", item.key.span, `unknown setting '${key}' in ${kind}`, {
    label: `not a ${kind} setting`,
    hints:
      owner !== undefined
        ? [`'${key}' is a setting of ${owner} blocks`]
        : [didYouMean(key, [...keys, ...words]) ?? (keys.length > 0 ? `${kind} settings: ${keys.join(", ")}` : `a ${kind} holds ${words.join(", ")} items`)],
  });
}

function misplacedItem(kind: BlockKind, itemKind: string, span: import("../source.js").Span) {
  const word = (Object.values(ITEMS).find((m) => m[itemKind] !== undefined)?.[itemKind] ?? itemKind).split("/")[0] ?? itemKind;
  const owners = (Object.keys(ITEMS) as BlockKind[]).filter((k) => ITEMS[k][itemKind] !== undefined);
  return makeDiagnostic("E0327", span, `'${word}' cannot appear in a ${kind}`, {
    label: `not a ${kind} item`,
    hints: [owners.length > 0 ? `'${word}' belongs in a ${owners.join(" or ")}` : null],
  });
}
