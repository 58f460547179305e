import type { EffectArrays, MeasureFamily } from './family.ts';
import { column, requireEach, requireSampleSize } from './family.ts';
import type { VarianceType } from './options.ts';
import { fail } from './read-table.ts';
import type { Requirement, Table } from './read-table.ts';
import { weightedMean } from './weighted-mean.ts';

/**
 * Partial correlation between an outcome and a predictor in a regression with m predictors in
 * all, fitted to n subjects (metafor `PCOR`; Aloe & Thompson, 2013, Journal of the Society for
 * Social Work and Research 4:390): y = r (effectSizes also takes the predictor's t statistic
 * `ti` in place of `ri`). Variance: `LS` (1 − r²)²/(n − m); `AV`
 * (1 − r̄²)²/(n − m) with r̄ the n-weighted mean of r over all rows. With `fisher`
 * (metafor `ZPCOR`): y = atanh r, v = 1/(n − m − 2). Scale: −1 to 1 (or z).
 *
 * @example
 * partialCorrelation(Float64Array.of(0.3), Float64Array.of(4), Float64Array.of(104)).vi[0] // => 0.0082810 ((1 − 0.09)²/100)
 */
export function partialCorrelation(
  r: Float64Array, m: Float64Array, n: Float64Array, vtype: 'LS' | 'AV' = 'LS', fisher = false,
): EffectArrays {
  const k = r.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  const mean = vtype === 'AV' && !fisher ? weightedMean(r, n) : NaN;
  for (let i = 0; i < k; i++) {
    const ri = r[i]!, mi = m[i]!, ni = n[i]!;
    if (fisher) {
      yi[i] = Math.atanh(ri);
      vi[i] = 1 / (ni - mi - 2);
    } else {
      const q = vtype === 'AV' ? mean : ri;
      yi[i] = ri;
      vi[i] = (1 - q * q) ** 2 / (ni - mi);
    }
  }
  return { yi, vi };
}

/**
 * Semi-partial correlation of a predictor in a regression with m predictors and coefficient of
 * determination R², fitted to n subjects (metafor `SPCOR`; Aloe & Becker, 2012, Journal of
 * Educational and Behavioral Statistics 37:278): y = r. Variance: `LS`
 * (R⁴ − 2R² + (R² − r²) + 1 − (R² − r²)²)/n with R⁴ = (R²)²; `AV` the same with r̄ (n-weighted
 * mean over all rows) for r. With `fisher` (metafor `ZSPCOR`): y = atanh r, v divided by
 * (1 − r²)² (not variance-stabilizing here). Scale: −1 to 1 (or z).
 *
 * @example
 * semiPartialCorrelation(Float64Array.of(0), Float64Array.of(0.5), Float64Array.of(100)).vi[0] // => 0.005 ((1 − R²)/n at r = 0)
 */
export function semiPartialCorrelation(
  r: Float64Array, r2: Float64Array, n: Float64Array, vtype: 'LS' | 'AV' = 'LS', fisher = false,
): EffectArrays {
  const k = r.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  const mean = vtype === 'AV' ? weightedMean(r, n) : NaN;
  for (let i = 0; i < k; i++) {
    const ri = r[i]!, big = r2[i]!;
    const q = vtype === 'AV' ? mean : ri;
    const rest = big - q * q;
    const v = (big * big - 2 * big + rest + 1 - rest * rest) / n[i]!;
    yi[i] = fisher ? Math.atanh(ri) : ri;
    vi[i] = fisher ? v / (1 - ri * ri) ** 2 : v;
  }
  return { yi, vi };
}

type PartialMeasure = 'PCOR' | 'ZPCOR' | 'SPCOR' | 'ZSPCOR';

const BASE: readonly Requirement[] = [
  { roles: ['ri', 'ti'], what: "the (semi-)partial correlation, or the predictor's t statistic" },
  { roles: ['mi'], what: 'the number of predictors in the regression' },
  { roles: ['ni'], what: 'the sample size' },
];
const R2: Requirement = { roles: ['r2i'], what: "the regression's R²" };

/**
 * The (semi-)partial correlations: `ri` where given, else from the predictor's t statistic `ti`
 * with df = n − m − 1: r = t/√(t² + df) (partial) or r = t·√(1 − R²)/√df (semi-partial), as
 * metafor converts them.
 */
function correlationsFromT(table: Table, semi: boolean): Float64Array {
  const r = Float64Array.from(column(table, 'ri'));
  const t = table.values.ti;
  if (!t) return r;
  const m = column(table, 'mi'), n = column(table, 'ni'), r2 = column(table, 'r2i');
  for (let i = 0; i < table.k; i++) {
    if (!Number.isNaN(r[i]!)) continue;
    const df = n[i]! - m[i]! - 1, ti = t[i]!;
    r[i] = semi ? (ti * Math.sqrt(1 - r2[i]!)) / Math.sqrt(df) : ti / Math.sqrt(ti * ti + df);
  }
  return r;
}

/**
 * Throws unless each present number of predictors m is positive and n − m − `extra` > 0
 * (`extra` = 1: residual degrees of freedom).
 */
export function requirePredictors(table: Table, measure: string, extra = 1): void {
  requireEach(table, 'mi', (m) => m > 0, `must be a positive number of predictors for measure ${measure}`);
  const m = table.values.mi, n = table.values.ni;
  if (!m || !n) return;
  for (let i = 0; i < table.k; i++) {
    if (n[i]! - m[i]! - extra <= 0) fail(table, i, 'ni', `must exceed mi + ${extra} (${m[i]! + extra}) for measure ${measure}`, n[i]);
  }
}

/** Partial and semi-partial correlations from regressions: PCOR, ZPCOR, SPCOR, ZSPCOR. */
export const partialCorrelationsFamily: MeasureFamily<PartialMeasure> = {
  measures: ['PCOR', 'ZPCOR', 'SPCOR', 'ZSPCOR'],
  requirements: (measure) => (measure === 'PCOR' || measure === 'ZPCOR' ? BASE : [...BASE, R2]),
  vtypes: (measure): readonly VarianceType[] => (measure === 'ZPCOR' ? ['LS'] : ['LS', 'AV']),
  validate(measure, table) {
    requireEach(table, 'ri', (r) => r >= -1 && r <= 1, 'must be a correlation between -1 and 1');
    requireEach(table, 'r2i', (r) => r >= 0 && r <= 1, 'must be an R² between 0 and 1');
    requireSampleSize(table, 'ni', 1, measure);
    // ZPCOR's variance 1/(n − m − 2) needs n − m − 2 > 0
    requirePredictors(table, measure, measure === 'ZPCOR' ? 2 : 1);
  },
  compute(measure, table, options) {
    const r = correlationsFromT(table, measure === 'SPCOR' || measure === 'ZSPCOR'), n = column(table, 'ni');
    const vtype = options.vtype as 'LS' | 'AV';
    if (measure === 'PCOR' || measure === 'ZPCOR') return partialCorrelation(r, column(table, 'mi'), n, vtype, measure === 'ZPCOR');
    return semiPartialCorrelation(r, column(table, 'r2i'), n, vtype, measure === 'ZSPCOR');
  },
  undefinedReason: (measure) =>
    measure.startsWith('Z') ? "Fisher's z is infinite for a correlation of -1 or 1" : 'the correlation is undefined',
};

