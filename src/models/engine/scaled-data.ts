import { summarizeData, type DataSummary } from './data-summary.ts';
import { borrowScratchPair } from './scratch-pair.ts';
import { medianInPlace } from '../../numeric/median-in-place.ts';

/** Studies re-expressed in units where the sampling variances are of order 1. */
export interface ScaledData {
  /** (yᵢ − shift)/√unit. */
  readonly y: Float64Array;
  /** vᵢ/unit. */
  readonly v: Float64Array;
  /** The centre subtracted from y (the median of y, or of a sample of it for large k). */
  readonly shift: number;
  /** The variance unit, a power of 4 (so that √unit is a power of 2 and the scaling is exact). */
  readonly unit: number;
  /** The summary of y and v (the scaled data), gathered in the scaling pass; absent when `exact` is false. */
  readonly summary?: DataSummary;
}

/**
 * Centres the outcomes at their median and divides outcomes by c and variances by c², with c
 * the power of 2 nearest √(median of the positive vᵢ) (or, without one, of the median squared
 * deviation of y); beyond 4,097 studies the medians are those of 4,097 studies at evenly spaced
 * positions. Dividing by a power of 2 is exact, so nothing is lost (the pass that scales also
 * summarises the scaled data: `summarizeData`); afterwards the
 * estimators, their stopping rules and every sum work on numbers of order 1, whatever the
 * units of the data: τ² estimates scale by c², estimates and SEs by c, and no sum overflows for
 * variances near 1e-300 or effects near 1e300. `exact = false` (metafor's stopping rule, which
 * is absolute and tied to the user's units) leaves the data as they are.
 *
 * @example
 * scaleData(new Float64Array([1e-8, 3e-8]), new Float64Array([4e-16, 4e-16]), true).unit // => 2.220446049250313e-16 (2^-52, the power of 4 nearest 4e-16)
 */
export function scaleData(yi: Float64Array, vi: Float64Array, exact: boolean): ScaledData {
  if (!exact) return { y: yi, v: vi, shift: 0, unit: 1 };
  const k = yi.length;
  const shift = median(sample(yi));
  let typical = median(positives(sample(vi)));
  if (!(typical > 0 && typical < Infinity)) {
    const ys = sample(yi);
    const squares = new Float64Array(ys.length);
    for (let i = 0; i < ys.length; i++) squares[i] = (ys[i]! - shift) ** 2;
    typical = median(positives(squares));
  }
  if (!(typical > 0 && typical < Infinity)) typical = 1;
  const e = Math.max(-500, Math.min(500, Math.round(0.5 * Math.log2(typical))));
  const c = 2 ** e;
  const unit = c * c;
  // a pair a previous fit of this size gave back, if the collector has left it (see `fitIntercept`'s `release`)
  const { y, v } = borrowScratchPair(k);
  // c is a power of 2, so multiplying by 1/c (and 1/c² = (1/c)², also a power of 2) rounds
  // exactly as dividing by c; the same pass summarises the scaled data for the engine's checks
  const summary = summarizeData(yi, vi, shift, 1 / c, y, v);
  return { y, v, shift, unit, summary };
}

/** Studies beyond which the centre and unit come from a sample (see {@link sample}). */
const SAMPLE_SIZE = 4097;

/**
 * `x` itself when it has at most {@link SAMPLE_SIZE} entries, else that many entries taken at
 * evenly spaced positions: the centre and the unit only need to be typical values that move
 * with the data (a shift of y, a power of 2 near √v), and the same positions are taken whatever
 * the units, so the scaling stays exact and equivariant; a median of 10⁷ values would cost more
 * than the fit.
 */
function sample(x: Float64Array): Float64Array {
  const k = x.length;
  if (k <= SAMPLE_SIZE) return x;
  const out = new Float64Array(SAMPLE_SIZE);
  for (let j = 0; j < SAMPLE_SIZE; j++) out[j] = x[Math.floor((j * (k - 1)) / (SAMPLE_SIZE - 1))]!;
  return out;
}

/** The positive entries of x, in a new array. */
function positives(x: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < x.length; i++) if (x[i]! > 0) n++;
  if (n === x.length) return x;
  const out = new Float64Array(n);
  for (let i = 0, j = 0; i < x.length; i++) if (x[i]! > 0) out[j++] = x[i]!;
  return out;
}

/** The median of x, on a copy (`x` may be the caller's data). */
function median(x: Float64Array): number {
  return medianInPlace(x.slice());
}
