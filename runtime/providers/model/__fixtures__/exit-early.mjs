// Fixture: exits cleanly (code 0) after the first bar without replying.
import { createInterface } from "node:readline";
createInterface({ input: process.stdin }).on("line", (line) => {
  if (JSON.parse(line).type === "bar") process.exit(0);
});
