import type { ResolvedTerm } from './random-terms.ts';

/**
 * Splits the rows of a model into groups that are independent under V and every random
 * effect: two rows are joined when V correlates them, when they share a group of a nested
 * term's outermost level, or when they share an outer group of a structured term. Union–find,
 * O(k α(k)) per term. The marginal covariance is block-diagonal over the result, so a
 * likelihood costs O(Σ n_b³), not O(k³).
 *
 * @param vGroup  block number of each row in V
 * @returns the rows (0-based model rows, ascending) of each independent block
 * @example
 * independentBlocks(Int32Array.from([0, 1, 2, 3]), []) // => [[0], [1], [2], [3]]
 */
export function independentBlocks(vGroup: Int32Array, terms: readonly ResolvedTerm[]): number[][] {
  const k = vGroup.length;
  const parent = Int32Array.from({ length: k }, (_, i) => i);
  const find = (i: number): number => { while (parent[i] !== i) { parent[i] = parent[parent[i]!]!; i = parent[i]!; } return i; };
  const joinBy = (codes: Int32Array) => {
    const first = new Map<number, number>();
    codes.forEach((c, i) => {
      const f = first.get(c);
      if (f === undefined) first.set(c, i);
      else { const a = find(f); const b = find(i); if (a !== b) parent[b] = a; }
    });
  };
  joinBy(vGroup);
  for (const t of terms) joinBy(t.kind === 'nested' ? (t.codes[0] as Int32Array) : t.outer);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < k; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i); else groups.set(r, [i]);
  }
  return [...groups.values()];
}
