// Runs the CLI on an argv and an io, mapping outcomes to exit codes.
// User mistakes print a message and a hint (no stack); anything else is a bug.

import { CommanderError } from "commander";
import { createProgram, type ProgramState } from "./program.js";
import { EXIT, formatUserError, UserError } from "./errors.js";
import type { CliIo } from "./io.js";

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const state: ProgramState = { exitCode: EXIT.ok };
  const program = createProgram(io, state);
  program.exitOverride();
  try {
    await program.parseAsync([...argv], { from: "user" });
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return EXIT.ok;
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UserError) {
      io.err(formatUserError(error));
      return error.exitCode;
    }
    const err = error as Error;
    io.err(`internal error: ${err.message}\n${err.stack ?? ""}\nThis is a bug in strat; please report it with the command you ran.\n`);
    return EXIT.bug;
  }
}

