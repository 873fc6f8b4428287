import { createRequire } from "node:module";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";
import { parseYaml, preloadYamlFor, yamlLoaded } from "./yaml.js";

/** Whether Node has loaded any file of the yaml package (a static import anywhere would). */
const yamlPackageLoaded = (): boolean => Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes("/node_modules/yaml/"));

// The order matters: the first test runs before anything in this file loads the parser.
describe("strat.yaml's parser loads only in a project", () => {
  it("is not loaded outside a project, and config still resolves", async () => {
    const dir = mkdtempSync(join(tmpdir(), "strat-yaml-none-"));
    await preloadYamlFor(dir);
    expect(yamlLoaded()).toBe(false);
    expect(loadConfig(dir, {}, {}).store).toEqual({ value: ".strat/strat.db", source: "default" });
    expect(yamlLoaded()).toBe(false);
    expect(yamlPackageLoaded()).toBe(false);
  });

  it("is loaded in a project, from a subfolder too, and reads strat.yaml", async () => {
    const dir = mkdtempSync(join(tmpdir(), "strat-yaml-project-"));
    writeFileSync(join(dir, "strat.yaml"), "store: a.db\nsources:\n  - strategies\n");
    mkdirSync(join(dir, "strategies"));
    await preloadYamlFor(join(dir, "strategies"));
    expect(yamlLoaded()).toBe(true);
    expect(yamlPackageLoaded()).toBe(true);
    const config = loadConfig(join(dir, "strategies"), {}, {});
    expect(config.store).toEqual({ value: "a.db", source: "strat.yaml" });
    expect(config.sources).toEqual({ value: ["strategies"], source: "strat.yaml" });
  });

  it("parses like the yaml package and throws its error on bad YAML", () => {
    expect(parseYaml("a: [1, 2]\nb: x\n")).toEqual({ a: [1, 2], b: "x" });
    expect(parseYaml("")).toBeNull();
    expect(() => parseYaml("store: [\n")).toThrow();
  });
});
