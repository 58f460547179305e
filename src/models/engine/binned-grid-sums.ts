import { backSolve, cholesky, choleskyInverse, forwardSolve } from '../../numeric/cholesky.ts';
import type { RegressionDesign } from '../regression/design-matrix.ts';
import type { GridSums } from './weighted-model.ts';

/** Fewest studies for which the binned scan is used (below, one exact fit per grid point is as cheap). */
export const BINNED_SCAN_MIN_K = 4096;
/** Mantissa bits of vᵢ that name its bin: 2¹⁰ bins an octave, half-width ≤ 2⁻¹¹ of the centre. */
const BIN_BITS = 10;
/** Highest power of (vᵢ − c) kept in the moments. */
const ORDER = 2;
/** Most bins between the smallest and the largest vᵢ (a wider spread is scanned exactly). */
const MAX_KEYS = 1 << 21;
/** Largest admissible ratio (half-width)/(centre + τ²) of a bin: the series then converge fast. */
const MAX_RATIO = 1e-3;

const BITS = new Float64Array(1);
const WORDS = new Uint32Array(BITS.buffer);
/** Index of the high 32-bit word of a double (1 on little-endian machines). */
const HIGH = (() => {
  BITS[0] = 2;
  return WORDS[1] === 0x40000000 ? 1 : 0;
})();
const SHIFT = 20 - BIN_BITS;

/** The bin of v ≥ 0: its sign, exponent and first `BIN_BITS` mantissa bits. */
function binKey(v: number): number {
  BITS[0] = v;
  return WORDS[HIGH]! >>> SHIFT;
}

/** The smallest double of bin `key`. */
function binStart(key: number): number {
  WORDS[HIGH] = (key << SHIFT) >>> 0;
  WORDS[1 - HIGH] = 0;
  return BITS[0]!;
}

/**
 * The score sums of a weighted design model (see `WeightedModel.gridSums`) at every τ² of a
 * grid, from one pass over the studies. The studies are binned by vᵢ (bins of relative width
 * 2⁻¹⁰, from the bits of vᵢ); within a bin with centre c and half-width h, for every τ² > 0,
 *
 *   1/(vᵢ + τ²) = Σₘ (−1)ᵐ (vᵢ − c)ᵐ/(c + τ²)ᵐ⁺¹,   1/(vᵢ + τ²)² = Σₘ (−1)ᵐ (m + 1)(vᵢ − c)ᵐ/(c + τ²)ᵐ⁺²,
 *
 * so the bin's moments Σᵢ (vᵢ − c)ᵐ fᵢ (m ≤ 2) of the study terms fᵢ = (1, xᵢxᵢᵀ, xᵢr̃ᵢ, r̃ᵢ²),
 * r̃ᵢ = yᵢ − xᵢᵀγ₀, give Σaᵢfᵢ and Σaᵢ²fᵢ at any τ² in O(bins·p²). The series are cut after the
 * quadratic term: each weight (and its square, and cube) is off by at most 10(h/(c + τ²))³ ≤
 * 10·2⁻³³ ≈ 1.2e-9 of itself, so the sums are accurate to that relative to Σaᵢ|fᵢ|. That is enough for a scan, which only needs the
 * signs of the score away from its roots and polishes every bracket with exact fits. Then with
 * G = XᵀAX, b = XᵀAr̃, δ = G⁻¹b: rss = Σaᵢr̃ᵢ² − δᵀb, rss2 = Σaᵢ²r̃ᵢ² − 2δᵀXᵀA²r̃ + δᵀXᵀA²Xδ,
 * trP = Σaᵢ − tr(G⁻¹XᵀA²X). O(k·p²) for the pass, then O(bins·p² + p³) per grid point.
 *
 * @param design  the model's design (k × p)
 * @param y  outcomes
 * @param v  sampling variances
 * @param grid  τ² values (each > 0)
 * @param anchor  γ₀, any coefficients near the fits' (it only limits cancellation)
 * @returns one `GridSums` per grid point, or `null` when a vᵢ is negative or not finite, a τ² is
 *   not positive, or the vᵢ spread over too many bins (the caller then fits each point exactly)
 * @example
 * const design = scaledDesign([new Float64Array([0, 1, 2, 3, 4, 5])], ['x'], 6);
 * const y = new Float64Array([0.1, 0.5, 0.2, 0.9, 0.7, 1.4]);
 * const v = new Float64Array([0.1, 0.2, 0.3, 0.1, 0.2, 0.3]);
 * binnedGridSums(design, y, v, [0.5], new Float64Array(2))![0]!.trP
 * // => 5.75805906 (an exact fit at τ² = 0.5: 5.7580590595)
 */
export function binnedGridSums(
  design: RegressionDesign,
  y: Float64Array,
  v: Float64Array,
  grid: ArrayLike<number>,
  anchor: Float64Array,
): GridSums[] | null {
  let tMin = Infinity;
  for (let j = 0; j < grid.length; j++) tMin = Math.min(tMin, grid[j]!);
  if (!(tMin > 0)) return null;
  const binned = binnedMoments(design, y, v, anchor);
  if (binned === null) return null;
  const out: GridSums[] = [];
  for (let j = 0; j < grid.length; j++) {
    const sums = binned.sums(grid[j]!);
    if (sums === null) return null;
    out.push(sums);
  }
  return out;
}

/** The score sums at one τ², and tr(PP) (see {@link BinnedMoments}). */
export type BinnedSums = GridSums & { readonly trPP: number };

/** The studies' moments by bin of vᵢ, read at any τ² (see {@link binnedGridSums}). */
export interface BinnedMoments {
  /**
   * Σaᵢ, Σaᵢ², rss, rss2, tr(P) and tr(PP) at τ² from the moments (relative error of each weight
   * ≤ 10(h/(c + τ²))³, about 1.2e-9 at most), or `null` when a bin is too wide for the series at
   * this τ² (a bin that holds vᵢ = 0, at τ² = 0).
   */
  sums(tau2: number): BinnedSums | null;
}

/**
 * The moments of {@link binnedGridSums} in one pass over the studies, to be read at any τ².
 *
 * @returns `null` when a vᵢ is negative or not finite, or the vᵢ spread over too many bins
 * @example
 * const design = scaledDesign([new Float64Array([0, 1, 2, 3, 4, 5])], ['x'], 6);
 * const y = new Float64Array([0.1, 0.5, 0.2, 0.9, 0.7, 1.4]);
 * const v = new Float64Array([0.1, 0.2, 0.3, 0.1, 0.2, 0.3]);
 * binnedMoments(design, y, v, new Float64Array(2))!.sums(0.5)!.trPP
 * // => 8.3521897 (an exact fit at τ² = 0.5: 8.3521896645)
 */
export function binnedMoments(design: RegressionDesign, y: Float64Array, v: Float64Array, anchor: Float64Array): BinnedMoments | null {
  const { k, p } = design;
  if (k === 0) return null;
  let vMin = Infinity, vMax = -Infinity;
  for (let i = 0; i < k; i++) {
    const vi = v[i]!;
    if (vi < vMin) vMin = vi;
    if (vi > vMax) vMax = vi;
  }
  if (!(vMin >= 0 && vMax < Infinity)) return null;
  const keyMin = binKey(vMin);
  const keys = binKey(vMax) - keyMin + 1;
  if (keys > MAX_KEYS) return null;
  const centre = new Float64Array(keys);
  const half = new Float64Array(keys);
  for (let b = 0; b < keys; b++) {
    const lo = binStart(keyMin + b);
    const hi = binStart(keyMin + b + 1);
    centre[b] = lo / 2 + hi / 2;
    half[b] = hi / 2 - lo / 2;
  }
  const m = moments(design, y, v, anchor, keyMin, keys, centre);
  const tri = (p * (p + 1)) / 2;
  const terms = 2 + tri + p;
  return {
    sums: (t) => {
      const w = weightedSums(m, centre, half, keys, terms, t);
      return w === null ? null : scoreSums(w.a1, w.a2, w.a3, p, tri);
    },
  };
}

/**
 * Per bin and power m ≤ ORDER: Σ (vᵢ − c)ᵐ fᵢ with fᵢ = (1, lower triangle of xᵢxᵢᵀ, xᵢr̃ᵢ, r̃ᵢ²).
 * Layout: bin-major, then power, then term.
 */
export function moments(
  design: RegressionDesign, y: Float64Array, v: Float64Array, anchor: Float64Array,
  keyMin: number, keys: number, centre: Float64Array,
): Float64Array {
  const { k, p, x } = design;
  const tri = (p * (p + 1)) / 2;
  const terms = 2 + tri + p;
  const width = (ORDER + 1) * terms;
  const out = new Float64Array(keys * width);
  // one row at a time, each term added to its three moments (ORDER = 2) where it is formed: no
  // buffer of the terms, and each addition an independent load and store
  const t1 = terms, t2 = 2 * terms;
  for (let i = 0, row = 0; i < k; i++, row += p) {
    const vi = v[i]!;
    const b = binKey(vi) - keyMin;
    const d = vi - centre[b]!;
    const dd = d * d;
    let r = y[i]!;
    for (let j = 0; j < p; j++) r -= x[row + j]! * anchor[j]!;
    let o = b * width;
    out[o] = out[o]! + 1;
    out[o + t1] = out[o + t1]! + d;
    out[o + t2] = out[o + t2]! + dd;
    o++;
    for (let j = 0; j < p; j++) {
      const xj = x[row + j]!;
      for (let l = 0; l <= j; l++, o++) {
        const f = xj * x[row + l]!;
        out[o] = out[o]! + f;
        out[o + t1] = out[o + t1]! + d * f;
        out[o + t2] = out[o + t2]! + dd * f;
      }
    }
    for (let j = 0; j < p; j++, o++) {
      const f = x[row + j]! * r;
      out[o] = out[o]! + f;
      out[o + t1] = out[o + t1]! + d * f;
      out[o + t2] = out[o + t2]! + dd * f;
    }
    const f = r * r;
    out[o] = out[o]! + f;
    out[o + t1] = out[o + t1]! + d * f;
    out[o + t2] = out[o + t2]! + dd * f;
  }
  return out;
}

/**
 * Σaᵢfᵢ, Σaᵢ²fᵢ and Σaᵢ³fᵢ at τ² = t from the bins' moments, with
 * 1/(v + t)ʲ = Σₘ (−1)ᵐ C(m + j − 1, m)(v − c)ᵐ/(c + t)ᵐ⁺ʲ; `null` when a non-empty bin is too
 * wide for the series to converge fast at t.
 */
export function weightedSums(
  m: Float64Array, centre: Float64Array, half: Float64Array, keys: number, terms: number, t: number,
): { a1: Float64Array; a2: Float64Array; a3: Float64Array } | null {
  const a1 = new Float64Array(terms);
  const a2 = new Float64Array(terms);
  const a3 = new Float64Array(terms);
  const width = (ORDER + 1) * terms;
  // ORDER = 2: with u = 1/(c + t), the coefficients of the moments m = 0, 1, 2 are
  // α = (u, −u², u³), β = (u², −2u³, 3u⁴), γ = (u³, −3u⁴, 6u⁵)
  for (let b = 0; b < keys; b++) {
    const base = b * width;
    if (m[base] === 0) continue; // an empty bin (the first term counts the studies)
    const c = centre[b]! + t;
    if (!(half[b]! <= MAX_RATIO * c)) return null;
    const u = 1 / c;
    const u2 = u * u, u3 = u2 * u, u4 = u2 * u2, u5 = u4 * u;
    const al1 = -u2, al2 = u3, be1 = -2 * u3, be2 = 3 * u4, ga1 = -3 * u4, ga2 = 6 * u5;
    for (let e = 0, o = base; e < terms; e++, o++) {
      const m0 = m[o]!, m1 = m[o + terms]!, m2 = m[o + 2 * terms]!;
      a1[e] = a1[e]! + (u * m0 + al1 * m1 + al2 * m2);
      a2[e] = a2[e]! + (u2 * m0 + be1 * m1 + be2 * m2);
      a3[e] = a3[e]! + (u3 * m0 + ga1 * m1 + ga2 * m2);
    }
  }
  return { a1, a2, a3 };
}

/** The score sums from Σaᵢfᵢ, Σaᵢ²fᵢ and Σaᵢ³fᵢ (see {@link binnedGridSums}). */
function scoreSums(a1: Float64Array, a2: Float64Array, a3: Float64Array, p: number, tri: number): BinnedSums {
  const g = new Float64Array(p * p);
  const s2 = new Float64Array(p * p);
  const s3 = new Float64Array(p * p);
  for (let j = 0, n = 1; j < p; j++) {
    for (let l = 0; l <= j; l++, n++) {
      g[j * p + l] = a1[n]!;
      s2[j * p + l] = s2[l * p + j] = a2[n]!;
      s3[j * p + l] = s3[l * p + j] = a3[n]!;
    }
  }
  const b = a1.subarray(1 + tri, 1 + tri + p);
  const b2 = a2.subarray(1 + tri, 1 + tri + p);
  const sumW = a1[0]!;
  const sumW2 = a2[0]!;
  const l = cholesky(g, p);
  if (l === null) return { sumW, sumW2, rss: NaN, rss2: NaN, trP: NaN, trPP: NaN };
  const delta = backSolve(l, p, forwardSolve(l, p, b));
  const inv = choleskyInverse(l, p);
  // U = G⁻¹S₂: tr(G⁻¹S₂) and tr(U²)
  const u = new Float64Array(p * p);
  for (let j = 0; j < p; j++) for (let c = 0; c < p; c++) for (let t = 0; t < p; t++) u[j * p + c] = u[j * p + c]! + inv[j * p + t]! * s2[t * p + c]!;
  let q1 = 0, q2 = 0, quad = 0, tr2 = 0, tr3 = 0, trUU = 0;
  for (let j = 0; j < p; j++) {
    q1 += delta[j]! * b[j]!;
    q2 += delta[j]! * b2[j]!;
    tr2 += u[j * p + j]!;
    for (let c = 0; c < p; c++) {
      quad += delta[j]! * s2[j * p + c]! * delta[c]!;
      tr3 += inv[j * p + c]! * s3[c * p + j]!;
      trUU += u[j * p + c]! * u[c * p + j]!;
    }
  }
  return {
    sumW,
    sumW2,
    rss: a1[1 + tri + p]! - q1,
    rss2: a2[1 + tri + p]! - 2 * q2 + quad,
    trP: sumW - tr2,
    trPP: sumW2 - 2 * tr3 + trUU,
  };
}
