// Fixture: answers the first bar, then replies with something that is not JSON (argv[2] picks another fault).
import { createInterface } from "node:readline";
const fault = process.argv[2] ?? "not-json";
let bars = 0;
createInterface({ input: process.stdin }).on("line", (line) => {
  const m = JSON.parse(line);
  if (m.type === "end") process.exit(0);
  if (m.type !== "bar") return;
  const ok = { t: m.t, expected_return: 0.01, confidence: 0.6, volatility: 0.02 };
  if (bars++ === 0) return void process.stdout.write(JSON.stringify(ok) + "\n");
  if (fault === "not-json") process.stdout.write("prediction: up\n");
  else if (fault === "wrong-t") process.stdout.write(JSON.stringify({ ...ok, t: "1999-01-01T00:00:00.000Z" }) + "\n");
  else if (fault === "confidence") process.stdout.write(JSON.stringify({ ...ok, confidence: 1.5 }) + "\n");
  else if (fault === "missing") process.stdout.write(JSON.stringify({ t: m.t, expected_return: 0.01, confidence: 0.6 }) + "\n");
});
