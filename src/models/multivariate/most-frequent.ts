/**
 * The most frequent of some labels; among equally frequent ones the last in sorted order (as
 * R's `tail(names(sort(table(x))), 1)`, which metafor's `aggregate` uses for text columns).
 *
 * @example
 * mostFrequent(['b', 'a', 'b', 'c', 'c']) // => 'c'
 */
export function mostFrequent(labels: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const label of [...counts.keys()].sort()) {
    const n = counts.get(label)!;
    if (n >= bestCount) [best, bestCount] = [label, n];
  }
  return best;
}
