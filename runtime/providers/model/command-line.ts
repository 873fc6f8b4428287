// Splits an external model's command into program and arguments without a shell, so the same
// command means the same thing on every machine and nothing is expanded or injected.

/** Program and arguments: split on whitespace; single or double quotes group words (no escapes). Null when a quote is unbalanced or nothing is left. */
export function splitCommand(command: string): string[] | null {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let quote: string | null = null;
  for (const ch of command) {
    if (quote !== null) {
      if (ch === quote) quote = null;
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (quote !== null) return null;
  if (inWord) words.push(word);
  return words.length > 0 ? words : null;
}
