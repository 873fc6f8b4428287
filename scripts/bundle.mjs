// Bundles the built CLI (dist/runtime/cli/main.js) into dist/cli/ with esbuild so
// `strat` starts by reading a few files instead of resolving hundreds of ES
// modules (chevrotain's lodash-es alone is ~600). Commands stay in separate
// chunks loaded on demand, so `strat check` never loads the store or engine.
// better-sqlite3 is a native addon and stays external.

import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { rmSync } from "node:fs";

const root = dirname(dirname(fileURLToPath(import.meta.url)));

// Chunk names carry content hashes: clear old ones so dist/cli holds one build.
rmSync(join(root, "dist/cli"), { recursive: true, force: true });

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
  // CommonJS dependencies (ajv, commander) call require(); give ESM chunks one.
  banner: { js: 'import { createRequire as __stratCreateRequire } from "node:module"; const require = __stratCreateRequire(import.meta.url);' },
  logLevel: "warning",
  legalComments: "none",
  minify: true,
  keepNames: true,
});
