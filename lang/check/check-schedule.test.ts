import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { compileSources } from "../compile.js";
import { cronProblem } from "./check-schedule.js";

describe("cron expressions", () => {
  it("names the field whose value is out of range", () => {
    expect(cronProblem("0 25 * * *")).toBe("hour 25 is outside 0-23");
    expect(cronProblem("0 6 * 13 *")).toBe("month 13 is outside 1-12");
    expect(cronProblem("0 6 0 * *")).toBe("day of month 0 is outside 1-31");
    expect(cronProblem("61 0 6 * * *")).toBe("second 61 is outside 0-59");
    expect(cronProblem("0 6 * * x")).toBe("'x' is not a cron value");
    expect(cronProblem("*/15 6-18 * * 1-5")).toBeNull();
  });

  it("pins the locale of the luxon copy cron-parser uses, so no system locale is read", () => {
    const luxonOfCronParser = createRequire(createRequire(import.meta.url).resolve("cron-parser"))("luxon") as typeof import("luxon");
    expect(cronProblem("0 6 * * 1-5")).toBeNull();
    expect(luxonOfCronParser.Settings.defaultLocale).toBe("en-US");
  });

  it("asks for quotes around a bare name", () => {
    const out = compileSources({ "main.strat": "gate q { require trades >= 30 }\nschedule s {\n  cron daily\n  run q\n}\n" });
    expect(out.diagnostics.map((d) => [d.code, d.message, d.hints[0]])).toEqual([
      ["E0301", "expected a cron string, found the bare name 'daily'", 'write it in quotes, e.g. `cron "0 6 * * *"`'],
    ]);
  });
});
