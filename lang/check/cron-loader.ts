// cron-parser (with luxon, ~100 KB of code) is loaded on the first cron
// expression checked or previewed, not when the compiler is imported: most
// commands (`strat run` on a strategy file, for one) never see a schedule.
// Before the first parse, luxon's default locale is pinned: cron-parser builds
// luxon DateTimes and luxon asks Intl for the system locale whenever none is
// set; the first ask loads ICU locale data (~25 ms) and makes the compiler
// depend on the environment. Dates here are compared, never formatted by
// luxon, so the pin changes no result.
// Why require: cron-parser is CommonJS and loads luxon's CommonJS build, while
// an ES import would get luxon's ES build, a second copy with its own Settings;
// luxon is therefore resolved from cron-parser's own file. The bundled CLI
// (scripts/bundle.mjs) ships both as one minified CommonJS file beside its
// chunks, which loads in about half the time of the packages' own files.

import { createRequire } from "node:module";
import type { CronExpressionParser } from "cron-parser";
import type { Settings } from "luxon";

/** The bundled copy's path relative to the chunk, defined by scripts/bundle.mjs; undefined when unbundled. */
declare const STRAT_CRON_BUNDLE: string | undefined;

type Parser = typeof CronExpressionParser;

/** What the loader needs from the two packages (also the bundled file's exports). */
interface CronPackages {
  readonly CronExpressionParser: Parser;
  readonly Settings: typeof Settings;
}

let parser: Parser | null = null;

/** cron-parser's CronExpressionParser, loaded on first use with luxon's default locale pinned to en-US. */
export function cronParser(): Parser {
  if (parser === null) {
    const packages = loadPackages();
    packages.Settings.defaultLocale ||= "en-US";
    parser = packages.CronExpressionParser;
  }
  return parser;
}

/** Whether cron-parser has been loaded in this process (tests check that start-up does not load it). */
export function cronParserLoaded(): boolean {
  return parser !== null;
}

function loadPackages(): CronPackages {
  const require = createRequire(import.meta.url);
  if (typeof STRAT_CRON_BUNDLE === "string") return require(STRAT_CRON_BUNDLE) as CronPackages;
  const main = require.resolve("cron-parser");
  return {
    CronExpressionParser: (require(main) as typeof import("cron-parser")).CronExpressionParser,
    Settings: (createRequire(main)("luxon") as typeof import("luxon")).Settings,
  };
}
