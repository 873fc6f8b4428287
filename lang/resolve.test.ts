// Loading (imports, cycles) and name resolution across files.
import { describe, expect, it } from "vitest";
import { compileSources } from "./compile.js";
import { importPathFrom, normalizeRoot, resolveImportPath } from "./load.js";

const GATE = (name: string) => `gate ${name} { require trades >= 30 }\n`;
const RUN = (step: string) => `schedule n { cron "0 6 * * *"  run ${step} }\n`;

function codesOf(files: Record<string, string>, roots?: string[]) {
  const out = compileSources(files, roots);
  return out.diagnostics.map((d) => ({ code: d.code, file: d.span.file, at: files[d.span.file]?.slice(d.span.start, d.span.end) ?? "", message: d.message, secondary: d.secondary.map((s) => s.span.file) }));
}

describe("import paths", () => {
  it("resolves relative to the importing file and stays inside the project", () => {
    expect(resolveImportPath("strategies/a.strat", "../gates/q.strat")).toBe("gates/q.strat");
    expect(resolveImportPath("a.strat", "./lib/x.strat")).toBe("lib/x.strat");
    expect(resolveImportPath("a.strat", "../x.strat")).toBeNull();
    expect(resolveImportPath("a.strat", "/etc/x.strat")).toBeNull();
    expect(resolveImportPath("a.strat", "lib\\x.strat")).toBeNull();
    expect(normalizeRoot("./strategies//a.strat")).toBe("strategies/a.strat");
    expect(importPathFrom("strategies/a.strat", "gates/q.strat")).toBe("../gates/q.strat");
  });
});

describe("loading", () => {
  it("follows imports from the roots and parses each file once", () => {
    const out = compileSources(
      {
        "strategies/main.strat": `import "../gates/q.strat"\nimport "../gates/q.strat"\n${RUN("q")}`,
        "gates/q.strat": GATE("q"),
        "unrelated.strat": GATE("other"),
      },
      ["strategies/main.strat"],
    );
    expect(out.diagnostics).toEqual([]);
    expect(out.modules.map((m) => m.file)).toEqual(["gates/q.strat", "strategies/main.strat"]);
    expect(out.plan?.sources.map((s) => s.path)).toEqual(["gates/q.strat", "strategies/main.strat"]);
  });

  it("reports a missing import at the import and a missing root without a span", () => {
    expect(codesOf({ "a.strat": `import "gates.strat"\n${GATE("a")}` })).toMatchObject([{ code: "E0201", at: '"gates.strat"', message: "cannot find file 'gates.strat'" }]);
    const out = compileSources({}, ["nope.strat"]);
    expect(out.diagnostics.map((d) => [d.code, d.span.file])).toEqual([["E0201", "nope.strat"]]);
    expect(out.plan).toBeNull();
  });

  it("reports import paths that leave the project", () => {
    expect(codesOf({ "a.strat": `import "../outside.strat"\n${GATE("a")}` }).map((d) => d.code)).toEqual(["E0204"]);
  });

  it("shows the whole import cycle once", () => {
    const d = codesOf({
      "a.strat": `import "b.strat"\n${GATE("a")}`,
      "b.strat": `import "c.strat"\n${GATE("b")}`,
      "c.strat": `import "a.strat"\n${GATE("c")}`,
    });
    expect(d.map((x) => [x.code, x.file, x.message])).toEqual([["E0202", "c.strat", "import cycle: c.strat -> a.strat -> b.strat -> c.strat"]]);
    expect(d[0]?.secondary).toEqual(["a.strat", "b.strat"]);
  });

  it("reports a file that imports itself", () => {
    expect(codesOf({ "a.strat": `import "a.strat"\n${GATE("a")}` }).map((d) => d.message)).toEqual(["import cycle: a.strat -> a.strat"]);
  });
});

describe("names across files", () => {
  it("brings every name of a file with import \"x\", only the named ones with import { }", () => {
    expect(codesOf({ "main.strat": `import "g.strat"\n${RUN("q then r")}`, "g.strat": GATE("q") + GATE("r") })).toEqual([]);
    const d = codesOf({ "main.strat": `import { q } from "g.strat"\n${RUN("q then r")}`, "g.strat": GATE("q") + GATE("r") });
    expect(d.map((x) => [x.code, x.at])).toEqual([["E0214", "r"]]);
  });

  it("does not pass imports on: each file imports what it uses", () => {
    const d = codesOf({
      "main.strat": `import "mid.strat"\n${RUN("q")}`,
      "mid.strat": `import "g.strat"\n${GATE("m")}`,
      "g.strat": GATE("q"),
    });
    expect(d.map((x) => [x.code, x.at, x.message])).toEqual([["E0214", "q", "'q' is declared in g.strat, which this file does not import"]]);
  });

  it("reports an imported name the file does not declare, with did you mean", () => {
    const out = compileSources({ "main.strat": `import { qq } from "g.strat"\n${RUN("q")}`, "g.strat": GATE("q") });
    const first = out.diagnostics[0];
    expect([first?.code, first?.hints[0]]).toEqual(["E0203", "did you mean q?"]);
  });

  it("reports duplicate declarations across files with the first one as secondary", () => {
    const d = codesOf({ "a.strat": GATE("q"), "b.strat": GATE("q") });
    expect(d.map((x) => [x.code, x.file, x.at, x.secondary])).toEqual([["E0205", "b.strat", "q", ["a.strat"]]]);
  });

  it("suggests declarations of the expected kind", () => {
    const out = compileSources({ "main.strat": `${GATE("quality")}sleeve qualiti { bucket safe  cap 10%  members ["SHY"] }\n${RUN("qualty")}` });
    expect(out.diagnostics.map((d) => [d.code, d.hints[0]])).toEqual([["E0207", "did you mean quality?"]]);
  });
});
