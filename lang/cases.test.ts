// The diagnostics golden suite: every file under lang/__cases__/<group>/ is
// compiled on its own and its rendered diagnostics are compared with
// lang/__golden__/<group>/<name>.txt (the numbered source, then the output).
// Files whose name starts with `_` are only imported by other cases.
// Goldens change only through `npm run test:update`.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compile, renderText } from "./index.js";

const casesDir = fileURLToPath(new URL("./__cases__", import.meta.url));

function listCases(): { group: string; name: string }[] {
  const out: { group: string; name: string }[] = [];
  for (const group of readdirSync(casesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const file of readdirSync(join(casesDir, group)).sort()) {
      if (file.endsWith(".strat") && !file.startsWith("_")) out.push({ group, name: file.slice(0, -".strat".length) });
    }
  }
  return out;
}

function numbered(text: string): string {
  return text
    .split("\n")
    .map((line, i) => `${String(i + 1).padStart(3)} | ${line}`.trimEnd())
    .join("\n");
}

const cases = listCases();

describe("diagnostics goldens", () => {
  it("has at least 60 bad inputs", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });
  for (const c of cases) {
    it(`${c.group}/${c.name}`, async () => {
      const path = `${c.group}/${c.name}.strat`;
      const host = {
        readFile: (p: string) => {
          try {
            return readFileSync(join(casesDir, p), "utf8");
          } catch {
            return undefined;
          }
        },
      };
      const out = compile({ roots: [path], host });
      expect(out.diagnostics.length, "a bad input must produce at least one diagnostic").toBeGreaterThan(0);
      const source = host.readFile(path) ?? "";
      const rendered = renderText(out.diagnostics, out.files, { color: false });
      await expect(`${numbered(source)}\n${"-".repeat(60)}\n${rendered}`).toMatchFileSnapshot(`./__golden__/${c.group}/${c.name}.txt`);
    });
  }
});
