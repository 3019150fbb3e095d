/** Table cells computed by editDistance since start: tests use it to prove work stays bounded. */
export const editDistanceWork = { cells: 0 };

/** Words longer than this get no near-miss matching: no command or topic name is near that long. */
export const MAX_NEAR_MISS_WORD = 64;

/**
 * Damerau-Levenshtein distance (optimal string alignment variant): insertions, deletions,
 * substitutions and transpositions of adjacent characters each cost 1, so `gpdr` is one step
 * from `gdpr`. The table is O(n·m): callers compare only short words (see withinNearMiss).
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const rows = a.length + 1;
  const cols = b.length + 1;
  editDistanceWork.cells += rows * cols;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/** How many edits still count as a near miss: 1 for short words, 2 for longer ones, 0 for very long ones. */
export function nearMissLimit(word: string): number {
  if (word.length <= 2 || word.length > MAX_NEAR_MISS_WORD) return 0;
  return word.length <= 5 ? 1 : 2;
}

/**
 * The edit distance of `word` and `name` when it is within the near-miss limit of `word`, else
 * null. The distance is at least the difference in length, so most pairs (and every pair with a
 * very long word) are decided without building the table.
 */
export function nearMissDistance(word: string, name: string): number | null {
  if (word === name) return 0;
  const limit = nearMissLimit(word);
  if (limit === 0 || Math.abs(word.length - name.length) > limit) return null;
  const distance = editDistance(word, name);
  return distance <= limit ? distance : null;
}

/** The candidates within the near-miss limit of `word`, closest first (ties keep input order). */
export function closestWords(word: string, candidates: readonly string[]): string[] {
  return candidates
    .map((candidate, index) => ({ candidate, index, distance: nearMissDistance(word, candidate) }))
    .filter((entry): entry is { candidate: string; index: number; distance: number } => entry.distance !== null)
    .sort((x, y) => x.distance - y.distance || x.index - y.index)
    .map((entry) => entry.candidate);
}
