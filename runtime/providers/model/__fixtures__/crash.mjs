// Fixture: answers two bars, then fails with a message on stderr and exit code 3.
import { createInterface } from "node:readline";
let bars = 0;
createInterface({ input: process.stdin }).on("line", (line) => {
  const m = JSON.parse(line);
  if (m.type !== "bar") return;
  if (bars++ === 2) {
    process.stderr.write("Traceback: something went wrong\nValueError: division by zero\n");
    process.exit(3);
  }
  process.stdout.write(JSON.stringify({ t: m.t, expected_return: 0, confidence: 0.5, volatility: 0 }) + "\n");
});
