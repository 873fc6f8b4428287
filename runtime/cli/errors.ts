// Errors the CLI shows. A UserError is a mistake the user can fix: printed
// without a stack, with what to do. Anything else that escapes a command is a
// bug: printed with its stack and exit code 70 so it gets reported.

/** Exit codes, documented in `strat --help` and grammar.md. */
export const EXIT = {
  ok: 0,
  error: 1,
  usage: 2,
  gateFail: 3,
  gateInsufficient: 4,
  bug: 70,
} as const;

/** A problem caused by input (flags, files, data, database) with a hint on what to do. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly hint: string | null = null,
    readonly exitCode: number = EXIT.error,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = "UserError";
  }
}

/** Formats a user error for stderr: `error[R0201]: message` and `  = hint: ...`. */
export function formatUserError(error: UserError): string {
  const head = error.code ? `error[${error.code}]: ${error.message}` : `error: ${error.message}`;
  return error.hint ? `${head}\n  = hint: ${error.hint}\n` : `${head}\n`;
}
