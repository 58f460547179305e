import { normalPdf, normalQuantile } from '../distributions/normal.ts';
import type { EffectArrays, MeasureFamily } from './family.ts';
import type { VarianceType } from './options.ts';
import { TWO_GROUP_REQUIREMENTS, pooledSd, readTwoGroups, validateTwoGroups } from './two-group-means.ts';
import type { TwoGroupMeans } from './two-group-means.ts';

/** Cohen's d with the pooled SD (no small-sample correction), the group sizes and N = n1 + n2. */
function cohensD(g: TwoGroupMeans, i: number): { d: number; n1: number; n2: number; n: number } {
  const n1 = g.n1[i]!, n2 = g.n2[i]!;
  const d = (g.m1[i]! - g.m2[i]!) / pooledSd(g.sd1[i]!, n1, g.sd2[i]!, n2);
  return { d, n1, n2, n: n1 + n2 };
}

/** Row i's d (as {@link cohensD}), h = (N−2)/n1 + (N−2)/n2 and the point-biserial r = d/√(d² + h). */
function pointBiserialRow(g: TwoGroupMeans, i: number): { d: number; n1: number; n2: number; n: number; h: number; r: number } {
  const c = cohensD(g, i);
  const h = (c.n - 2) / c.n1 + (c.n - 2) / c.n2;
  return { ...c, h, r: c.d / Math.sqrt(c.d * c.d + h) };
}

/**
 * Point-biserial correlation from two groups' means and SDs (metafor `RPB`; Tate, 1954,
 * Annals of Mathematical Statistics 25:603): with d = (m1 − m2)/s_p (no correction),
 * N = n1 + n2 and h = (N−2)/n1 + (N−2)/n2, y = d/√(d² + h). Variance: `ST` (= `LS`, group sizes
 * fixed by design) h²/(h + d²)³ · (1/n1 + 1/n2 + d²/(2N)); `CS` (cross-sectional sampling)
 * (1 − y²)²(N·y²/(4·n1·n2) + (2 − 3y²)/(2N)) (Tate, 1955). With `fisher`, y is r-to-z
 * transformed and the variance divided by (1 − y²)² (metafor `ZPB`; not variance-stabilizing
 * here). Scale: correlation (or z).
 *
 * @example
 * pointBiserialCorrelation({ m1: Float64Array.of(1), sd1: Float64Array.of(1), n1: Float64Array.of(50),
 *   m2: Float64Array.of(0), sd2: Float64Array.of(1), n2: Float64Array.of(50) }).yi[0] // => 0.450834817333716 (metafor 5.1 escalc("RPB"))
 */
export function pointBiserialCorrelation(g: TwoGroupMeans, vtype: 'LS' | 'ST' | 'CS' = 'LS', fisher = false): EffectArrays {
  const k = g.m1.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const { d, n1, n2, n, h, r: y } = pointBiserialRow(g, i);
    const v = vtype === 'CS'
      ? (1 - y * y) ** 2 * ((n * y * y) / (4 * n1 * n2) + (2 - 3 * y * y) / (2 * n))
      : (h * h) / (h + d * d) ** 3 * (1 / n1 + 1 / n2 + (d * d) / (2 * n));
    yi[i] = fisher ? fisherTransform(y) : y;
    vi[i] = fisher ? fisherVariance(v, y) : v;
  }
  return { yi, vi };
}

/**
 * Biserial correlation from two groups' means and SDs (metafor `RBIS`): the point-biserial
 * correlation r_pb (see {@link pointBiserialCorrelation}) times √(p1·p2)/φ(z), with p1 = n1/N,
 * p2 = n2/N, z = Φ⁻¹(p2). Variance (Soper, 1914, Biometrika 10:384), with y clamped to [−1, 1]:
 * (p1p2/φ(z)² − (3/2 + (1 − p1z/φ(z))(1 + p2z/φ(z)))·y² + y⁴)/(N − 1). With `fisher`, as for
 * {@link pointBiserialCorrelation} (metafor `ZBIS`). Scale: correlation (or z).
 *
 * @example
 * biserialCorrelation({ m1: Float64Array.of(1), sd1: Float64Array.of(1), n1: Float64Array.of(50),
 *   m2: Float64Array.of(0), sd2: Float64Array.of(1), n2: Float64Array.of(50) }).yi[0] // => 0.565037650158398 (metafor 5.1 escalc("RBIS"))
 */
export function biserialCorrelation(g: TwoGroupMeans, fisher = false): EffectArrays {
  const k = g.m1.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const { n1, n2, n, r } = pointBiserialRow(g, i);
    const p1 = n1 / n, p2 = n2 / n;
    const z = normalQuantile(p1, true);
    const f = normalPdf(z);
    const y = (Math.sqrt(p1 * p2) / f) * r;
    const t = Math.abs(y) > 1 ? Math.sign(y) : y;
    const v = ((p1 * p2) / (f * f) - (1.5 + (1 - (p1 * z) / f) * (1 + (p2 * z) / f)) * t * t + t ** 4) / (n - 1);
    yi[i] = fisher ? fisherTransform(y) : y;
    vi[i] = fisher ? fisherVariance(v, y) : v;
  }
  return { yi, vi };
}

/** atanh of a correlation clamped to [−1, 1] (metafor's `transf.rtoz`). */
function fisherTransform(r: number): number {
  return Math.atanh(Math.min(1, Math.max(-1, r)));
}

/** Delta-method variance of atanh(r), with r² capped at 1. */
function fisherVariance(v: number, r: number): number {
  return v / (1 - Math.min(1, r * r)) ** 2;
}

/**
 * Log odds ratio from a standardized mean difference (metafor `D2ORL`/`D2OR`, logistic
 * distribution, Hasselblad & Hedges, 1995; `D2ORN`, normal distribution, Cox & Snell, 1989):
 * with d = (m1 − m2)/s_p (no correction) and c = π/√3 (logistic) or 1.65 (normal), y = c·d,
 * v = c²(1/n1 + 1/n2 + d²/(2N)). Scale: log odds ratio.
 *
 * @example
 * logOddsRatioFromD({ m1: Float64Array.of(1), sd1: Float64Array.of(1), n1: Float64Array.of(50),
 *   m2: Float64Array.of(0), sd2: Float64Array.of(1), n2: Float64Array.of(50) }, 'normal').yi[0] // => 1.65
 */
export function logOddsRatioFromD(g: TwoGroupMeans, distribution: 'logistic' | 'normal'): EffectArrays {
  const c = distribution === 'logistic' ? Math.PI / Math.sqrt(3) : 1.65;
  const k = g.m1.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const { d, n1, n2, n } = cohensD(g, i);
    yi[i] = c * d;
    vi[i] = c * c * (1 / n1 + 1 / n2 + (d * d) / (2 * n));
  }
  return { yi, vi };
}

type DConversionMeasure = 'RPB' | 'ZPB' | 'RBIS' | 'ZBIS' | 'D2OR' | 'D2ORN' | 'D2ORL';

/** Conversions of two groups' standardized mean difference: RPB, ZPB, RBIS, ZBIS, D2OR, D2ORN, D2ORL. */
export const dConversionsFamily: MeasureFamily<DConversionMeasure> = {
  measures: ['RPB', 'ZPB', 'RBIS', 'ZBIS', 'D2OR', 'D2ORN', 'D2ORL'],
  requirements: () => TWO_GROUP_REQUIREMENTS,
  vtypes: (measure): readonly VarianceType[] => (measure === 'RPB' || measure === 'ZPB' ? ['LS', 'ST', 'CS'] : ['LS']),
  validate(measure, table) {
    // the pooled SD needs n1 + n2 > 2; each group needs one observation
    validateTwoGroups(table, measure, 1);
  },
  compute(measure, table, options) {
    const g = readTwoGroups(table);
    switch (measure) {
      case 'RPB': case 'ZPB': return pointBiserialCorrelation(g, options.vtype as 'LS' | 'ST' | 'CS', measure === 'ZPB');
      case 'RBIS': case 'ZBIS': return biserialCorrelation(g, measure === 'ZBIS');
      case 'D2ORN': return logOddsRatioFromD(g, 'normal');
      default: return logOddsRatioFromD(g, 'logistic');
    }
  },
  undefinedReason: (measure) =>
    measure === 'ZBIS' || measure === 'ZPB'
      ? 'the correlation is ±1 (or beyond, for the biserial), where its z transform is infinite'
      : 'the pooled standard deviation is zero',
};
