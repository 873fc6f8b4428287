// Every ```strat block in grammar.md and README.md compiles clean; a block
// whose info string says `error=E0402` must produce that code. A block may
// import other project files by path, as a user's file would.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../lang/index.js";
import { packageRoot } from "../specs/locate.js";
import { join } from "node:path";

/** A fenced strat block from a markdown file. */
interface DocBlock {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly expectedCode: string | null;
}

function extractBlocks(file: string): DocBlock[] {
  const text = readFileSync(join(packageRoot(), file), "utf8");
  const blocks: DocBlock[] = [];
  const fence = /^```strat([^\n]*)\n([\s\S]*?)^```/gm;
  for (let m = fence.exec(text); m !== null; m = fence.exec(text)) {
    const info = m[1] ?? "";
    const code = /error=(E\d{4}|W\d{4})/.exec(info)?.[1] ?? null;
    blocks.push({ file, line: text.slice(0, m.index).split("\n").length, text: m[2] ?? "", expectedCode: code });
  }
  return blocks;
}

function compileBlock(block: DocBlock) {
  const path = `doc/${block.file.replace(/\W/g, "_")}_${block.line}.strat`;
  const root = packageRoot();
  return compile({
    roots: [path],
    host: { readFile: (p: string) => (p === path ? block.text : readFileOrUndefined(join(root, p))) },
  });
}

function readFileOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

const blocks = ["grammar.md", "README.md"].flatMap(extractBlocks);

describe("strat blocks in the documentation", () => {
  it("finds blocks in both files", () => {
    expect(blocks.some((b) => b.file === "README.md")).toBe(true);
    expect(blocks.filter((b) => b.file === "grammar.md").length).toBeGreaterThan(20);
  });
  for (const block of blocks) {
    const name = `${block.file}:${block.line}${block.expectedCode ? ` (expects ${block.expectedCode})` : ""}`;
    it(name, () => {
      const out = compileBlock(block);
      const codes = out.diagnostics.map((d) => `${d.code} ${d.message}`);
      if (block.expectedCode) expect(out.diagnostics.map((d) => d.code)).toContain(block.expectedCode);
      else expect(codes).toEqual([]);
    });
  }
});
