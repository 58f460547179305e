import { CompensatedAccumulator } from '../../numeric/compensated-sum.ts';
import { cholesky, choleskyLogDet, backSolve, forwardSolve } from '../../numeric/cholesky.ts';
import type { RegressionDesign } from '../regression/design-matrix.ts';
import type { WeightedFit, WeightedModel } from './weighted-model.ts';

/**
 * The design-matrix implementation of {@link WeightedModel}: weighted least squares of y on any
 * full-rank design X (k × p) in O(k·p²) per fit, from p-vectors only. With G = XᵀAX = LLᵀ,
 * zᵢ = L⁻¹xᵢ and hᵢ = aᵢ|zᵢ|²: Py = Ar, so rss = Σaᵢrᵢ², rss2 = Σaᵢ²rᵢ², trP = Σaᵢ(1 − hᵢ), and
 * Σᵢⱼ dᵢeⱼPᵢⱼ² = Σᵢdᵢeᵢaᵢ²(1 − 2hᵢ) + tr(M_d M_e) with M_d = Σᵢ dᵢaᵢ² zᵢzᵢᵀ (p × p).
 *
 * @param design  the (scaled) design, k × p (see `scaledDesign`)
 * @param y  outcomes, length k
 * @param v  sampling variances, length k
 * @param unit  variance unit of the data (see `WeightedModel.unit`); default 1
 * @example
 * designModel(interceptDesign(2), new Float64Array([1, 3]), new Float64Array([1, 1])).fitTau2(0)!.rss // => 2
 */
export function designModel(design: RegressionDesign, y: Float64Array, v: Float64Array, unit = 1): WeightedModel {
  const w = new Float64Array(design.k);
  return {
    k: design.k,
    p: design.p,
    y,
    v,
    unit,
    fitWeights: (a) => weightedFit(design, y, a),
    fitTau2: (tau2) => {
      for (let i = 0; i < w.length; i++) w[i] = 1 / (v[i]! + tau2);
      return weightedFit(design, y, w);
    },
    sumLogV: (tau2) => {
      const acc = new CompensatedAccumulator();
      for (let i = 0; i < v.length; i++) acc.add(Math.log(v[i]! + tau2));
      return acc.value();
    },
  };
}

function weightedFit(design: RegressionDesign, y: ArrayLike<number>, a: ArrayLike<number>): WeightedFit | null {
  const { k, p, x } = design;
  for (let i = 0; i < k; i++) if (!Number.isFinite(a[i]!)) return null;
  const gram = new Float64Array(p * p);
  const xay = new Float64Array(p);
  for (let i = 0; i < k; i++) {
    const ai = a[i]!;
    const row = i * p;
    for (let j = 0; j < p; j++) {
      const axj = ai * x[row + j]!;
      xay[j] = xay[j]! + axj * y[i]!;
      for (let l = 0; l <= j; l++) gram[j * p + l] = gram[j * p + l]! + axj * x[row + l]!;
    }
  }
  const factor = cholesky(gram, p);
  if (factor === null) return null;
  const coef = backSolve(factor, p, forwardSolve(factor, p, xay));

  const z = new Float64Array(k * p);
  const h = new Float64Array(k);
  const sA = new CompensatedAccumulator();
  const sA2 = new CompensatedAccumulator();
  const sRss = new CompensatedAccumulator();
  const sRss2 = new CompensatedAccumulator();
  const sTrP = new CompensatedAccumulator();
  const zi = new Float64Array(p);
  for (let i = 0; i < k; i++) {
    const ai = a[i]!;
    const row = i * p;
    let fitted = 0;
    for (let j = 0; j < p; j++) fitted += x[row + j]! * coef[j]!;
    const r = y[i]! - fitted;
    forwardSolve(factor, p, x.subarray(row, row + p), zi);
    let q = 0;
    for (let j = 0; j < p; j++) {
      z[row + j] = zi[j]!;
      q += zi[j]! * zi[j]!;
    }
    h[i] = ai * q;
    sA.add(ai);
    sA2.add(ai * ai);
    sRss.add(ai * r * r);
    sRss2.add(ai * ai * r * r);
    sTrP.add(ai * (1 - h[i]!));
  }

  const weightedOuter = (d: ArrayLike<number> | null): Float64Array => {
    const m = new Float64Array(p * p);
    for (let i = 0; i < k; i++) {
      const c = (d === null ? 1 : d[i]!) * a[i]! * a[i]!;
      const row = i * p;
      for (let j = 0; j < p; j++) {
        const czj = c * z[row + j]!;
        for (let l = 0; l <= j; l++) m[j * p + l] = m[j * p + l]! + czj * z[row + l]!;
      }
    }
    for (let j = 0; j < p; j++) for (let l = 0; l < j; l++) m[l * p + j] = m[j * p + l]!;
    return m;
  };
  const traceProduct = (d: ArrayLike<number> | null, e: ArrayLike<number> | null): number => {
    const diag = new CompensatedAccumulator();
    for (let i = 0; i < k; i++) {
      const de = (d === null ? 1 : d[i]!) * (e === null ? 1 : e[i]!);
      diag.add(de * a[i]! * a[i]! * (1 - 2 * h[i]!));
    }
    const md = weightedOuter(d);
    const me = d === e ? md : weightedOuter(e);
    let cross = 0;
    for (let t = 0; t < p * p; t++) cross += md[t]! * me[t]!;
    return diag.value() + cross;
  };

  const traceDiagonal = (d: ArrayLike<number>): number => {
    const acc = new CompensatedAccumulator();
    for (let i = 0; i < k; i++) acc.add(d[i]! * a[i]! * (1 - h[i]!));
    return acc.value();
  };

  return {
    coef,
    gramFactor: factor,
    logDetGram: choleskyLogDet(factor, p),
    sumW: sA.value(),
    sumW2: sA2.value(),
    trPP: traceProduct(null, null),
    rss: sRss.value(),
    rss2: sRss2.value(),
    trP: sTrP.value(),
    traceDiagonal,
    traceProduct,
  };
}
