// Fixture: answers every bar correctly, then prints a stray line after the end message.
import { createInterface } from "node:readline";
createInterface({ input: process.stdin }).on("line", (line) => {
  const m = JSON.parse(line);
  if (m.type === "bar") process.stdout.write(JSON.stringify({ t: m.t, expected_return: null, confidence: null, volatility: null }) + "\n");
  if (m.type === "end") {
    process.stdout.write("done!\n");
    process.exit(0);
  }
});
