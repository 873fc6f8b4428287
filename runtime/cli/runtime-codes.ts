// Runtime error codes for `strat explain`: data and model providers (R01xx),
// the store (R02xx), configuration, plans and runs (R03xx). Compiler codes
// (E/W) come from lang/diagnostics/codes.ts.

import type { CodeEntry } from "../../lang/diagnostics/code-entry.js";
import { PROVIDER_CODES } from "../providers/codes.js";
import { STORE_CODE_TITLES } from "../store/errors.js";

const STORE_ADVICE = "Store problems never lose what is already recorded: every run is written in one transaction, and a locked, read-only or damaged file is reported without being modified. Pass `--store PATH` (or set `STRAT_STORE`) to use another file.";

const CLI_CODES: readonly CodeEntry[] = [
  { code: "R0301", title: "invalid configuration", explain: "`strat.yaml` is not valid YAML, has an unknown key or a value of the wrong kind, or a `STRAT_*` environment variable holds a value the setting does not accept. The message names the key.\n\nThe keys are described in `specs/strat-yaml.schema.json`; `strat config` shows every setting, its value and where it came from (CLI > environment > strat.yaml > default)." },
  { code: "R0302", title: "no sources to work on", explain: "A named path does not exist, or no `.strat` file was found in the named folders, in `sources:` of strat.yaml, or under the working folder. Pass files or folders, or list them under `sources:`." },
  { code: "R0310", title: "plan file cannot be read", explain: "`--plan FILE` names a file that does not exist or cannot be read. Compile one with `strat compile -o plan.json`." },
  { code: "R0311", title: "plan from a newer strat", explain: "The plan's `planVersion` is newer than this runtime executes. Upgrade strat, or recompile the sources with this version." },
  { code: "R0312", title: "not a valid plan", explain: "The file is not JSON, or does not match `specs/plan.schema.json`. The runtime reads only validated plans; plans are compiled from sources with `strat compile`, not edited by hand." },
  { code: "R0320", title: "no such strategy in the plan", explain: "`--strategy NAME` names a strategy the plan does not declare. The message lists the strategies it has." },
  { code: "R0321", title: "strategy without a data source", explain: "The strategy declares no `data` setting and no `--data` was given.\n\n```strat\nstrategy s {\n  universe [\"ORCL\"]\n  data csv(\"examples/data\")\n  entry long when close > sma(close, 20)\n}\n```" },
  { code: "R0322", title: "no bars to run on", explain: "After `--ticker`, `--from` and `--to` no bars are left. Check them against the tickers and dates of the data (the run's lineage in `strat runs --json` shows both)." },
  { code: "R0323", title: "model options cannot be built", explain: "A model argument does not evaluate to a single value for this run. Recompile the plan from its sources." },
  { code: "R0324", title: "bad param override", explain: "`--param name=value` names an unknown param, is not `name=value`, or gives a value outside the param's type or domain. The hint shows what the param accepts, e.g. `stop_loss is percent in [0%, 50%] (default 0%)`." },
  { code: "R0325", title: "backtest could not run", explain: "The engine refused the strategy on this ticker (a rule argument of the wrong kind, predictions of the wrong length). The message names the ticker and the problem; the run is recorded as failed." },
  { code: "R0330", title: "no such portfolio in the plan", explain: "`--portfolio NAME` names a portfolio the plan does not declare (the message lists the ones it has), or the plan's portfolio refers to a sleeve or strategy it does not contain (recompile the plan from its sources)." },
  { code: "R0331", title: "ticker members without a data source", explain: "A sleeve holds tickers, but neither the sleeve nor its portfolio sets `data`, and no `--data` was given. A sleeve's `data` wins over the portfolio's; `--data` overrides both (strategy members keep their universes and use `--data` too).\n\n```strat\nsleeve bonds {\n  bucket safe\n  cap 60%\n  members [\"ORCL\"]\n  data csv(\"examples/data\")\n}\n```" },
  { code: "R0332", title: "baseline without data", explain: "A portfolio baseline (`market([...])`, `benchmark(...)`, `raw_pool_ew`) names a ticker for which no bars can be found: not held by any sleeve or strategy member, and missing from the portfolio's `data` (or `--data`). Baselines are never skipped silently: add the ticker's bars to the portfolio's data source, or change the baseline to tickers the data holds." },
];

/** Every runtime code with its long form, sorted. */
export const RUNTIME_CODES: readonly CodeEntry[] = [
  ...PROVIDER_CODES,
  ...STORE_CODE_TITLES.map((c) => ({ code: c.code, title: c.title, explain: `${c.title[0]?.toUpperCase()}${c.title.slice(1)}.\n\n${STORE_ADVICE}` })),
  ...CLI_CODES,
].sort((a, b) => (a.code < b.code ? -1 : 1));
