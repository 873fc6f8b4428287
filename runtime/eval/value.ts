// What evaluating a plan expression yields, and how evaluation fails.
//
// Series are Float64Array, one value per bar. Booleans are 1 / 0 and NaN means
// "unknown" (a warm-up bar): a signal fires only where its value is neither 0 nor
// NaN. Scalars (params, literals and arithmetic on them) stay scalars and are
// broadcast only when combined with a series.

/** An evaluated expression. */
export type Value =
  | { readonly kind: "scalar"; readonly value: number | string | boolean }
  | { readonly kind: "series"; readonly data: Float64Array }
  | { readonly kind: "record"; readonly fields: Readonly<Record<string, Float64Array>> }
  | { readonly kind: "list"; readonly items: readonly Value[] };

/** Why an expression could not be evaluated; the message says what to do. */
export interface EvalError {
  readonly kind:
    | "unknown_param"
    | "unknown_model"
    | "unknown_function"
    | "unknown_field"
    | "bad_argument"
    | "type_mismatch"
    | "length_mismatch";
  readonly message: string;
}

/** Success with a value, or an evaluation error. */
export type EvalResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: EvalError };

/** Wraps a value as a success. */
export function ok<T>(value: T): EvalResult<T> {
  return { ok: true, value };
}

/** Builds a failure. */
export function fail<T>(kind: EvalError["kind"], message: string): EvalResult<T> {
  return { ok: false, error: { kind, message } };
}

/** Describes a value's kind for messages ("a series", "the string \"x\"", ...). */
export function describeValue(v: Value): string {
  if (v.kind === "scalar") return typeof v.value === "string" ? `the string "${v.value}"` : `the ${typeof v.value} ${String(v.value)}`;
  return v.kind === "series" ? "a series" : v.kind === "record" ? "a record of series" : "a list";
}
