// strat explain CODE: the long form of a compiler (E/W) or runtime (R) code;
// without a code, the list.

import { CODES as COMPILER_CODES } from "../../../lang/index.js";
import { RUNTIME_CODES } from "../runtime-codes.js";
import { EXIT, UserError } from "../errors.js";
import type { CliIo } from "../io.js";

const CODES = [...COMPILER_CODES, ...RUNTIME_CODES];

/** Runs `strat explain`; returns the exit code. */
export function runExplain(io: CliIo, code: string | undefined): number {
  if (code === undefined) {
    for (const entry of CODES) io.out(`${entry.code}  ${entry.title}\n`);
    return EXIT.ok;
  }
  const entry = CODES.find((c) => c.code === code.toUpperCase());
  if (!entry) {
    const prefix = code.toUpperCase().slice(0, 3);
    const near = CODES.filter((c) => c.code.startsWith(prefix)).slice(0, 5).map((c) => c.code);
    throw new UserError(`no diagnostic code '${code}'`, near.length > 0 ? `codes near it: ${near.join(", ")}; \`strat explain\` lists all` : "`strat explain` lists every code");
  }
  io.out(`${entry.code}: ${entry.title}\n\n${entry.explain.trim()}\n`);
  return EXIT.ok;
}
