import { normalQuantile } from '../distributions/normal.ts';
import { InputError } from '../errors.ts';
import type { EffectArrays, MeasureFamily } from './family.ts';
import { column, requireNonNegative } from './family.ts';
import type { VarianceType } from './options.ts';
import { fail } from './read-table.ts';
import { weightedMean } from './weighted-mean.ts';
import { addToZeroCells } from './zero-cells.ts';

/** Events `x` and non-events `m` of one group per row (metafor's xi and mi). */
export interface EventCounts {
  readonly x: Float64Array;
  readonly m: Float64Array;
}

function shape(counts: EventCounts) {
  const k = counts.x.length;
  const n = new Float64Array(k);
  const p = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    n[i] = counts.x[i]! + counts.m[i]!;
    p[i] = counts.x[i]! / n[i]!;
  }
  return { k, n, p, yi: new Float64Array(k), vi: new Float64Array(k) };
}

/**
 * Raw proportion (metafor `PR`): p = x/n. Variance: `LS` p(1−p)/n; `UB` p(1−p)/(n−1);
 * `AV` p̄(1−p̄)/n with p̄ the n-weighted mean proportion over all rows. Scale: 0 to 1.
 *
 * @example
 * rawProportion({ x: Float64Array.of(16), m: Float64Array.of(1) }).yi[0] // => 0.9411764705882353
 */
export function rawProportion(counts: EventCounts, vtype: 'LS' | 'UB' | 'AV' = 'LS'): EffectArrays {
  const { k, n, p, yi, vi } = shape(counts);
  const mean = vtype === 'AV' ? weightedMean(p, n) : NaN;
  for (let i = 0; i < k; i++) {
    const q = vtype === 'AV' ? mean : p[i]!;
    yi[i] = p[i]!;
    vi[i] = (q * (1 - q)) / (n[i]! - (vtype === 'UB' ? 1 : 0));
  }
  return { yi, vi };
}

/**
 * Log proportion (metafor `PLN`): y = ln(x/n). Variance: `LS` 1/x − 1/n; `AV` 1/(p̄n) − 1/n.
 * NaN for x = 0 without a continuity correction. Scale: natural log.
 *
 * @example
 * logProportion({ x: Float64Array.of(16), m: Float64Array.of(1) }).vi[0] // => 0.003676470588235295
 */
export function logProportion(counts: EventCounts, vtype: 'LS' | 'AV' = 'LS'): EffectArrays {
  const { k, n, p, yi, vi } = shape(counts);
  const mean = vtype === 'AV' ? weightedMean(p, n) : NaN;
  for (let i = 0; i < k; i++) {
    yi[i] = Math.log(p[i]!);
    vi[i] = vtype === 'AV' ? 1 / (mean * n[i]!) - 1 / n[i]! : 1 / counts.x[i]! - 1 / n[i]!;
  }
  return { yi, vi };
}

/**
 * Logit of a proportion, the log odds (metafor `PLO`): y = ln(x/m). Variance: `LS` 1/x + 1/m;
 * `AV` 1/(p̄n) + 1/((1−p̄)n). NaN for x = 0 or m = 0 without a continuity correction.
 * Scale: natural log odds.
 *
 * @example
 * logitProportion({ x: Float64Array.of(16), m: Float64Array.of(1) }).yi[0] // => 2.772588722239781 (= ln 16)
 */
export function logitProportion(counts: EventCounts, vtype: 'LS' | 'AV' = 'LS'): EffectArrays {
  const { k, n, p, yi, vi } = shape(counts);
  const mean = vtype === 'AV' ? weightedMean(p, n) : NaN;
  for (let i = 0; i < k; i++) {
    const pi = p[i]!;
    yi[i] = Math.log(pi / (1 - pi));
    vi[i] =
      vtype === 'AV' ? 1 / (mean * n[i]!) + 1 / ((1 - mean) * n[i]!) : 1 / counts.x[i]! + 1 / counts.m[i]!;
  }
  return { yi, vi };
}

/**
 * Arcsine square-root transformed proportion (metafor `PAS`): y = asin√p, v = 1/(4n).
 * Scale: radians (0 to π/2).
 *
 * @example
 * arcsineProportion({ x: Float64Array.of(16), m: Float64Array.of(1) }).vi[0] // => 0.014705882352941176
 */
export function arcsineProportion(counts: EventCounts): EffectArrays {
  const { k, n, p, yi, vi } = shape(counts);
  for (let i = 0; i < k; i++) {
    yi[i] = Math.asin(Math.sqrt(p[i]!));
    vi[i] = 1 / (4 * n[i]!);
  }
  return { yi, vi };
}

/**
 * Freeman–Tukey double arcsine transformed proportion (metafor `PFT`, Freeman & Tukey, 1950):
 * y = ½[asin√(x/(n+1)) + asin√((x+1)/(n+1))], v = 1/(4n + 2). Scale: radians.
 *
 * @example
 * freemanTukeyProportion({ x: Float64Array.of(16), m: Float64Array.of(1) }).vi[0] // => 0.014285714285714285
 */
export function freemanTukeyProportion(counts: EventCounts): EffectArrays {
  const { k, n, yi, vi } = shape(counts);
  for (let i = 0; i < k; i++) {
    const x = counts.x[i]!, size = n[i]!;
    yi[i] = 0.5 * (Math.asin(Math.sqrt(x / (size + 1))) + Math.asin(Math.sqrt((x + 1) / (size + 1))));
    vi[i] = 1 / (4 * size + 2);
  }
  return { yi, vi };
}

/**
 * Probit-transformed proportion (metafor `PRZ`): y = Φ⁻¹(p), v = 2π·p(1 − p)·exp(y²)/n, the
 * delta-method variance p(1 − p)/(n·φ(y)²). Zero cells get `add` as for PLO. Scale: probits.
 *
 * @example
 * probitProportion({ x: Float64Array.of(10), m: Float64Array.of(10) }).vi[0] // => 0.0785398163397448 (π/40)
 */
export function probitProportion(counts: EventCounts): EffectArrays {
  const { k, n, p, yi, vi } = shape(counts);
  for (let i = 0; i < k; i++) {
    const pi = p[i]!, y = normalQuantile(pi);
    yi[i] = y;
    vi[i] = (2 * Math.PI * pi * (1 - pi) * Math.exp(y * y)) / n[i]!;
  }
  return { yi, vi };
}

type ProportionMeasure = 'PR' | 'PLN' | 'PLO' | 'PAS' | 'PFT' | 'PRZ';

const VTYPES: Record<ProportionMeasure, readonly VarianceType[]> = {
  PR: ['LS', 'UB', 'AV'],
  PLN: ['LS', 'AV'],
  PLO: ['LS', 'AV'],
  PAS: ['LS'],
  PFT: ['LS'],
  PRZ: ['LS'],
};

const REASONS: Record<ProportionMeasure, string> = {
  PR: 'the variance of the proportion is undefined for these counts',
  PLN: 'zero events make the log proportion undefined (see options add and to)',
  PLO: 'zero events or zero non-events make the logit undefined (see options add and to)',
  PAS: 'the arcsine proportion is undefined for these counts',
  PFT: 'the Freeman-Tukey proportion is undefined for these counts',
  PRZ: 'zero events or zero non-events make the probit infinite (see options add and to)',
};

/** Single-group proportions: PR, PLN, PLO, PAS, PFT, PRZ (ni may be replaced by the non-events mi). */
export const proportionsFamily: MeasureFamily<ProportionMeasure> = {
  measures: ['PR', 'PLN', 'PLO', 'PAS', 'PFT', 'PRZ'],
  requirements: () => [
    { roles: ['xi'], what: 'the number of events' },
    { roles: ['ni', 'mi'], what: 'the sample size (or the non-events mi)' },
  ],
  vtypes: (measure) => VTYPES[measure],
  validate(_measure, table) {
    requireNonNegative(table, 'xi');
    requireNonNegative(table, 'mi');
    const x = column(table, 'xi'), m = column(table, 'mi'), n = column(table, 'ni');
    for (let i = 0; i < table.k; i++) {
      const xi = x[i]!, mi = m[i]!, ni = n[i]!;
      if (![xi, mi, ni].some(Number.isNaN) && xi + mi !== ni) fail(table, i, 'ni', `must equal xi + mi (${xi} + ${mi})`, ni);
      if (!Number.isNaN(xi) && !Number.isNaN(ni) && xi > ni) {
        fail(table, i, 'xi', `events exceed the sample size ${table.where(i, 'ni').field} = ${ni}`, xi);
      }
      const size = Number.isNaN(ni) ? xi + mi : ni;
      if (!Number.isNaN(size) && size < 1) {
        throw new InputError(`sample size must be at least 1 (got ${size})`, { ...table.where(i, Number.isNaN(ni) ? 'mi' : 'ni'), code: 'E_OUT_OF_RANGE' });
      }
    }
  },
  compute(measure, table, options) {
    const x0 = column(table, 'xi'), mi = column(table, 'mi'), ni = column(table, 'ni');
    const m0 = new Float64Array(table.k);
    for (let i = 0; i < table.k; i++) m0[i] = Number.isNaN(mi[i]!) ? ni[i]! - x0[i]! : mi[i]!;
    const [x, m] = addToZeroCells([x0, m0], options.add, options.to) as [Float64Array, Float64Array];
    const counts = { x, m };
    switch (measure) {
      case 'PR':
        return rawProportion(counts, options.vtype as 'LS' | 'UB' | 'AV');
      case 'PLN':
        return logProportion(counts, options.vtype as 'LS' | 'AV');
      case 'PLO':
        return logitProportion(counts, options.vtype as 'LS' | 'AV');
      case 'PAS':
        return arcsineProportion(counts);
      case 'PFT':
        return freemanTukeyProportion(counts);
      case 'PRZ':
        return probitProportion(counts);
    }
  },
  undefinedReason: (measure) => REASONS[measure],
};
