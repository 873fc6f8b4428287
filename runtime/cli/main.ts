#!/usr/bin/env node
// The strat binary.

import { runCli } from "./run-cli.js";
import { processIo } from "./io.js";

runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`internal error: ${String(error)}\n`);
    process.exitCode = 70;
  },
);
