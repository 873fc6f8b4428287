// A one-line progress bar on stderr for terminals; silent otherwise.

import type { CliIo } from "../io.js";

/** A progress line: `update` is absent when nothing is drawn (not a terminal), so callers skip reporting altogether. */
export interface ProgressBar {
  readonly update?: (label: string, done: number, total: number) => void;
  readonly clear: () => void;
}

/** Returns a progress callback that redraws one line (on a terminal only), and a function that clears it. */
export function progressBar(io: CliIo): ProgressBar {
  if (!io.isTty) return { clear: () => undefined };
  let drawn = false;
  return {
    update(label: string, done: number, total: number) {
      const width = 30;
      const fraction = total > 0 ? Math.min(1, done / total) : 1;
      const filled = Math.round(fraction * width);
      io.err(`\r  ${label.padEnd(10)} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}%`);
      drawn = true;
    },
    clear() {
      if (drawn) io.err(`\r${" ".repeat(60)}\r`);
      drawn = false;
    },
  };
}
