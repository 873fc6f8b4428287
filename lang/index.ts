// The public surface of the compiler: the CLI and tools import only this.

export { compile, compileSources, type CompileHost, type CompileOptions, type CompileOutput } from "./compile.js";
export { parse, type Comment, type ParseResult } from "./parse.js";
export { format } from "./format.js";
export { SourceFile, type Span, type LineCol } from "./source.js";
export { hasErrors, sortDiagnostics, type Diagnostic, type Label, type Severity } from "./diagnostics/diagnostic.js";
export { CODES, lookupCode } from "./diagnostics/codes.js";
export type { CodeEntry } from "./diagnostics/code-entry.js";
export { renderText, type RenderTextOptions } from "./diagnostics/render-text.js";
export { renderJson } from "./diagnostics/render-json.js";
export { canonicalJson, sha256Hex } from "./canonical.js";
export { didYouMean, suggest } from "./diagnostics/suggest.js";
export { PLAN_VERSION } from "./lower.js";
export type * as Ast from "./ast.js";
export type { Plan } from "../specs/generated/plan.js";
