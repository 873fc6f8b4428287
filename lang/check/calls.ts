// Calls of builtins. The callee is looked up in stdlib/registry.ts among the
// kinds the context allows (an exit rule in `exit when`, a sizing rule after
// `sizing`, an indicator in a strategy expression; `zscore` is an indicator
// or a model depending on where it is called). Arguments bind by position,
// then by name; defaults fill the rest. Constant arguments are checked against
// the parameter's domain, and a param passed as an argument must have a domain
// inside it.

import type { Arg, CallExpr, Expr } from "../ast.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { makeDiagnostic, showDomain, showNumber } from "../diagnostics/problems.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { joinSpans, type Span } from "../source.js";
import { builtinNames, lookupBuiltin } from "../../stdlib/registry.js";
import type { BuiltinKind, BuiltinSig, ParamSig, SigType } from "../../stdlib/signature.js";
import type { BoundCall, CheckState, Env } from "./context.js";
import { evaluate } from "./evaluate.js";
import { checkExpr } from "./expr.js";
import { ruleKinds } from "./names.js";
import { paramInfo } from "./params.js";
import { alternatives, fromSig, showType, Ty, unitOf } from "./types.js";

const KIND_WORDS: Readonly<Record<BuiltinKind, { what: string; where: string }>> = {
  series: { what: "a price series", where: "read it in strategy expressions" },
  indicator: { what: "an indicator", where: "indicators read bars: use them in entry, exit and let expressions of a strategy" },
  metric: { what: "a metric", where: "metrics are known only after a run: use them in gate rules, `select` and promotion triggers" },
  exit: { what: "an exit rule", where: "use it in `exit when`, joined to other exits with `or`" },
  sizing: { what: "a sizing rule", where: "use it as `sizing <rule>(...)` in a strategy" },
  cap: { what: "a sizing cap", where: "use it after `capped` in a strategy's `sizing`" },
  cost: { what: "a cost", where: "use it in a strategy's `costs`, joined with +" },
  model: { what: "a model", where: "declare it in a strategy: `model name = <provider>(...)`, then read name.expected_return" },
  data: { what: "a data source", where: "use it as `data <source>(...)` in a strategy" },
  sampler: { what: "a sampler", where: "use it as `search <sampler>` in a sweep" },
  baseline: { what: "a baseline", where: "list it in a portfolio's `baselines`" },
  rollout: { what: "a rollout stage", where: "use it in a promotion's `rollout`" },
  comparative: { what: "a comparison with the baseline", where: "use it in a gate rule: `require change(metric) >= 3%`" },
};

/** E0210 (or E0322 for an exit rule combined with `and`/`not`): a builtin in a place its kind does not belong. */
export function misplacedBuiltin(sig: BuiltinSig, env: Env, span: Span): Diagnostic {
  const words = KIND_WORDS[sig.kind];
  if (sig.kind === "exit" && env.exitRules === true) {
    return makeDiagnostic("E0322", span, `exit rule '${sig.name}' cannot be combined with \`and\` or \`not\``, {
      label: "an exit rule closes the position on its own",
      hints: ["list exit rules with `or`: `exit when stop_loss(2%) or close < sma(close, 50)`"],
    });
  }
  return makeDiagnostic("E0210", span, `'${sig.name}' is ${words.what} and cannot be used in ${env.place}`, {
    label: `${words.what} is not allowed here`,
    hints: [words.where],
  });
}

/** E0209: no builtin of that name; where one kind is expected (`search`, `data`) it says which and lists them. */
function unknownFunction(name: string, span: Span, kinds: readonly BuiltinKind[]): Diagnostic {
  const pool = builtinNames(kinds.length > 0 ? kinds : ["indicator"]);
  const only = kinds.length === 1 ? kinds[0] : undefined;
  if (only === undefined || only === "indicator") {
    return makeDiagnostic("E0209", span, `unknown function '${name}'`, { label: "not a builtin", hints: [didYouMean(name, pool)] });
  }
  const what = KIND_WORDS[only].what.replace(/^an? /, "");
  return makeDiagnostic("E0209", span, `unknown ${what} '${name}'`, {
    label: `not ${KIND_WORDS[only].what}`,
    hints: [didYouMean(name, pool), pool.length > 0 && pool.length <= 12 ? `the ${what}s are ${pool.join(", ")}` : null],
  });
}

const INDICATORS: readonly BuiltinKind[] = ["indicator"];
const NONE: readonly BuiltinKind[] = [];

/** The builtin kinds a call may name in this context. */
function callKinds(env: Env, expected: Ty | null): readonly BuiltinKind[] {
  const rules = ruleKinds(expected);
  if (expected !== null && alternatives(expected).some((a) => a.kind === "metric")) return [...rules, "metric", "comparative"];
  if (rules.length === 0) return env.series ? INDICATORS : NONE;
  return rules;
}

/** Types a call expression. */
export function checkCall(state: CheckState, env: Env, call: CallExpr, expected: Ty | null): Ty {
  const name = call.callee.name;
  // an empty callee comes from a syntax error already reported
  if (name === "") return Ty.error;
  const kinds = callKinds(env, expected);
  const sig = kinds.length > 0 ? lookupBuiltin(name, kinds) : undefined;
  if (sig === undefined) {
    const any = lookupBuiltin(name);
    if (any !== undefined && any.kind !== "series") {
      state.report(misplacedBuiltin(any, env, call.callee.span));
    } else if (any !== undefined) {
      state.report(makeDiagnostic("E0209", call.callee.span, `'${name}' is a price series, not a function`, { label: "cannot be called", hints: [`write ${name} without parentheses`] }));
    } else {
      state.report(unknownFunction(name, call.callee.span, kinds));
    }
    return Ty.error;
  }
  const bound = bindCall(state, env, sig, call.args, call.span, name);
  if (bound === null) return Ty.error;
  state.calls.set(call.id, bound);
  return resultType(state, sig, bound);
}

function resultType(state: CheckState, sig: BuiltinSig, bound: BoundCall): Ty {
  const result = sig.result;
  if (result.kind === "sameAs") {
    const arg = bound.args[result.index];
    const t = arg === null || arg === undefined ? undefined : state.types.get(arg.id);
    const unit = t === undefined ? null : unitOf(t);
    if (t?.kind === "error") return Ty.error;
    return unit === null ? Ty.series("number") : t?.kind === "scalar" ? Ty.scalar(unit) : Ty.series(unit);
  }
  if (sig.kind === "model") return Ty.model;
  return fromSig(result);
}

/** `sma(source: series<number>, period: int)`: a builtin's signature for hints. */
export function signatureText(sig: BuiltinSig): string {
  return `${sig.name}(${sig.params.map((p) => `${p.name}: ${showType(fromSig(p.type))}${p.default === undefined ? "" : ` = ${defaultText(p)}`}`).join(", ")})`;
}

/** A parameter's default as the user would write it: 2%, 10d, "close", [1, 2]. */
function defaultText(param: ParamSig): string {
  const d = param.default;
  const ty = fromSig(param.type);
  const unit = unitOf(ty) ?? (ty.kind === "list" ? unitOf(ty.of) : null);
  const one = (v: number | string | boolean): string =>
    typeof v === "number" ? showNumber(v, unit ?? "number") : typeof v === "string" ? (ty.kind === "enum" ? v : JSON.stringify(v)) : String(v);
  if (d === undefined) return "";
  return Array.isArray(d) ? `[${d.map(one).join(", ")}]` : one(d as number | string | boolean);
}

/** Binds arguments to a builtin's parameters and checks them; null when the call is unusable. */
export function bindCall(state: CheckState, env: Env, sig: BuiltinSig, args: readonly Arg[], span: Span, written: string): BoundCall | null {
  const slots: (Arg | null)[] = sig.params.map(() => null);
  let positional = 0;
  let firstNamed: Arg | null = null;
  let ok = true;
  for (const arg of args) {
    if (arg.name === null) {
      if (firstNamed !== null) {
        state.report(
          makeDiagnostic("E0316", argSpan(arg), `positional argument after a named one in '${written}'`, {
            label: "positional argument",
            secondary: [{ span: argSpan(firstNamed), message: "named argument here" }],
            hints: ["put positional arguments first, or name this one too"],
          }),
        );
        ok = false;
        continue;
      }
      const index = positional++;
      if (index >= sig.params.length) {
        state.report(
          makeDiagnostic("E0314", argSpan(arg), `'${sig.name}' takes ${sig.params.length} argument${sig.params.length === 1 ? "" : "s"}, found ${args.length}`, {
            label: "extra argument",
            hints: [sig.params.length === 0 ? `write ${sig.name} without arguments` : `the signature is ${signatureText(sig)}`],
          }),
        );
        ok = false;
        continue;
      }
      slots[index] = arg;
      continue;
    }
    firstNamed ??= arg;
    const name = arg.name.name;
    const index = sig.params.findIndex((p) => p.name === name);
    if (index < 0) {
      state.report(
        makeDiagnostic("E0312", arg.name.span, `'${sig.name}' has no argument named '${name}'`, {
          label: "unknown argument",
          hints: [didYouMean(name, sig.params.map((p) => p.name)) ?? `the signature is ${signatureText(sig)}`],
        }),
      );
      ok = false;
      continue;
    }
    const previous = slots[index];
    if (previous !== null && previous !== undefined) {
      state.report(
        makeDiagnostic("E0315", argSpan(arg), `argument '${name}' of '${sig.name}' is given twice`, {
          label: "given again here",
          secondary: [{ span: argSpan(previous), message: "first given here" }],
        }),
      );
      ok = false;
      continue;
    }
    slots[index] = arg;
  }
  sig.params.forEach((param, i) => {
    const arg = slots[i];
    if (arg === null || arg === undefined) {
      // after a misplaced or misnamed argument, a "missing" one is usually that same argument
      if (param.default === undefined && ok) {
        state.report(
          makeDiagnostic("E0313", span, `missing argument '${param.name}' of '${sig.name}'`, {
            label: `needs ${param.name}: ${param.doc}`,
            hints: [`the signature is ${signatureText(sig)}`],
          }),
        );
        ok = false;
      }
      return;
    }
    const t = checkExpr(state, env, arg.value, expectedOf(param.type));
    if (t.kind !== "error") checkArgDomain(state, sig, param, arg.value, t);
  });
  if (!ok) return null;
  return { sig, args: slots.map((a) => a?.value ?? null) };
}

function expectedOf(type: SigType): Ty {
  return fromSig(type);
}

/** Checks a constant argument (or a param's whole domain) against the builtin parameter's domain. */
function checkArgDomain(state: CheckState, sig: BuiltinSig, param: ParamSig, expr: Expr, ty: Ty): void {
  const domain = param.domain;
  if (domain === undefined) return;
  const unit = displayUnit(ty);
  const outside = (x: number): boolean => (domain.min !== undefined && x < domain.min) || (domain.max !== undefined && x > domain.max);
  const value = evaluate(state, expr);
  const numbers = typeof value === "number" ? [value] : Array.isArray(value) ? value.filter((v): v is number => typeof v === "number") : [];
  for (const x of numbers) {
    if (outside(x)) {
      state.report(
        makeDiagnostic("E0401", expr.span, `${param.name} of '${sig.name}' must be ${showDomain(domain.min, domain.max, unit)}, found ${showNumber(x, unit)}`, {
          label: "outside the allowed range",
          hints: [`${param.name}: ${param.doc}`],
        }),
      );
      return;
    }
  }
  if (value !== undefined) return;
  const target = expr.kind === "Paren" ? expr.inner : expr;
  if (target.kind !== "Name") return;
  const meaning = state.names.get(target.id);
  if (meaning?.kind !== "param") return;
  const info = paramInfo(state, meaning.item, target.span.file);
  if (info.domain !== null && "min" in info.domain) {
    const bad = outside(info.domain.min) ? info.domain.min : outside(info.domain.max) ? info.domain.max : null;
    if (bad !== null) {
      state.report(
        makeDiagnostic("E0406", expr.span, `param '${meaning.item.name.name}' may be ${showNumber(bad, unit)}, but ${param.name} of '${sig.name}' must be ${showDomain(domain.min, domain.max, unit)}`, {
          label: "the param's domain is wider than the argument allows",
          secondary: [{ span: meaning.item.name.span, message: "param declared here" }],
          hints: [narrowHint(info.domain.min, info.domain.max, domain.min, domain.max, unit)],
        }),
      );
    }
  } else if (typeof info.default === "number" && outside(info.default)) {
    state.report(
      makeDiagnostic("E0406", expr.span, `param '${meaning.item.name.name}' defaults to ${showNumber(info.default, unit)}, but ${param.name} of '${sig.name}' must be ${showDomain(domain.min, domain.max, unit)}`, {
        label: "the param's default is outside the argument's range",
        secondary: [{ span: meaning.item.name.span, message: "param declared here" }],
      }),
    );
  }
}

function displayUnit(ty: Ty): string {
  if (ty.kind === "list") return displayUnit(ty.of);
  return unitOf(ty) ?? "number";
}

function narrowHint(min: number, max: number, lo: number | undefined, hi: number | undefined, unit: string): string {
  const from = lo === undefined ? min : Math.max(min, lo);
  const to = hi === undefined ? max : Math.min(max, hi);
  return from <= to ? `narrow the param's domain, e.g. \`in [${showNumber(from, unit)}, ${showNumber(to, unit)}]\`` : `the argument must be ${showDomain(lo, hi, unit)}`;
}

/** An argument's text: `name: value` or the value alone. */
function argSpan(arg: Arg): Span {
  return arg.name === null ? arg.value.span : joinSpans(arg.name.span, arg.value.span);
}
