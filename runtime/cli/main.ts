#!/usr/bin/env node
// The strat binary.

import { runCli } from "./run-cli.js";
import { processIo } from "./io.js";

// A reader that stops early (`strat report R --json | head`) closes the pipe: the rest of the
// output has nowhere to go, which is not an error of strat's. Stop quietly instead of a stack trace.
// Anything already recorded in the store is committed before output is written.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`internal error: ${String(error)}\n`);
    process.exitCode = 70;
  },
);
