// Lets: `let name = expr`, a named intermediate that lowering inlines. A let
// is typed once, on first use or in declaration order; a let that reaches
// itself through other lets is a cycle (E0213).

import type { LetItem, NameExpr } from "../ast.js";
import { makeDiagnostic } from "../diagnostics/problems.js";
import type { CheckState, Env } from "./context.js";
import { checkExpr } from "./expr.js";
import { Ty } from "./types.js";

/** The type of a let (memoised); reports a cycle at the reference that closes it. */
export function letType(state: CheckState, env: Env, item: LetItem, ref: NameExpr | null): Ty {
  const known = state.lets.get(item.id);
  if (known === "pending") {
    state.report(
      makeDiagnostic("E0213", ref?.span ?? item.name.span, `let '${item.name.name}' depends on itself`, {
        label: "this reference closes the cycle",
        secondary: [{ span: item.name.span, message: "declared here" }],
        hints: ["a let must be computable from params, price series and other lets"],
      }),
    );
    return Ty.error;
  }
  if (known !== undefined) return known;
  state.lets.set(item.id, "pending");
  const t = checkExpr(state, { ...env, place: `let '${item.name.name}'`, exitRules: false, paramsOnly: false }, item.value, null);
  state.lets.set(item.id, t);
  return t;
}
