// Child process for the kill test: writes large runs into a store in a loop and says
// where it is on stdout, so the parent can SIGKILL it in the middle of a commit.
// argv: storePath points logLines maxRuns

import { isStoreError } from "../errors.js";
import { openStore } from "../open.js";
import { largeTickerResult, meta } from "./build-results.js";

const [storePath = "", points = "500000", logLines = "50000", maxRuns = "20"] = process.argv.slice(2);
const store = openStore(storePath);
if (isStoreError(store)) {
  process.stdout.write(`error ${store.code} ${store.message}\n`);
  process.exit(1);
}
const result = largeTickerResult("AAPL", Number(points), Number(logLines));
for (let i = 0; i < Number(maxRuns); i++) {
  const id = store.beginRun(meta({ runSource: "smoke" }));
  if (isStoreError(id)) throw new Error(id.message);
  store.recordTickerResult(id, result, { trades: result.trades.length });
  process.stdout.write(`commit ${id}\n`);
  const done = store.completeRun(id);
  if (isStoreError(done)) throw new Error(done.message);
  process.stdout.write(`done ${id}\n`);
}
store.close();
