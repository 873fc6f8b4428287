// Fixture: tries to see the future. Before answering a bar it waits a moment and counts every bar
// line it has received; it replies with that count as expected_return. With the lockstep protocol
// the count is always the bar's own index + 1.
import { createInterface } from "node:readline";
let received = 0;
createInterface({ input: process.stdin }).on("line", (line) => {
  const m = JSON.parse(line);
  if (m.type === "end") process.exit(0);
  if (m.type !== "bar") return;
  received++;
  setTimeout(() => process.stdout.write(JSON.stringify({ t: m.t, expected_return: received, confidence: 0.5, volatility: 0 }) + "\n"), 5);
});
