import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { format } from "./format.js";
import { SourceFile } from "./source.js";

const DESIGN = readFileSync(new URL("../examples/design.strat", import.meta.url), "utf8");
const fmt = (text: string): string => format(new SourceFile("t.strat", text)).value;

describe("format", () => {
  it("lays out the design example canonically", async () => {
    const out = fmt(DESIGN);
    await expect(out).toMatchFileSnapshot("./__golden__/design.formatted.strat");
    expect(fmt(out)).toBe(out);
  });

  it("puts one item per line with a two-space indent and one blank line between declarations", () => {
    expect(fmt('sleeve safe { bucket safe  cap 80%  members ["SHY", "IEF"]  weighting equal }\nsleeve b{cap 1%}')).toBe(
      'sleeve safe {\n  bucket safe\n  cap 80%\n  members ["SHY", "IEF"]\n  weighting equal\n}\n\nsleeve b {\n  cap 1%\n}\n',
    );
  });

  it("single-spaces tokens and prints literals as written", () => {
    expect(fmt("strategy s { x f( a ,b:1e-3 )[ 1 ]. y>=-2..3 + [ 1,2 ]  y $1.5m  z 10   bars }")).toBe(
      "strategy s {\n  x f(a, b: 1e-3)[1].y >= -2..3 + [1, 2]\n  y $1.5m\n  z 10 bars\n}\n",
    );
  });

  it("keeps at most one blank line between items, none at the edges of a block", () => {
    expect(fmt("gate g {\n\n\n  require a > 1\n\n\n\n  require b > 2\n  require c > 3\n\n}\n")).toBe(
      "gate g {\n  require a > 1\n\n  require b > 2\n  require c > 3\n}\n",
    );
  });

  it("keeps comments in place: own-line comments above, trailing ones two spaces after the code", async () => {
    const text = [
      "// file header",
      "",
      "/// the gate",
      "gate g {   // opens",
      "  // about trades",
      "  require trades >= 30      // enough",
      "  require win_rate /* inline */ >= 50%",
      "  // closing remark",
      "}  // after",
      "// end of file",
    ].join("\n");
    const out = fmt(text);
    await expect(out).toMatchFileSnapshot("./__golden__/comments.formatted.strat");
    expect(fmt(out)).toBe(out);
  });

  it("breaks a long `or` chain before each `or`, indented four more spaces, comments on their lines", () => {
    const text = "strategy s {\n  exit when trailing_stop(trail) // a\n or time_exit(10 bars) or take_profit([2%, 5%, 10%], scale_out: [30%, 30%, 40%])\n}";
    expect(fmt(text)).toBe(
      "strategy s {\n  exit when trailing_stop(trail)  // a\n      or time_exit(10 bars)\n      or take_profit([2%, 5%, 10%], scale_out: [30%, 30%, 40%])\n}\n",
    );
  });

  it("leaves a short `or` chain on one line", () => {
    expect(fmt("strategy s {\n  exit when a\n    or b\n}")).toBe("strategy s {\n  exit when a or b\n}\n");
  });

  it("returns the text unchanged, with diagnostics, when the file does not parse", () => {
    const text = "gate g {\n  require trades >=\n}\n";
    const out = format(new SourceFile("t.strat", text));
    expect(out.value).toBe(text);
    expect(out.diagnostics.map((d) => d.code)).toEqual(["E0111"]);
  });

  it("formats an empty file to nothing and a comment-only file to its comments", () => {
    expect(fmt("")).toBe("");
    expect(fmt("  // only\n\n\n/* two */\n")).toBe("// only\n\n/* two */\n");
  });

  it("keeps imports together, then a blank line before the rest", () => {
    expect(fmt('import "a.strat"\n\n\nimport { x, y } from "b.strat"\nconst k = 1\nconst j: percent = 2%')).toBe(
      'import "a.strat"\n\nimport { x, y } from "b.strat"\n\nconst k = 1\nconst j: percent = 2%\n',
    );
  });
});
