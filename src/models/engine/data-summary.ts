import { firstNonPositive } from '../../numeric/first-non-positive.ts';

/**
 * What the engine's checks and search bounds need to know of the data, gathered in one pass:
 * where a variance is not positive, the range of y and v, and the sums of the unweighted fit
 * (Hedges' start): Σvᵢ, Σvᵢ² and Σ(yᵢ − ȳ)².
 */
export interface DataSummary {
  /** Index of the first vᵢ that is not > 0, or −1. */
  readonly firstNonPositiveV: number;
  /** The smallest vᵢ (NaN if some vᵢ is NaN). */
  readonly vMin: number;
  /** The smallest positive vᵢ (Infinity if none). */
  readonly vMinPositive: number;
  /** The largest vᵢ, or 0 if none is positive. */
  readonly vMax: number;
  readonly yMin: number;
  readonly yMax: number;
  readonly sumV: number;
  readonly sumV2: number;
  /** Σ(yᵢ − ȳ)². */
  readonly ssY: number;
}

/** Studies summed plainly before their total is added with compensation (as the intercept model's fits). */
const BLOCK = 128;

/** The shifted sum of squares is kept while k·ȳ² is below this share of it (the intercept model's bound; Chan, Golub & LeVeque, 1983). */
const SHIFT_TOLERANCE = 2 ** -8;

/**
 * One pass over the data that summarises them ({@link DataSummary}), optionally writing
 * (yᵢ − shift)·scale and vᵢ·scale² to `yOut` and `vOut` in the same pass (`scaleData`: scale a
 * power of 2, so the written values are exact). The summary is of the written values. Sums are
 * blocked with Neumaier's compensation between blocks (relative error below 128ε); Σ(yᵢ − ȳ)²
 * is taken about 0 (data centred at their median, so |ȳ| is at most one SD) and recomputed about ȳ in
 * a second pass only when that shift would cost digits.
 *
 * @param yOut, vOut  where to write the scaled data, or `null` to only summarise (then shift = 0, scale = 1)
 * @example
 * summarizeData(new Float64Array([1, 2, 6]), new Float64Array([0.5, 0, 2]), 0, 1, null, null)
 * // => { firstNonPositiveV: 1, vMin: 0, vMinPositive: 0.5, vMax: 2, yMin: 1, yMax: 6, sumV: 2.5, sumV2: 4.25, ssY: 14 }
 */
export function summarizeData(
  yi: Float64Array,
  vi: Float64Array,
  shift: number,
  scale: number,
  yOut: Float64Array | null,
  vOut: Float64Array | null,
): DataSummary {
  const k = yi.length;
  const write = yOut !== null && vOut !== null;
  const scale2 = scale * scale;
  let firstNonPositiveV = -1;
  let nan = false;
  let vNonPositive = Infinity, vMinPositive = Infinity, vMax = 0, yMin = Infinity, yMax = -Infinity;
  let sv = 0, cv = 0, sv2 = 0, cv2 = 0, sy = 0, cy = 0, sy2 = 0, cy2 = 0, t = 0;
  for (let start = 0; start < k; start += BLOCK) {
    const end = Math.min(k, start + BLOCK);
    let bv = 0, bv2 = 0, by = 0, by2 = 0;
    for (let i = start; i < end; i++) {
      const y = (yi[i]! - shift) * scale;
      const v = vi[i]! * scale2;
      if (write) {
        yOut[i] = y;
        vOut[i] = v;
      }
      if (v > 0) {
        if (v < vMinPositive) vMinPositive = v;
        if (v > vMax) vMax = v;
      } else {
        if (firstNonPositiveV < 0) firstNonPositiveV = i;
        if (v <= vNonPositive) vNonPositive = v;
        else if (Number.isNaN(v)) nan = true;
      }
      if (y < yMin) yMin = y;
      if (y > yMax) yMax = y;
      bv += v;
      bv2 += v * v;
      by += y;
      by2 += y * y;
    }
    t = sv + bv; cv += Math.abs(sv) >= Math.abs(bv) ? sv - t + bv : bv - t + sv; sv = t;
    t = sv2 + bv2; cv2 += sv2 >= bv2 ? sv2 - t + bv2 : bv2 - t + sv2; sv2 = t;
    t = sy + by; cy += Math.abs(sy) >= Math.abs(by) ? sy - t + by : by - t + sy; sy = t;
    t = sy2 + by2; cy2 += sy2 >= by2 ? sy2 - t + by2 : by2 - t + sy2; sy2 = t;
  }
  const vMin = nan ? NaN : Math.min(vNonPositive, vMinPositive);
  const sumY = sy + cy;
  const mean = sumY / k;
  let ssY = sy2 + cy2 - mean * sumY;
  if (!(k * mean * mean <= SHIFT_TOLERANCE * ssY)) ssY = squaresAbout(write ? yOut : yi, Number.isFinite(mean) ? mean : 0, k);
  return { firstNonPositiveV, vMin, vMinPositive, vMax, yMin, yMax, sumV: sv + cv, sumV2: sv2 + cv2, ssY };
}

/** Σ(yᵢ − m)², blocked and compensated. */
function squaresAbout(y: Float64Array, m: number, k: number): number {
  let s = 0, c = 0, t = 0;
  for (let start = 0; start < k; start += BLOCK) {
    const end = Math.min(k, start + BLOCK);
    let b = 0;
    for (let i = start; i < end; i++) b += (y[i]! - m) ** 2;
    t = s + b; c += s >= b ? s - t + b : b - t + s; s = t;
  }
  return s + c;
}

/** A model that may keep the summary of its data (the intercept-only model does). */
interface Summarised {
  readonly y: Float64Array;
  readonly v: Float64Array;
  summary?(): DataSummary;
}

/**
 * The model's {@link DataSummary}: kept by the model where it has one, else computed (one pass).
 *
 * @example
 * modelSummary({ y: new Float64Array([0, 2]), v: new Float64Array([1, 3]) }).ssY // => 2
 */
export function modelSummary(model: Summarised): DataSummary {
  return model.summary?.() ?? summarizeData(model.y, model.v, 0, 1, null, null);
}

/**
 * Index of the model's first variance that is not > 0, or −1: read from its summary where it
 * keeps one, else one plain pass.
 *
 * @example
 * firstNonPositiveVariance({ y: new Float64Array(3), v: new Float64Array([1, 0, 2]) }) // => 1
 */
export function firstNonPositiveVariance(model: Summarised): number {
  return model.summary === undefined ? firstNonPositive(model.v) : model.summary().firstNonPositiveV;
}
