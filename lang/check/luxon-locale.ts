// Pins luxon's default locale for cron-parser, which builds luxon DateTimes
// and lets luxon ask Intl for the system locale whenever none is set: the first
// ask loads ICU locale data (~25 ms of every cold `strat check`) and makes the
// compiler depend on the environment. Dates here are compared, never formatted,
// so the pin changes no result.
// Why `require`: cron-parser is CommonJS and gets luxon's CommonJS build, while
// an ES import gets its ES build, a second copy with its own Settings. The
// bundler (esbuild) resolves the literal `require("luxon")` to the copy
// cron-parser uses; unbundled ES modules have no `require` and ask Node for the
// same file through createRequire.

import { createRequire } from "node:module";

type Luxon = typeof import("luxon");

const luxon: Luxon = typeof require === "function" ? (require("luxon") as Luxon) : (createRequire(import.meta.url)("luxon") as Luxon);

/** Sets luxon's default locale to en-US unless one is set already; call before parsing cron expressions. */
export function pinLuxonLocale(): void {
  luxon.Settings.defaultLocale ||= "en-US";
}
