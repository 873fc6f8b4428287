import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { compileSources } from "../compile.js";
import { cronParser, cronParserLoaded } from "./cron-loader.js";

const require = createRequire(import.meta.url);
/** Whether Node has loaded any file of the package (a static import anywhere would). */
const packageLoaded = (name: string): boolean => Object.keys(require.cache).some((file) => file.includes(`/node_modules/${name}/`));

// The order matters: the first test runs before anything in this file loads cron-parser.
describe("cron-parser loads on the first cron expression", () => {
  it("is not loaded by compiling sources without a schedule", () => {
    const out = compileSources({ "main.strat": "gate q { require trades >= 30 }\n" });
    expect(out.diagnostics).toEqual([]);
    expect(cronParserLoaded()).toBe(false);
    expect(packageLoaded("cron-parser")).toBe(false);
    expect(packageLoaded("luxon")).toBe(false);
  });

  it("is loaded by checking a schedule, with the locale of cron-parser's luxon pinned", () => {
    const out = compileSources({ "main.strat": 'gate q { require trades >= 30 }\nschedule s {\n  cron "0 6 * * 1-5"\n  run q\n}\n' });
    expect(out.diagnostics).toEqual([]);
    expect(cronParserLoaded()).toBe(true);
    expect(packageLoaded("cron-parser")).toBe(true);
    const luxonOfCronParser = createRequire(require.resolve("cron-parser"))("luxon") as typeof import("luxon");
    expect(luxonOfCronParser.Settings.defaultLocale).toBe("en-US");
  });

  it("hands out the package's parser, loaded once", () => {
    const parser = cronParser();
    expect(cronParser()).toBe(parser);
    expect(parser).toBe((require("cron-parser") as typeof import("cron-parser")).CronExpressionParser);
    expect(parser.parse("0 6 * * *", { tz: "UTC", currentDate: new Date(0) }).next().toISOString()).toBe("1970-01-01T06:00:00.000Z");
  });
});
