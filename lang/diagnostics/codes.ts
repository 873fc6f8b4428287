// The one sorted registry of diagnostic codes, ranged by phase:
// E01xx lexer and parser, E02xx names and imports, E03xx types and units,
// E04xx params and domains, E05xx cross-declaration rules, E06xx lowering (a bug),
// W0xxx warnings. Never reuse a code.

import type { CodeEntry } from "./code-entry.js";
import { SYNTAX_CODES } from "./codes-syntax.js";
import { SEMANTIC_CODES } from "./codes-semantic.js";

/** Every code, sorted. */
export const CODES: readonly CodeEntry[] = [...SYNTAX_CODES, ...SEMANTIC_CODES].sort((a, b) => (a.code < b.code ? -1 : 1));

const BY_CODE: ReadonlyMap<string, CodeEntry> = new Map(CODES.map((c) => [c.code, c]));

/** Finds a code's entry (case-insensitive). */
export function lookupCode(code: string): CodeEntry | undefined {
  return BY_CODE.get(code.toUpperCase());
}
