// npm run demo: the main job on bundled data, through the built CLI.
// Uses its own store (.strat/demo.db), recreated on every demo run, so the
// user's store is never touched.

import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const bin = join(root, "dist/runtime/cli/main.js");
const store = ".strat/demo.db";
mkdirSync(join(root, ".strat"), { recursive: true });
for (const suffix of ["", "-wal", "-shm"]) rmSync(join(root, store + suffix), { force: true });

let failures = 0;

/** Runs one CLI step; `ok` lists the exit codes that are expected outcomes. */
function step(title, args, ok = [0]) {
  process.stdout.write(`\n\x1b[1m$ strat ${args.join(" ")}\x1b[0m   # ${title}\n`);
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", env: { ...process.env, STRAT_STORE: store } });
  process.stdout.write(result.stdout);
  process.stdout.write(result.stderr);
  if (!ok.includes(result.status ?? -1)) {
    failures++;
    process.stdout.write(`!! step failed with exit code ${result.status}\n`);
  }
  return result;
}

step("type-check the project's strategies and gates", ["check"]);
step("the sources are in canonical layout", ["fmt", "--check"]);
step("compile the canonical plan", ["compile", "-o", ".strat/plan.json"]);
step("preview what the plan will do", ["plan"]);

process.stdout.write(failures === 0 ? "\ndemo finished: every step behaved as expected\n" : `\ndemo finished with ${failures} failed step(s)\n`);
process.exitCode = failures === 0 ? 0 : 1;
