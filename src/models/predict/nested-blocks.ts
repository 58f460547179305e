import { backSolve, cholesky, forwardSolve } from '../../numeric/cholesky.ts';

/** The marginal covariance of a two-level nested model, one dense block per outer cluster. */
export interface NestedBlocks {
  /** Rows (0-based) of each outer cluster, and the cluster's label. */
  readonly clusters: readonly { readonly label: string; readonly rows: readonly number[]; readonly factor: Float64Array }[];
  /** Cluster index of each row. */
  readonly clusterOf: Int32Array;
  /** log det V. */
  readonly logDet: number;
  /** V⁻¹b for a vector b over all k rows (each cluster solved on its own block). */
  solve(b: ArrayLike<number>): Float64Array;
  /** V_j⁻¹b for a vector b over the rows of cluster j (in the order of `clusters[j].rows`). */
  solveCluster(j: number, b: ArrayLike<number>): Float64Array;
}

/**
 * V = σ²_outer·[same outer] + σ²_inner·[same outer/inner] + diag(vᵢ), the marginal covariance
 * of `multilevel` (Konstantopoulos, 2011), as Cholesky factors of its blocks: V is
 * block-diagonal by outer cluster, so every solve costs Σ nⱼ² and the factors Σ nⱼ³.
 *
 * @example
 * nestedBlocks([1, 1], [0, 0], ['a', 'a'], ['x', 'y']).solve([2, 2]) // => Float64Array [2, 2]
 */
export function nestedBlocks(
  vi: ArrayLike<number>, sigma2: readonly [number, number], outer: readonly string[], inner: readonly string[],
): NestedBlocks {
  const k = vi.length;
  const index = new Map<string, number>();
  const members: number[][] = [];
  const labels: string[] = [];
  const clusterOf = new Int32Array(k);
  for (let i = 0; i < k; i++) {
    let j = index.get(outer[i]!);
    if (j === undefined) {
      j = members.length;
      index.set(outer[i]!, j);
      members.push([]);
      labels.push(outer[i]!);
    }
    members[j]!.push(i);
    clusterOf[i] = j;
  }
  let logDet = 0;
  const clusters = members.map((rows, j) => {
    const n = rows.length;
    const v = new Float64Array(n * n);
    rows.forEach((a, r) => rows.forEach((b, c) => {
      v[r * n + c] = sigma2[0] + (inner[a] === inner[b] ? sigma2[1] : 0) + (a === b ? vi[a]! : 0);
    }));
    const factor = cholesky(v, n);
    if (factor === null) throw new Error('nestedBlocks: V is not positive definite');
    for (let r = 0; r < n; r++) logDet += 2 * Math.log(factor[r * n + r]!);
    return { label: labels[j]!, rows, factor };
  });
  const solveCluster = (j: number, b: ArrayLike<number>) => {
    const { rows, factor } = clusters[j]!;
    return backSolve(factor, rows.length, forwardSolve(factor, rows.length, b));
  };
  const solve = (b: ArrayLike<number>) => {
    const out = new Float64Array(k);
    clusters.forEach(({ rows }, j) => {
      const x = solveCluster(j, rows.map((i) => b[i]!));
      rows.forEach((i, r) => { out[i] = x[r]!; });
    });
    return out;
  };
  return { clusters, clusterOf, logDet, solve, solveCluster };
}
