// npm run bench: every benchmark, printed as tables with ratios against the floors.

import { packageRoot } from "../specs/locate.js";
import { benchCompile } from "./compile.js";
import { renderBenchTable } from "./table.js";

const root = packageRoot();
process.stdout.write(`strat benchmarks on node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n\n`);
process.stdout.write(renderBenchTable("Compiler", benchCompile(root)));
