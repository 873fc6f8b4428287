// Fixture: answers every bar, then ignores the end message and never exits.
import { createInterface } from "node:readline";
createInterface({ input: process.stdin }).on("line", (line) => {
  const m = JSON.parse(line);
  if (m.type === "bar") process.stdout.write(JSON.stringify({ t: m.t, expected_return: 0, confidence: 0.5, volatility: 0 }) + "\n");
});
process.stdin.on("end", () => setInterval(() => undefined, 1000));
