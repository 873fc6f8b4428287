import { describe, expect, it } from "vitest";
import { SourceFile } from "../source.js";
import type { Diagnostic } from "./diagnostic.js";
import { makeDiagnostic } from "./problems.js";
import { renderJson } from "./render-json.js";
import { renderText } from "./render-text.js";

const gate = new SourceFile("gates/q.strat", "gate q {\n  require trades >= 30\n\trequire max_drawdown <= 15\n}\n");
const strat = new SourceFile("s.strat", "strategy s {\n  param n: int = 1\n  param n: int = 2\n  entry long when close[-1] > close\n}\n");
const files = new Map([
  [gate.path, gate],
  [strat.path, strat],
]);

const at = (file: SourceFile, needle: string, nth = 0): { file: string; start: number; end: number } => {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = file.text.indexOf(needle, start + 1);
  return { file: file.path, start, end: start + needle.length };
};

const diagnostics: Diagnostic[] = [
  makeDiagnostic("E0407", at(gate, "15"), "15 is outside the range of max_drawdown, [0%, 100%]", {
    label: "a plain 15 is the ratio 1500%",
    hints: ["did you mean 15%?"],
  }),
  makeDiagnostic("E0206", at(strat, "n:", 1), "param 'n' is declared twice", {
    label: "declared again here",
    secondary: [{ span: at(strat, "n:", 0), message: "first declared here" }],
    hints: ["rename one of them"],
  }),
  makeDiagnostic("E0302", at(strat, "close", 1), "cannot compare a and b", {
    label: "this is b",
    secondary: [
      { span: at(strat, "close[-1]"), message: "this is a" },
      { span: at(gate, "trades"), message: "in another file" },
    ],
  }),
  makeDiagnostic("W0504", at(strat, "n:", 1), "param 'n' is never used"),
  makeDiagnostic("E0201", { file: "missing.strat", start: 0, end: 0 }, "cannot find file 'missing.strat'", { hints: ["check the spelling"] }),
];

describe("renderText", () => {
  it("renders like rustc: header, location, gutter, carets, secondary labels, hints", async () => {
    await expect(renderText(diagnostics, files)).toMatchFileSnapshot("./__golden__/render-text.txt");
  });

  it("has no ANSI codes unless asked, and colors when asked", () => {
    const text = renderText(diagnostics, files);
    expect(text).not.toContain("\u001b[");
    const colored = renderText(diagnostics, files, { color: true });
    expect(colored).toContain("\u001b[1;31merror[E0407]\u001b[0m");
    expect(colored.replace(/\u001b\[[0-9;]*m/g, "")).toBe(text);
  });

  it("expands tabs so carets line up", () => {
    const text = renderText([diagnostics[0] as Diagnostic], files);
    const lines = text.split("\n");
    const source = lines.findIndex((l) => l.startsWith("3 |"));
    const sourceLine = lines[source] ?? "";
    const caretLine = lines[source + 1] ?? "";
    expect(sourceLine.indexOf("15")).toBe(caretLine.indexOf("^^"));
  });

  it("returns an empty string for no diagnostics", () => {
    expect(renderText([], files)).toBe("");
  });
});

describe("renderJson", () => {
  it("gives 1-based positions with exclusive ends, labels and hints", () => {
    const parsed = JSON.parse(renderJson(diagnostics.slice(0, 2), files)) as { diagnostics: Record<string, unknown>[] };
    expect(parsed.diagnostics[0]).toEqual({
      code: "E0407",
      severity: "error",
      message: "15 is outside the range of max_drawdown, [0%, 100%]",
      file: "gates/q.strat",
      line: 3,
      column: 26,
      endLine: 3,
      endColumn: 28,
      label: "a plain 15 is the ratio 1500%",
      secondary: [],
      hints: ["did you mean 15%?"],
    });
    expect(parsed.diagnostics[1]?.["secondary"]).toEqual([{ file: "s.strat", line: 2, column: 9, endLine: 2, endColumn: 11, message: "first declared here" }]);
  });

  it("reports spans of unread files at 1:1", () => {
    const parsed = JSON.parse(renderJson([diagnostics[4] as Diagnostic], files)) as { diagnostics: { line: number; column: number; label: unknown }[] };
    expect(parsed.diagnostics[0]).toMatchObject({ line: 1, column: 1, label: null });
  });
});
