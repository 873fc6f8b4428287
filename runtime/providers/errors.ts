// Provider failures are values: every failure a user can cause or fix (a missing file, a bad row,
// a model that times out) is a ProviderError with a stable R01xx code, a headline and a hint.
// Providers reject their promise only with a ProviderError; any other rejection is a bug.
// The documented path for callers is `settle()` (or loadData / runModel built on it), which turns
// the rejection into `{ ok: false, error }` so the CLI prints code, message and hint, no stack.

/** Stable codes of provider failures (catalogue with long forms in codes.ts). */
export type ProviderErrorCode =
  | "R0101" | "R0102" | "R0103" | "R0104" | "R0105" | "R0106" | "R0107" | "R0108" | "R0109" | "R0110" | "R0111" | "R0112" | "R0113" | "R0114"
  | "R0150" | "R0151" | "R0152" | "R0153";

/** A failure the user can fix: stable code, one-clause lowercase headline, and what to do. */
export class ProviderError extends Error {
  /** Stable code, R01xx. */
  readonly code: ProviderErrorCode;
  /** What to do about it, one sentence. */
  readonly hint: string;

  constructor(code: ProviderErrorCode, message: string, hint: string) {
    super(message);
    this.name = "ProviderError";
    this.code = code;
    this.hint = hint;
  }
}

/** Asked for a provider name that does not exist (R0101). */
export class UnknownProviderError extends ProviderError {
  /** The provider names that do exist for that kind, sorted. */
  readonly known: readonly string[];

  constructor(kind: string, name: string, known: readonly string[]) {
    super("R0101", `unknown ${kind} provider \`${name}\``, `use one of: ${known.join(", ")}`);
    this.name = "UnknownProviderError";
    this.known = known;
  }
}

/** Options that do not match a provider's options schema (R0102). */
export class ProviderOptionsError extends ProviderError {
  /** One line per schema violation, e.g. `/on_bad_rows must be one of "error", "drop"`. */
  readonly problems: readonly string[];

  constructor(provider: string, problems: readonly string[]) {
    super("R0102", `invalid options for provider \`${provider}\`: ${problems.join("; ")}`, `fix the options; the schema is specs/providers/${provider}.schema.json`);
    this.name = "ProviderOptionsError";
    this.problems = problems;
  }
}

/** Success or a provider error, for callers that must not see exceptions. */
export type ProviderResult<T, E extends ProviderError = ProviderError> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** Awaits a provider call; a ProviderError becomes `{ ok: false }`, anything else is a bug and is rethrown. */
export async function settle<T>(work: Promise<T>): Promise<ProviderResult<T>> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    if (error instanceof ProviderError) return { ok: false, error };
    throw error;
  }
}

/** Renders an error for a terminal: `error[R0106]: headline` then `  hint: ...`; no stack. */
export function formatProviderError(error: ProviderError): string {
  return `error[${error.code}]: ${error.message}\n  hint: ${error.hint}`;
}
