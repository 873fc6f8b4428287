// Bundles the built CLI (dist/runtime/cli/main.js) into dist/cli/ with esbuild so
// `strat` starts by reading a few files instead of resolving hundreds of ES
// modules (chevrotain's lodash-es alone is ~600). Commands stay in separate
// chunks loaded on demand, so `strat check` never loads the store or engine;
// code needed only sometimes (yaml, cli-table3) sits in chunks of its own,
// imported when used, because compiling code costs start-up time even when it
// never runs. better-sqlite3 is a native addon and stays external.
// cron-parser and luxon are CommonJS and needed synchronously, by the checker,
// only for a cron expression: lang/check/cron-loader.ts requires them on first
// use, from one minified file written here beside the chunks.

import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";

const root = dirname(dirname(fileURLToPath(import.meta.url)));

// Chunk names carry content hashes: clear old ones so dist/cli holds one build.
rmSync(join(root, "dist/cli"), { recursive: true, force: true });

const CRON_BUNDLE = "cron-parser.cjs";

await build({
  // The CSV worker is its own entry: csv-read.ts starts it as ./csv-worker.js beside the chunk.
  entryPoints: { main: join(root, "dist/runtime/cli/main.js"), "csv-worker": join(root, "dist/runtime/providers/data/csv-worker.js") },
  outdir: join(root, "dist/cli"),
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["better-sqlite3"],
  define: { STRAT_CRON_BUNDLE: JSON.stringify(`./${CRON_BUNDLE}`) },
  // CommonJS dependencies (ajv, commander) call require(); give ESM chunks one.
  banner: { js: 'import { createRequire as __stratCreateRequire } from "node:module"; const require = __stratCreateRequire(import.meta.url);' },
  logLevel: "warning",
  legalComments: "none",
  minify: true,
  keepNames: true,
});

// luxon is resolved from cron-parser's folder, so the bundle holds the copy cron-parser uses (its locale is pinned).
await build({
  stdin: {
    contents: 'module.exports = { CronExpressionParser: require("cron-parser").CronExpressionParser, Settings: require("luxon").Settings };',
    resolveDir: dirname(createRequire(import.meta.url).resolve("cron-parser")),
    loader: "js",
  },
  outfile: join(root, "dist/cli", CRON_BUNDLE),
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  logLevel: "warning",
  legalComments: "none",
  minify: true,
  keepNames: true,
});
