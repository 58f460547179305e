import type { EffectArrays, MeasureFamily } from './family.ts';
import { column, requireEach, requireSampleSize } from './family.ts';
import type { VarianceType } from './options.ts';
import { requirePredictors } from './partial-correlations.ts';
import { rSquaredFixed } from './r-squared-fixed.ts';
import { weightedMean } from './weighted-mean.ts';

/**
 * Coefficient of determination R² of a regression with m predictors fitted to n subjects
 * (metafor `R2`; Kendall & Stuart, 1979): y = R². Variance: `LS` 4R²(1 − R²)²/n (eq. 27.88);
 * `LS2` 4R²(1 − R²)²(n − m − 1)²/((n² − 1)(n + 3)) (eq. 27.87); `AV` and `AV2` the same with
 * the n-weighted mean R̄² over all rows in place of R². Scale: 0 to 1.
 *
 * @example
 * rSquared(Float64Array.of(0.5), Float64Array.of(3), Float64Array.of(100)).vi[0] // => 0.005
 */
export function rSquared(r2: Float64Array, m: Float64Array, n: Float64Array, vtype: 'LS' | 'LS2' | 'AV' | 'AV2' = 'LS'): EffectArrays {
  const k = r2.length;
  const yi = Float64Array.from(r2);
  const vi = new Float64Array(k);
  const mean = vtype === 'AV' || vtype === 'AV2' ? weightedMean(r2, n) : NaN;
  for (let i = 0; i < k; i++) {
    const y = vtype === 'AV' || vtype === 'AV2' ? mean : r2[i]!;
    const ni = n[i]!;
    const base = (4 * y * (1 - y) ** 2) / ni;
    vi[i] = vtype === 'LS2' || vtype === 'AV2' ? (base * ni * (ni - m[i]! - 1) ** 2) / ((ni * ni - 1) * (ni + 3)) : base;
  }
  return { yi, vi };
}

/**
 * R² transformed to the z scale of its square root (metafor `ZR2`; Olkin & Finn, 1995,
 * Psychological Bulletin 118:155): y = atanh(√R²), v = 1/n. Scale: z of the multiple correlation.
 *
 * @example
 * rSquaredZ(Float64Array.of(0.25), Float64Array.of(100)).yi[0] // => 0.5493061443340548 (atanh 0.5)
 */
export function rSquaredZ(r2: Float64Array, n: Float64Array): EffectArrays {
  const k = r2.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    yi[i] = Math.atanh(Math.sqrt(r2[i]!));
    vi[i] = 1 / n[i]!;
  }
  return { yi, vi };
}

type RSquaredMeasure = 'R2' | 'ZR2' | 'R2F' | 'ZR2F';

/** Coefficients of determination of regressions: R2, ZR2 (random predictors), R2F, ZR2F (fixed predictors). */
export const rSquaredFamily: MeasureFamily<RSquaredMeasure> = {
  measures: ['R2', 'ZR2', 'R2F', 'ZR2F'],
  requirements: () => [
    { roles: ['r2i'], what: 'the R² of the regression' },
    { roles: ['mi'], what: 'the number of predictors in the regression' },
    { roles: ['ni'], what: 'the sample size' },
  ],
  vtypes: (measure): readonly VarianceType[] => (measure === 'R2' ? ['LS', 'LS2', 'AV', 'AV2'] : ['LS']),
  validate(measure, table) {
    requireEach(table, 'r2i', (r) => r >= 0 && r <= 1, 'must be an R² between 0 and 1');
    requireSampleSize(table, 'ni', 1, measure);
    requirePredictors(table, measure);
    if (measure === 'R2F' || measure === 'ZR2F') {
      requireEach(table, 'r2i', (r) => r > 0 && r < 1, `must be strictly between 0 and 1 for measure ${measure} (its F statistic is 0 or infinite otherwise)`);
    }
  },
  compute(measure, table, options) {
    const r2 = column(table, 'r2i'), n = column(table, 'ni');
    if (measure === 'R2F' || measure === 'ZR2F') return rSquaredFixed(r2, column(table, 'mi'), n, measure === 'ZR2F');
    return measure === 'R2' ? rSquared(r2, column(table, 'mi'), n, options.vtype as 'LS' | 'LS2' | 'AV' | 'AV2') : rSquaredZ(r2, n);
  },
  undefinedReason: (measure) => (measure === 'ZR2' || measure === 'ZR2F' ? 'the z transform of R² = 1 is infinite' : 'R² is undefined'),
};
