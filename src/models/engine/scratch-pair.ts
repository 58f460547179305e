/** Two arrays of one length: the scaled outcomes and variances of a fit. */
export interface ScratchPair {
  readonly y: Float64Array;
  readonly v: Float64Array;
}

/** From this length on a pair is worth keeping (below, allocating it costs less than the bookkeeping). */
export const SCRATCH_MIN_LENGTH = 1 << 16;

/** The pair given back last, held weakly: the collector may reclaim it whenever it runs. */
let kept: WeakRef<ScratchPair> | null = null;

/**
 * A pair of Float64Arrays of length k for a fit's scaled copies of the data: the pair given back
 * by the last fit of the same size when the collector has not reclaimed it yet, else a new one.
 * At k = 10⁶ a new pair is 16 MB that the system must zero and map page by page, and that
 * the collector must later trace and free: a second fit of the same size then costs a few passes
 * over the data less. The contents are stale: the caller overwrites every entry.
 *
 * @example
 * borrowScratchPair(3).y.length // => 3
 */
export function borrowScratchPair(k: number): ScratchPair {
  const pair = kept?.deref();
  if (pair !== undefined && pair.y.length === k) {
    kept = null;
    return pair;
  }
  return { y: new Float64Array(k), v: new Float64Array(k) };
}

/**
 * Gives a pair back for the next fit of its size. The caller must not use it (nor anything
 * that reads it, such as a model over it) afterwards. Pairs shorter than
 * {@link SCRATCH_MIN_LENGTH} are not kept.
 *
 * @example
 * const pair = borrowScratchPair(1 << 16);
 * returnScratchPair(pair);
 * borrowScratchPair(1 << 16) === pair // => true
 */
export function returnScratchPair(pair: ScratchPair): void {
  if (pair.y.length >= SCRATCH_MIN_LENGTH) kept = new WeakRef(pair);
}
