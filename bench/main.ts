// npm run bench: every benchmark, printed as tables with ratios against the floors.

import { availableParallelism, loadavg } from "node:os";
import { packageRoot } from "../specs/locate.js";
import { benchCompile } from "./compile.js";
import { benchRuntime } from "./runtime.js";
import { renderBenchTable } from "./table.js";

const root = packageRoot();
const load = loadavg().map((l) => l.toFixed(2)).join(" ");
process.stdout.write(`strat benchmarks: node ${process.version}, ${availableParallelism()} cores, load average ${load}\n`);
process.stdout.write("ratio > 1 means better than the floor; results vary with machine load.\n\n");
process.stdout.write(renderBenchTable("Compiler", benchCompile(root)) + "\n");
process.stdout.write(renderBenchTable("Runtime", benchRuntime(root)));
