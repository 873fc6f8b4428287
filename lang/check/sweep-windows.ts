// Sweep windows and select: `windows search a..b, validate c..d, oos e..f`
// (each label at most once, from <= to, in time order search < validate <
// oos without overlap) and `select maximize|minimize metric subject to gate`
// (one select; a direction that contradicts the metric is a warning).

import type { BlockDecl, Expr, SelectItem, WindowSpec } from "../ast.js";
import type { Span } from "../source.js";
import { makeDiagnostic } from "../diagnostics/problems.js";
import { didYouMean } from "../diagnostics/suggest.js";
import type { CheckState, Env } from "./context.js";
import { evaluate } from "./evaluate.js";
import { checkExpr } from "./expr.js";
import { resolveMetric } from "./metric-rule.js";
import { Ty } from "./types.js";

/** Labels of sweep windows, in the order they must follow in time. */
export const WINDOW_LABELS = ["search", "validate", "oos"] as const;

/** Checks a sweep's windows item. */
export function checkWindows(state: CheckState, env: Env, block: BlockDecl): void {
  const items = block.items.filter((i) => i.kind === "Windows");
  items.slice(1).forEach((item) =>
    state.report(
      makeDiagnostic("E0520", item.span, "a sweep has one `windows` item", {
        label: "second windows item",
        secondary: [{ span: items[0]?.span ?? item.span, message: "first here" }],
        hints: ["list every window in one item: `windows search a..b, validate c..d, oos e..f`"],
      }),
    ),
  );
  const first = items[0];
  if (first === undefined || first.kind !== "Windows") return;
  const seen = new Map<string, WindowSpec>();
  const dated: { spec: WindowSpec; label: string; from: string; to: string }[] = [];
  for (const spec of first.windows) {
    const label = spec.label.name;
    if (!(WINDOW_LABELS as readonly string[]).includes(label)) {
      state.report(
        makeDiagnostic("E0507", spec.label.span, `unknown window label '${label}'`, {
          label: "not a window label",
          hints: [didYouMean(label, WINDOW_LABELS) ?? "the labels are search, validate and oos"],
        }),
      );
      continue;
    }
    const previous = seen.get(label);
    if (previous !== undefined) {
      state.report(
        makeDiagnostic("E0507", spec.label.span, `window '${label}' is given twice`, {
          label: "given again here",
          secondary: [{ span: previous.label.span, message: "first given here" }],
        }),
      );
      continue;
    }
    seen.set(label, spec);
    if (spec.range.kind === "Range" && (spec.range.from.kind === "NumberLit" || spec.range.to.kind === "NumberLit")) {
      state.report(yearsNotDates(label, spec.range.from, spec.range.to, spec.range.span));
      continue;
    }
    const t = checkExpr(state, { ...env, place: `the ${label} window` }, spec.range, Ty.range(Ty.scalar("date")));
    if (t.kind === "error" || spec.range.kind !== "Range") {
      if (t.kind !== "error") state.report(makeDiagnostic("E0301", spec.range.span, "expected a date range such as 2019-01-01..2021-12-31", { label: "not a range" }));
      continue;
    }
    const from = evaluate(state, spec.range.from);
    const to = evaluate(state, spec.range.to);
    if (typeof from !== "string" || typeof to !== "string") continue;
    if (from > to) {
      state.report(
        makeDiagnostic("E0508", spec.range.span, `the ${label} window ends before it starts`, {
          label: `${to} is before ${from}`,
          hints: [`write ${to}..${from}`],
        }),
      );
      continue;
    }
    dated.push({ spec, label, from, to });
  }
  dated.sort((a, b) => WINDOW_LABELS.indexOf(a.label as (typeof WINDOW_LABELS)[number]) - WINDOW_LABELS.indexOf(b.label as (typeof WINDOW_LABELS)[number]));
  for (let i = 1; i < dated.length; i++) {
    const prev = dated[i - 1];
    const next = dated[i];
    if (prev === undefined || next === undefined) continue;
    if (next.from <= prev.to) {
      const overlap = next.to >= prev.from;
      state.report(
        makeDiagnostic("E0509", next.spec.range.span, overlap ? `the ${next.label} window overlaps the ${prev.label} window` : `the ${next.label} window comes before the ${prev.label} window`, {
          label: `starts ${next.from}, before ${prev.label} ends (${prev.to})`,
          secondary: [{ span: prev.spec.range.span, message: `${prev.label} window` }],
          hints: ["windows run in time order, search < validate < oos, without overlap: results on data the search saw are not out of sample"],
        }),
      );
    }
  }
}

/** Checks a sweep's select item. */
export function checkSelect(state: CheckState, env: Env, block: BlockDecl): void {
  const selects = block.items.filter((i): i is SelectItem => i.kind === "Select");
  selects.slice(1).forEach((item) =>
    state.report(
      makeDiagnostic("E0520", item.span, "a sweep has one `select`", {
        label: "second select",
        secondary: [{ span: selects[0]?.span ?? item.span, message: "first here" }],
      }),
    ),
  );
  const select = selects[0];
  if (select === undefined) {
    state.report(
      makeDiagnostic("E0510", block.name.span, `sweep '${block.name.name}' has no select`, {
        label: "no objective",
        hints: ["add e.g. `select maximize sharpe(daily) subject to <gate>`"],
      }),
    );
    return;
  }
  const direction = select.direction.name;
  if (direction !== "maximize" && direction !== "minimize") {
    state.report(
      makeDiagnostic("E0311", select.direction.span, `select must maximize or minimize, found '${direction}'`, {
        label: "not a direction",
        hints: [didYouMean(direction, ["maximize", "minimize"]) ?? "write `select maximize <metric>` or `select minimize <metric>`"],
      }),
    );
  }
  const metric = resolveMetric(state, { ...env, place: "select" }, select.objective, null);
  if (metric === null) return;
  state.selects.set(select.id, { metric: metric.sig.name, args: metric.args });
  const better = metric.sig.higherIsBetter;
  if (better !== undefined && (direction === "maximize") !== better && (direction === "maximize" || direction === "minimize")) {
    state.report(
      makeDiagnostic("W0502", select.direction.span, `${direction} ${metric.sig.name} picks the ${better ? "worst" : "riskiest"} trial`, {
        label: `${metric.sig.name} is better when ${better ? "higher" : "lower"}`,
        hints: [`did you mean ${better ? "maximize" : "minimize"}?`],
      }),
    );
  }
}

/** E0301 for `search 2019..2021`: one diagnostic for the range, with the dates the years most likely stand for. */
function yearsNotDates(label: string, from: Expr, to: Expr, span: Span) {
  const year = (e: Expr): string | null => (e.kind === "NumberLit" && /^\d{4}$/.test(e.raw) ? e.raw : null);
  const [a, b] = [year(from), year(to)];
  const example = `${a === null ? "2019-01-01" : `${a}-01-01`}..${b === null ? "2021-12-31" : `${b}-12-31`}`;
  return makeDiagnostic("E0301", span, "expected a date range, found numbers", {
    label: "window bounds are dates, not numbers",
    hints: [`write dates as YYYY-MM-DD: \`windows ${label} ${example}\``],
  });
}
