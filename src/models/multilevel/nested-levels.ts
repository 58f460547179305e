import { indexLabels } from './label-index.ts';

/** Rows grouped by L nested factors (metafor's `random = ~ 1 | a/b/c`). */
export interface NestedLevels {
  /** Number of levels L. */
  readonly depth: number;
  /** Number of groups at each level, outermost first. */
  readonly counts: readonly number[];
  /** Group (0-based) of each row at each level: `groupOf[l][i]`. */
  readonly groupOf: readonly Int32Array[];
  /** Parent group (at level l − 1) of each group at level l ≥ 1; `parentOf[0]` is empty. */
  readonly parentOf: readonly Int32Array[];
}

/**
 * Codes nested factors: a group at level l is the combination of the labels of levels 0 … l,
 * so the same label under two different parents names two groups (metafor's `a/b/c`). O(k·L).
 *
 * @param levels  one label array per level, outermost first, each with one label per row
 * @example
 * nestedLevels([['a', 'a', 'b'], ['1', '2', '1'], ['x', 'x', 'x']]).counts // => [2, 3, 3]
 */
export function nestedLevels(levels: readonly (readonly string[])[]): NestedLevels {
  const k = levels[0]?.length ?? 0;
  const groupOf: Int32Array[] = [];
  const parentOf: Int32Array[] = [];
  const counts: number[] = [];
  levels.forEach((labels, l) => {
    if (l === 0) {
      const { codes, levels: names } = indexLabels(labels);
      groupOf.push(codes);
      parentOf.push(new Int32Array(0));
      counts.push(names.length);
      return;
    }
    const above = groupOf[l - 1]!;
    const { codes, levels: names } = indexLabels(Array.from({ length: k }, (_, i) => `${above[i]}\u0000${labels[i]}`));
    const parents = new Int32Array(names.length);
    for (let i = 0; i < k; i++) parents[codes[i]!] = above[i]!;
    groupOf.push(codes);
    parentOf.push(parents);
    counts.push(names.length);
  });
  return { depth: levels.length, counts, groupOf, parentOf };
}
