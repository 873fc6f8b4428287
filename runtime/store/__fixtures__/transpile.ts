// Makes a TypeScript entry point runnable by a plain `node` child process (Node 20 cannot
// run .ts): transpiles the entry and every relative import it reaches, keeping the tree
// layout, into a directory under node_modules/.cache so bare imports (better-sqlite3)
// still resolve. Type-only imports vanish; nothing is type-checked here (tsc does that).

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

/** Transpiles `entry` (absolute .ts path) and its relative imports under `outDir`; returns the entry's .js path. */
export function transpileTree(entry: string, root: string, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "package.json"), '{ "type": "module" }\n');
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop();
    if (file === undefined || seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
      if (!imported.fileName.startsWith(".")) continue;
      const target = resolve(dirname(file), imported.fileName.replace(/\.js$/, ".ts"));
      if (existsSync(target)) pending.push(target);
    }
    const output = ts.transpileModule(text, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true, esModuleInterop: true },
      fileName: file,
    }).outputText;
    const out = join(outDir, relative(root, file).replace(/\.ts$/, ".js"));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, output);
  }
  return join(outDir, relative(root, entry).replace(/\.ts$/, ".js"));
}
