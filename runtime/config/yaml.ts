// strat.yaml's parser (the yaml package, ~120 KB of code) is loaded only when
// a strat.yaml exists: a command run outside a project never pays for it.
// loadConfig is synchronous, so the CLI preloads the parser with a dynamic
// import (the bundle keeps it in its own chunk) before a command reads its
// configuration; any other caller gets it through a synchronous require of the
// same package.

import { createRequire } from "node:module";
import { findProjectFile } from "./project-file.js";

type Parse = (text: string) => unknown;

let parse: Parse | null = null;

/** Loads the YAML parser when `cwd` is inside a project (a strat.yaml in it or a parent); call before loadConfig. */
export async function preloadYamlFor(cwd: string): Promise<void> {
  if (parse === null && findProjectFile(cwd) !== null) {
    // yaml is CommonJS: its module.exports is the default export, natively and in the bundle.
    const { default: yaml } = await import("yaml");
    parse ??= (text) => yaml.parse(text);
  }
}

/** Parses YAML text, loading the parser synchronously when preloadYamlFor did not. Throws the parser's error on bad YAML. */
export function parseYaml(text: string): unknown {
  parse ??= loadSync();
  return parse(text);
}

/** Whether the YAML parser has been loaded in this process (tests check that start-up outside a project does not load it). */
export function yamlLoaded(): boolean {
  return parse !== null;
}

function loadSync(): Parse {
  const yaml = createRequire(import.meta.url)("yaml") as typeof import("yaml");
  return (text) => yaml.parse(text);
}
