import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, it, expect } from "vitest";
import { REPO_ROOT } from "./data/test-support.js";
import { checkOptions, OPTION_SCHEMAS } from "./options.js";
import { findProvider, providerNames } from "./registry.js";

describe("checkOptions", () => {
  it("fills defaults into a copy and leaves the input alone", () => {
    const input = { path: "data" };
    const result = checkOptions("data-csv", input);
    expect(result).toEqual({ ok: true, value: { path: "data", on_bad_rows: "error", on_unsorted: "error", on_duplicate: "error" } });
    expect(input).toEqual({ path: "data" });
  });

  it("names unknown, missing and out-of-range options", () => {
    const result = checkOptions("model-ridge", { lags: 0, windw: 10 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.problems).toEqual(["unknown option `windw`", "`lags` must be >= 1"]);
    const missing = checkOptions("model-external", {});
    if (!missing.ok) expect([missing.error.code, missing.error.message]).toEqual(["R0102", "invalid options for provider `model-external`: missing option `command`"]);
  });

  it("covers every data and model schema file in specs/providers, and each provider exposes its schema", () => {
    const files = readdirSync(join(REPO_ROOT, "specs", "providers"))
      .filter((f) => /^(data|model)-.*\.schema\.json$/.test(f))
      .map((f) => f.replace(/\.schema\.json$/, ""))
      .sort();
    expect(Object.keys(OPTION_SCHEMAS).sort()).toEqual(files);
    for (const kind of ["data", "model"] as const) {
      for (const name of providerNames(kind)) {
        const found = findProvider(kind, name);
        if (!found.ok) throw new Error(name);
        expect(Object.values(OPTION_SCHEMAS)).toContain(found.value.optionsSchema);
      }
    }
  });
});

describe("registry", () => {
  it("finds providers by kind and name", () => {
    expect(providerNames("data")).toEqual(["csv", "sqlite", "synthetic"]);
    expect(providerNames("model")).toEqual(["ewma_vol", "external", "momentum", "ridge", "zscore"]);
    const found = findProvider("model", "ridge");
    expect(found.ok && found.value.name).toBe("ridge");
  });

  it("answers an unknown name with R0101 listing the known ones", () => {
    const found = findProvider("data", "parquet");
    expect(found.ok).toBe(false);
    if (!found.ok) expect([found.error.code, found.error.message, found.error.hint]).toEqual(["R0101", "unknown data provider `parquet`", "use one of: csv, sqlite, synthetic"]);
    expect(findProvider("model", "csv").ok).toBe(false);
  });
});
