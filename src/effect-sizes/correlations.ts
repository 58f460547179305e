import type { EffectArrays, MeasureFamily } from './family.ts';
import { column, requireEach, requireSampleSize } from './family.ts';
import type { VarianceType } from './options.ts';
import { weightedMean } from './weighted-mean.ts';
import { hypergeometric2F1 } from '../numeric/hypergeometric.ts';

/**
 * Raw correlation coefficient (metafor `COR`): yᵢ = rᵢ. Variance: `LS` (1 − r²)²/(n − 1)
 * (Borenstein, 2009, eq. 12.27); `AV` (1 − r̄²)²/(n − 1) with r̄ the n-weighted mean
 * correlation over all rows; under H0: ρ = 0, `H0` (= `H0a`) (1 − r²)/(n − 2) and `H0b` 1/n. Scale: −1 to 1.
 *
 * @example
 * rawCorrelation(Float64Array.of(0.06), Float64Array.of(95)).vi[0] // => 0.01056184 (metafor escalc("COR") on dat.mcdaniel1994, study 2)
 */
export function rawCorrelation(r: Float64Array, n: Float64Array, vtype: 'LS' | 'AV' | 'H0' | 'H0a' | 'H0b' = 'LS'): EffectArrays {
  const k = r.length;
  const yi = Float64Array.from(r);
  const vi = new Float64Array(k);
  const mean = vtype === 'AV' ? weightedMean(r, n) : NaN;
  for (let i = 0; i < k; i++) {
    const q = vtype === 'AV' ? mean : r[i]!;
    if (vtype === 'H0' || vtype === 'H0a') vi[i] = (1 - q * q) / (n[i]! - 2);
    else if (vtype === 'H0b') vi[i] = 1 / n[i]!;
    else vi[i] = ((1 - q * q) * (1 - q * q)) / (n[i]! - 1);
  }
  return { yi, vi };
}

/**
 * Fisher's r-to-z transformed correlation (metafor `ZCOR`, Fisher, 1921):
 * z = ½·ln((1 + r)/(1 − r)), v = 1/(n − 3). Infinite (NaN here) for |r| = 1. Scale: z units.
 *
 * @example
 * fisherZ(Float64Array.of(0.5), Float64Array.of(103)).yi[0] // => 0.5493061443340548
 */
export function fisherZ(r: Float64Array, n: Float64Array): EffectArrays {
  const k = r.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const ri = r[i]!;
    yi[i] = 0.5 * Math.log((1 + ri) / (1 - ri));
    vi[i] = 1 / (n[i]! - 3);
  }
  return { yi, vi };
}

/**
 * Bias-corrected correlation coefficient (metafor `UCOR`; Olkin & Pratt, 1958, Annals of
 * Mathematical Statistics 29:201): y = r·₂F₁(½, ½; (n−2)/2; 1 − r²), the minimum-variance
 * unbiased estimator of ρ. Variance: `LS` (1 − y²)²/(n − 1); `UB` the unbiased estimate
 * y² − 1 + (n−3)/(n−2)·(1 − r²)·₂F₁(1, 1; n/2; 1 − r²); `AV` (1 − ȳ²)²/(n − 1) with ȳ the
 * n-weighted mean of y over all rows. Needs n ≥ 5. Scale: −1 to 1.
 *
 * @example
 * unbiasedCorrelation(Float64Array.of(0.62), Float64Array.of(15)).yi[0] // => 0.636293720345594 (metafor 5.1 escalc("UCOR") on dat.mcdaniel1994, study 13)
 */
export function unbiasedCorrelation(r: Float64Array, n: Float64Array, vtype: 'LS' | 'UB' | 'AV' = 'LS'): EffectArrays {
  const k = r.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const ri = r[i]!, q = ri * ri;
    yi[i] = ri === 0 ? 0 : ri * hypergeometric2F1(0.5, 0.5, (n[i]! - 2) / 2, 1 - q, q);
  }
  const mean = vtype === 'AV' ? weightedMean(yi, n) : NaN;
  for (let i = 0; i < k; i++) {
    const ri = r[i]!, ni = n[i]!, y = yi[i]!, q = ri * ri;
    if (vtype === 'UB') {
      vi[i] = y * y - (1 - ((ni - 3) / (ni - 2)) * (1 - q) * hypergeometric2F1(1, 1, ni / 2, 1 - q, q));
    } else {
      const z = vtype === 'AV' ? mean : y;
      vi[i] = (1 - z * z) ** 2 / (ni - 1);
    }
  }
  return { yi, vi };
}

type CorrelationMeasure = 'COR' | 'ZCOR' | 'UCOR';

/** Correlation coefficients with sample sizes: COR, ZCOR, UCOR. */
export const correlationsFamily: MeasureFamily<CorrelationMeasure> = {
  measures: ['COR', 'ZCOR', 'UCOR'],
  requirements: () => [
    { roles: ['ri'], what: 'the correlation coefficient' },
    { roles: ['ni'], what: 'the sample size' },
  ],
  vtypes: (measure): readonly VarianceType[] => (measure === 'COR' ? ['LS', 'AV', 'H0', 'H0a', 'H0b'] : measure === 'UCOR' ? ['LS', 'UB', 'AV'] : ['LS']),
  validate(measure, table) {
    requireEach(table, 'ri', (r) => r >= -1 && r <= 1, 'must be a correlation between -1 and 1');
    // metafor leaves vi undefined (NA) for ni <= 3, for COR as for ZCOR.
    // UCOR's hypergeometric function needs (n − 2)/2 > 1 (metafor: NA for n <= 4).
    requireSampleSize(table, 'ni', measure === 'UCOR' ? 5 : 4, measure);
  },
  compute(measure, table, options) {
    const r = column(table, 'ri'), n = column(table, 'ni');
    if (measure === 'UCOR') return unbiasedCorrelation(r, n, options.vtype as 'LS' | 'UB' | 'AV');
    return measure === 'COR' ? rawCorrelation(r, n, options.vtype as 'LS' | 'AV' | 'H0' | 'H0a' | 'H0b') : fisherZ(r, n);
  },
  undefinedReason: (measure) =>
    measure === 'ZCOR' ? "Fisher's z is infinite for a correlation of -1 or 1" : 'the correlation is undefined',
};
