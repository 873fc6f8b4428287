// "Did you mean" suggestions: the closest known names by Damerau–Levenshtein
// distance (optimal string alignment: insert, delete, substitute, swap two
// adjacent letters). A candidate is close when its distance is at most a third
// of the longer name (at least 1), or when it differs only in letter case.

/** Optimal-string-alignment Damerau–Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const cols = b.length + 1;
  // three rolling rows: two back (for transpositions), previous, current
  let prev2 = new Array<number>(cols).fill(0);
  let prev = new Array<number>(cols);
  let cur = new Array<number>(cols);
  for (let j = 0; j < cols; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j < cols; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let best = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        best = Math.min(best, (prev2[j - 2] ?? 0) + 1);
      }
      cur[j] = best;
    }
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return prev[b.length] ?? 0;
}

/** Up to `limit` candidates close to `name`, closest first (ties by name); never `name` itself. */
export function suggest(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const lower = name.toLowerCase();
  const scored: { name: string; score: number }[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (candidate === name || seen.has(candidate)) continue;
    seen.add(candidate);
    const maxDistance = Math.max(1, Math.floor(Math.max(name.length, candidate.length) / 3));
    // an abbreviation or its spelled-out form (`production` for `prod`), ranked after close spellings
    const shorter = candidate.length < name.length ? candidate.toLowerCase() : lower;
    const longer = candidate.length < name.length ? lower : candidate.toLowerCase();
    if (shorter.length >= 3 && shorter !== longer && longer.startsWith(shorter)) {
      scored.push({ name: candidate, score: maxDistance + 1 });
      continue;
    }
    if (Math.abs(candidate.length - name.length) > maxDistance) continue;
    const caseOnly = candidate.toLowerCase() === lower;
    const distance = caseOnly ? 0 : editDistance(name, candidate);
    if (distance <= maxDistance) scored.push({ name: candidate, score: distance });
  }
  scored.sort((x, y) => x.score - y.score || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  return scored.slice(0, limit).map((s) => s.name);
}

/** "did you mean a, b or c?" for the close candidates, or null when none is close. */
export function didYouMean(name: string, candidates: Iterable<string>): string | null {
  const found = suggest(name, candidates);
  return found.length === 0 ? null : `did you mean ${joinOr(found)}?`;
}

/** Joins words as "a", "a or b", "a, b or c". */
export function joinOr(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} or ${words[words.length - 1] ?? ""}`;
}
