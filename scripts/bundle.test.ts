// The bundled CLI (dist/cli, built by scripts/bundle.mjs; npm test builds
// first) keeps code that only some commands need out of the chunks every run
// or check loads, and its own copy of cron-parser behaves like the package.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../specs/locate.js";

const dist = join(packageRoot(), "dist/cli");
const files = readdirSync(dist);

/** The chunk whose name starts with `prefix`, and every chunk it imports statically (what loading it compiles). */
function staticClosure(prefix: string): string[] {
  const start = files.find((f) => f.startsWith(prefix));
  if (start === undefined) throw new Error(`no ${prefix}* chunk in ${dist}`);
  const seen = new Set<string>();
  const queue = [start];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    // esbuild writes static imports as `from"./x.js"` or `import"./x.js"`; dynamic ones as `import("./x.js")`.
    for (const m of readFileSync(join(dist, file), "utf8").matchAll(/(?:from|import)\s*"\.\/([\w-]+\.js)"/g)) queue.push(m[1] ?? "");
  }
  return [...seen];
}

/** A string each package's code holds, minified or not. */
const MARKERS: Record<string, string> = {
  yaml: "yaml.alias",
  "cli-table3": "colWidths",
  "cron-parser": "Invalid cron expression",
  luxon: "Invalid DateTime",
};

const holding = (names: readonly string[], marker: string): string[] => names.filter((f) => readFileSync(join(dist, f), "utf8").includes(marker));

describe("the bundled CLI loads rarely needed packages on demand", () => {
  it("every marker is somewhere in dist/cli", () => {
    for (const marker of Object.values(MARKERS)) expect(holding(files, marker), marker).not.toEqual([]);
  });

  it("`strat run` and `strat check` load no yaml, cli-table3, cron-parser or luxon at start-up", () => {
    for (const command of ["main", "run-", "check-"]) {
      const closure = staticClosure(command);
      for (const [pkg, marker] of Object.entries(MARKERS)) expect(holding(closure, marker), `${command} loads ${pkg}`).toEqual([]);
    }
  });

  it("ships cron-parser with the luxon copy it uses", () => {
    const bundled = createRequire(import.meta.url)(join(dist, "cron-parser.cjs")) as { CronExpressionParser: typeof import("cron-parser").CronExpressionParser; Settings: typeof import("luxon").Settings };
    expect(bundled.CronExpressionParser.parse("30 6 * * 1-5", { tz: "UTC", currentDate: new Date(0) }).next().toISOString()).toBe("1970-01-01T06:30:00.000Z");
    bundled.Settings.defaultZone = "Asia/Tokyo";
    expect(bundled.CronExpressionParser.parse("0 6 * * *", { currentDate: new Date(0) }).next().toISOString()).toBe("1970-01-01T21:00:00.000Z");
  });

  it("the built binary reports cron-parser's findings on a schedule", () => {
    const dir = mkdtempSync(join(tmpdir(), "strat-bundle-"));
    writeFileSync(join(dir, "ops.strat"), 'gate q { require trades >= 30 }\nschedule s {\n  cron "0 6 * * x"\n  run q\n}\n');
    const r = spawnSync(process.execPath, [join(dist, "main.js"), "check", "ops.strat", "--color", "never"], { cwd: dir, encoding: "utf8", env: { PATH: process.env["PATH"] ?? "" } });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('error[E0518]: invalid cron expression "0 6 * * x"');
    expect(r.stdout).toContain("'x' is not a cron value");
  });
});
