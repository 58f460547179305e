import { InputError } from '../../errors.ts';
import { cholesky } from '../../numeric/cholesky.ts';
import { isPlainObject } from '../../check-options.ts';

/** One diagonal block of a block-diagonal covariance matrix: the rows it covers and their covariances. */
export interface CovarianceBlock {
  /** Label of the cluster (study) the block belongs to. */
  readonly cluster: string;
  /** 0-based positions of the block's rows in the data, in data order. */
  readonly index: readonly number[];
  /** The n×n covariance matrix of those rows (symmetric), `matrix[a][b]` = Cov(y[index[a]], y[index[b]]). */
  readonly matrix: readonly (readonly number[])[];
}

/**
 * A block-diagonal sampling covariance matrix of k estimates, stored as its blocks (never k×k):
 * rows of different blocks are uncorrelated. Every row 0 … k − 1 is in exactly one block.
 */
export interface BlockMatrix {
  readonly k: number;
  readonly blocks: readonly CovarianceBlock[];
}

/** A block read and checked: its rows and a row-major copy of its matrix. */
export interface DenseBlock {
  readonly index: readonly number[];
  readonly n: number;
  readonly values: Float64Array;
}

/**
 * Validates a user's block-diagonal matrix `V` for k rows: a {@link BlockMatrix} (as `vcalc`
 * returns), or a dense k×k array of arrays, split into the connected blocks of its non-zero
 * entries (O(k²) to read, done once). Returns one dense block per cluster.
 *
 * @throws InputError naming `V` (and the row) for a wrong shape or length, a row in no block or
 *   in two, a non-finite or asymmetric entry, or a block that is not positive definite.
 * @example
 * readBlockMatrix([[1, 0.5, 0], [0.5, 1, 0], [0, 0, 2]], 3).map((b) => b.index) // => [[0, 1], [2]]
 */
export function readBlockMatrix(v: unknown, k: number, field = 'V', check = true): DenseBlock[] {
  const blocks = Array.isArray(v) ? splitDense(v, k, field) : fromBlocks(v, k, field);
  if (check) for (const b of blocks) checkBlock(b, field);
  return blocks;
}

function fromBlocks(v: unknown, k: number, field: string): DenseBlock[] {
  if (!isPlainObject(v) || !Array.isArray(v.blocks)) {
    throw new InputError('must be a block matrix { k, blocks: [{ index, matrix }] } (as vcalc returns) or a k×k array of arrays', { field, code: 'E_INVALID_TYPE' });
  }
  if (v.k !== undefined && v.k !== k) throw new InputError(`has k = ${String(v.k)} rows but there are ${k} estimates`, { field, code: 'E_LENGTH_MISMATCH' });
  const seen = new Int32Array(k).fill(-1);
  const out = (v.blocks as unknown[]).map((raw, b): DenseBlock => {
    const block = raw as Partial<CovarianceBlock>;
    if (!isPlainObject(block) || !Array.isArray(block.index) || !Array.isArray(block.matrix)) {
      throw new InputError(`block ${b + 1} must be { index: number[], matrix: number[][] }`, { field, code: 'E_INVALID_TYPE' });
    }
    const n = block.index.length;
    block.index.forEach((i) => {
      if (!Number.isInteger(i) || i < 0 || i >= k) throw new InputError(`block ${b + 1} has an index outside 0 … ${k - 1}`, { field, value: i, code: 'E_OUT_OF_RANGE' });
      if (seen[i]! >= 0) throw new InputError(`row ${i + 1} is in blocks ${seen[i]! + 1} and ${b + 1}`, { field, row: i + 1, code: 'E_DUPLICATE' });
      seen[i] = b;
    });
    const values = new Float64Array(n * n);
    if (block.matrix.length !== n) throw new InputError(`block ${b + 1} has ${n} rows in index but its matrix has ${block.matrix.length}`, { field, code: 'E_LENGTH_MISMATCH' });
    block.matrix.forEach((row, a) => {
      if (!Array.isArray(row) || row.length !== n) throw new InputError(`block ${b + 1}: matrix row ${a + 1} must hold ${n} numbers`, { field, code: 'E_LENGTH_MISMATCH' });
      row.forEach((x: unknown, c) => { values[a * n + c] = typeof x === 'number' ? x : NaN; });
    });
    return { index: block.index.slice(), n, values };
  });
  const missing = seen.indexOf(-1);
  if (missing >= 0) throw new InputError('is in no block: every row needs its variance', { field, row: missing + 1, code: 'E_MISSING_VALUE' });
  return out;
}

/** Splits a dense k×k matrix into the connected components of its non-zero pattern (union–find). */
function splitDense(v: unknown[], k: number, field: string): DenseBlock[] {
  if (v.length !== k) throw new InputError(`must be ${k}×${k}: it has ${v.length} rows`, { field, code: 'E_LENGTH_MISMATCH' });
  const parent = Int32Array.from({ length: k }, (_, i) => i);
  const find = (i: number): number => { while (parent[i] !== i) { parent[i] = parent[parent[i]!]!; i = parent[i]!; } return i; };
  v.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== k) throw new InputError(`row ${i + 1} must hold ${k} numbers`, { field, row: i + 1, code: 'E_LENGTH_MISMATCH' });
    for (let j = 0; j < i; j++) if (row[j] !== 0) parent[find(i)] = find(j);
  });
  const groups = new Map<number, number[]>();
  for (let i = 0; i < k; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i); else groups.set(r, [i]);
  }
  return [...groups.values()].map((index) => {
    const n = index.length;
    const values = new Float64Array(n * n);
    index.forEach((i, a) => index.forEach((j, c) => {
      const x: unknown = (v[i] as unknown[])[j];
      values[a * n + c] = typeof x === 'number' ? x : NaN;
    }));
    return { index, n, values };
  });
}

/**
 * Checks one block: finite, symmetric (to 1e-12 relative) and positive definite.
 *
 * @throws InputError naming `field` and the block's first row otherwise.
 */
export function checkBlock(b: DenseBlock, field: string): void {
  const { n, values, index } = b;
  for (let a = 0; a < n; a++) {
    for (let c = 0; c <= a; c++) {
      const x = values[a * n + c]!;
      if (!Number.isFinite(x)) throw new InputError('has a missing or non-finite covariance', { field, row: index[a]! + 1, value: x, code: 'E_NOT_FINITE' });
      const y = values[c * n + a]!;
      if (Math.abs(x - y) > 1e-12 * Math.max(Math.abs(x), Math.abs(y), 1e-300)) {
        throw new InputError(`is not symmetric (rows ${index[a]! + 1} and ${index[c]! + 1})`, { field, row: index[a]! + 1, value: [x, y] });
      }
    }
  }
  if (cholesky(values, n) === null) {
    throw new InputError(`the block of rows ${index.map((i) => i + 1).join(', ')} is not positive definite`, { field, row: index[0]! + 1, code: 'E_NOT_ESTIMABLE' });
  }
}
