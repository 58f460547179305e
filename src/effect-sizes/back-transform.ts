import { normalCdf } from '../distributions/normal.ts';
import { InputError, assertOneOf, numberCode } from '../errors.ts';
import type { Measure } from '../types.ts';

/**
 * Back-transformations from the scale a measure is analysed on to the scale a reader knows,
 * with metafor's names (`transf.exp.int` → `exp`, `transf.ztor` → `tanh`, `transf.ilogit`,
 * `transf.iarcsin`, `transf.ipft.hm`, `transf.isqrt`, `transf.iirft`, `transf.ztor2` (z → R²),
 * `transf.iahw` and `transf.iabt` (transformed alphas → α), and `pnorm` (`iprobit`, probit →
 * proportion)).
 */
export const TRANSFORMS = Object.freeze(['none', 'exp', 'tanh', 'ilogit', 'iarcsin', 'ipft',
  // incidence rates (issue #13, part A): transf.isqrt, transf.iirft
  'isqrt', 'iirft',
  'ztor2', 'iahw', 'iabt', 'iprobit'] as const);
export type TransformName = (typeof TRANSFORMS)[number];

/** A resolved back-transformation: apply it to estimates and interval bounds, never to SEs. */
export interface BackTransform {
  readonly name: TransformName;
  /** Whether the choice was made from the measure (`auto`) rather than asked for. */
  readonly automatic: boolean;
  /** What the transformed values are, for axis titles and printouts (e.g. "Odds Ratio"). */
  readonly scale: string;
  /** One sentence saying what was done, for the output. */
  readonly description: string;
  /** The transformation itself; monotone increasing on its domain. */
  readonly apply: (x: number) => number;
}

/** Options of {@link backTransform}. */
export interface BackTransformOptions {
  /** Sample sizes of the studies; required for `ipft` (their harmonic mean is used, as metafor's `transf.ipft.hm`). */
  readonly n?: ArrayLike<number>;
  /**
   * Person-times of the studies; required for `iirft` (their harmonic mean is used in metafor's
   * `transf.iirft`). Where only `n` is given (as plots and printouts pass it), `n` is taken as the person-times.
   */
  readonly t?: ArrayLike<number>;
}

const NATURAL: Partial<Record<Measure, TransformName>> = {
  OR: 'exp', RR: 'exp', PETO: 'exp', ROM: 'exp', PLN: 'exp', MNLN: 'exp',
  ZCOR: 'tanh', PLO: 'ilogit', PAS: 'iarcsin', PFT: 'ipft',
  IRR: 'exp', IRLN: 'exp', MPRR: 'exp', MPOR: 'exp', MPORC: 'exp', MPPETO: 'exp', MPORM: 'exp',
  ZPHI: 'tanh', ZTET: 'tanh', IRS: 'isqrt', IRFT: 'iirft',
  VR: 'exp', CVR: 'exp', SDLN: 'exp', CVLN: 'exp', ROMC: 'exp', VRC: 'exp', CVRC: 'exp',
  D2OR: 'exp', D2ORN: 'exp', D2ORL: 'exp', REH: 'exp',
  ZPB: 'tanh', ZBIS: 'tanh', ZPCOR: 'tanh', ZSPCOR: 'tanh', ZR2: 'ztor2', ZR2F: 'ztor2', AHW: 'iahw', ABT: 'iabt', PRZ: 'iprobit',
};

const SCALE: Partial<Record<Measure, string>> = {
  OR: 'Odds Ratio', PETO: 'Odds Ratio', RR: 'Risk Ratio', ROM: 'Ratio of Means', MNLN: 'Mean',
  ZCOR: 'Correlation', PLN: 'Proportion', PLO: 'Proportion', PAS: 'Proportion', PFT: 'Proportion',
  IRR: 'Incidence Rate Ratio', IRLN: 'Incidence Rate', IRS: 'Incidence Rate', IRFT: 'Incidence Rate',
  MPRR: 'Risk Ratio', MPOR: 'Odds Ratio', MPORC: 'Odds Ratio', MPPETO: 'Odds Ratio', MPORM: 'Odds Ratio',
  ZPHI: 'Phi Coefficient', ZTET: 'Correlation',
  VR: 'Variability Ratio', CVR: 'Coefficient of Variation Ratio', SDLN: 'Standard Deviation',
  CVLN: 'Coefficient of Variation', ROMC: 'Ratio of Means', VRC: 'Variability Ratio',
  CVRC: 'Coefficient of Variation Ratio', D2OR: 'Odds Ratio', D2ORN: 'Odds Ratio', D2ORL: 'Odds Ratio',
  REH: 'Relative Excess Heterozygosity', ZPB: 'Point-Biserial Correlation', ZBIS: 'Biserial Correlation',
  ZPCOR: 'Partial Correlation', ZSPCOR: 'Semi-Partial Correlation', ZR2: 'Coefficient of Determination', ZR2F: 'Coefficient of Determination',
  AHW: "Cronbach's Alpha", ABT: "Cronbach's Alpha", PRZ: 'Proportion',
};

const LOG_SCALE: Partial<Record<Measure, string>> = {
  MD: 'Mean Difference', SMD: 'Standardized Mean Difference', SMDH: 'Standardized Mean Difference',
  OR: 'Log Odds Ratio', PETO: 'Log Odds Ratio', RR: 'Log Risk Ratio', RD: 'Risk Difference',
  AS: 'Arcsine Risk Difference', ROM: 'Log Ratio of Means', COR: 'Correlation',
  ZCOR: "Fisher's z", PR: 'Proportion', PLN: 'Log Proportion', PLO: 'Log Odds',
  PAS: 'Arcsine Proportion', PFT: 'Freeman-Tukey Proportion', MN: 'Mean', MNLN: 'Log Mean',
  MC: 'Mean Change', SMCC: 'Standardized Mean Change', SMCR: 'Standardized Mean Change',
  GEN: 'Observed Outcome',
  PHI: 'Phi Coefficient', ZPHI: "Fisher's z Transformed Phi Coefficient", YUQ: "Yule's Q", YUY: "Yule's Y",
  RTET: 'Correlation Coefficient', ZTET: "Fisher's z Transformed Correlation Coefficient",
  PBIT: 'Standardized Mean Difference', OR2D: 'Standardized Mean Difference', OR2DN: 'Standardized Mean Difference',
  OR2DL: 'Standardized Mean Difference', MPRD: 'Risk Difference', MPRR: 'Log Risk Ratio', MPOR: 'Log Odds Ratio',
  MPORC: 'Log Odds Ratio', MPPETO: 'Log Odds Ratio', MPORM: 'Log Odds Ratio', IRR: 'Log Incidence Rate Ratio',
  IRD: 'Incidence Rate Difference', IRSD: 'Square Root Transformed Incidence Rate Difference', IR: 'Incidence Rate',
  IRLN: 'Log Incidence Rate', IRS: 'Square Root Transformed Incidence Rate', IRFT: 'Freeman-Tukey Transformed Incidence Rate',
  SMD1: 'Standardized Mean Difference', SMN: 'Standardized Mean', SMCRP: 'Standardized Mean Change',
  SMCRPH: 'Standardized Mean Change', VR: 'Log Variability Ratio', CVR: 'Log Coefficient of Variation Ratio',
  SDLN: 'Log Standard Deviation', CVLN: 'Log Coefficient of Variation', ROMC: 'Log Ratio of Means',
  VRC: 'Log Variability Ratio', CVRC: 'Log Coefficient of Variation Ratio', UCOR: 'Correlation',
  RPB: 'Point-Biserial Correlation', ZPB: "Fisher's z (Point-Biserial Correlation)", RBIS: 'Biserial Correlation',
  ZBIS: "Fisher's z (Biserial Correlation)", D2OR: 'Log Odds Ratio', D2ORN: 'Log Odds Ratio', D2ORL: 'Log Odds Ratio',
  PCOR: 'Partial Correlation', ZPCOR: "Fisher's z (Partial Correlation)", SPCOR: 'Semi-Partial Correlation',
  ZSPCOR: "Fisher's z (Semi-Partial Correlation)", R2: 'Coefficient of Determination',
  ZR2: "Fisher's z (Square Root of R²)", AUC: 'Area under the Curve', AUCN: 'Area under the Curve',
  AUCCN: 'Area under the Curve', CLES: 'Common Language Effect Size', CLESN: 'Common Language Effect Size',
  CLESCN: 'Common Language Effect Size', ARAW: "Cronbach's Alpha", AHW: "Transformed Cronbach's Alpha (Hakstian-Whalen)",
  ABT: "Transformed Cronbach's Alpha (Bonett)", REH: 'Log Relative Excess Heterozygosity',
  PRZ: 'Probit Transformed Proportion', R2F: 'Coefficient of Determination', ZR2F: "Fisher's z (Square Root of R²)",
};

/**
 * The natural back-transformation of a measure: `exp` for the log measures (OR, RR, PETO, ROM,
 * PLN, MNLN, IRR, IRLN, MPRR, MPOR, MPORC, MPPETO, MPORM, VR, CVR, SDLN, CVLN, ROMC, VRC, CVRC,
 * REH, D2OR/D2ORN/D2ORL → odds ratio), `tanh` for Fisher's z (ZCOR, ZPHI, ZTET, ZPB, ZBIS, ZPCOR,
 * ZSPCOR → r), `ztor2` for ZR2 and ZR2F (→ R²), the inverse logit for PLO, the inverse arcsine
 * for PAS, the inverse Freeman–Tukey for PFT, the square for IRS (`isqrt`), the inverse
 * Freeman–Tukey of incidence rates for IRFT (`iirft`), `iahw` / `iabt` for the transformed
 * alphas AHW / ABT (→ α) and `iprobit` (Φ) for PRZ; `none` for measures already on their
 * natural scale (MD, SMD, RD, COR, PHI, IRD, AUC, …) and for unknown measures.
 *
 * @example
 * naturalTransform('OR') // => 'exp'
 * naturalTransform('MD') // => 'none'
 */
export function naturalTransform(measure: Measure | null | undefined): TransformName {
  return lookUp(NATURAL, measure) ?? 'none';
}

/**
 * The name of the scale a measure is analysed on (e.g. "Log Odds Ratio"), as metafor labels
 * its axes; "Observed Outcome" when the measure is not known.
 *
 * @example
 * analysisScale('OR') // => 'Log Odds Ratio'
 */
export function analysisScale(measure: Measure | null | undefined): string {
  return lookUp(LOG_SCALE, measure) ?? 'Observed Outcome';
}

/**
 * A measure's entry in a table, or undefined for null, undefined or a measure not in it (own
 * keys only: `'constructor'` is not a measure). @throws InputError for a measure that is not text.
 */
function lookUp<T>(table: Partial<Record<string, T>>, measure: unknown): T | undefined {
  if (measure === null || measure === undefined) return undefined;
  if (typeof measure !== 'string') throw new InputError('must be a measure name (a string) or null', { field: 'measure', value: measure, code: 'E_INVALID_TYPE' });
  return Object.hasOwn(table, measure) ? table[measure] || undefined : undefined;
}

/**
 * Resolves a back-transformation for a measure. `choice` is a transform name, or `'auto'`
 * (the default) for the measure's natural one ({@link naturalTransform}).
 *
 * Formulas: exp(x); r = tanh(z); p = 1/(1 + e^(−x)); p = sin²(x) for x in [0, π/2] (clamped);
 * inverse Freeman–Tukey (Miller, 1978, The American Statistician 32:138) at the harmonic mean ñ
 * of the sample sizes: p = ½(1 − sgn(cos 2x)·√(1 − (sin 2x + (sin 2x − 1/sin 2x)/ñ)²)), 0 below
 * the transform of p = 0 and 1 above that of p = 1; `isqrt` x² (0 below 0, metafor's
 * `transf.isqrt`); `iirft`, the inverse of the Freeman–Tukey incidence-rate transform
 * y = ½(√r + √(r + 1/t)) at the harmonic mean t̃ of the person-times (metafor's `transf.iirft`):
 * r = (1/t̃ − 8y² + 16t̃y⁴)/(16y²t̃), 0 below the transform of r = 0.
 *
 * @throws {InputError} for an unknown `choice`, `ipft` without positive sample sizes `n`, or
 * `iirft` without positive person-times `t`.
 * @example
 * backTransform('OR').apply(Math.log(2)) // => 2.000000000000
 * backTransform('ZCOR').apply(Math.atanh(0.5)) // => 0.500000000000 (r)
 * backTransform('PLO', 'none').apply(-1) // => -1
 * backTransform('IRS').apply(0.7071067811865476) // => 0.500000000000 (transf.isqrt)
 * backTransform('IRFT', 'auto', { t: [20] }).apply(0.7244) // => 0.500053117797 (metafor transf.iirft(0.7244, 20): 0.5000531178)
 */
export function backTransform(
  measure: Measure | null | undefined,
  choice: TransformName | 'auto' = 'auto',
  options: BackTransformOptions = {},
): BackTransform {
  if (choice !== 'auto') assertOneOf(choice, TRANSFORMS, 'transform');
  const automatic = choice === 'auto';
  const name = automatic ? naturalTransform(measure) : choice;
  const apply = transformFunction(name, options);
  const scale = name === 'none' ? analysisScale(measure) : lookUp(SCALE, measure) ?? defaultScale(name);
  return Object.freeze({ name, automatic, scale, apply, description: describe(name, automatic, measure, scale) });
}

function transformFunction(name: TransformName, options: BackTransformOptions): (x: number) => number {
  switch (name) {
    case 'none': return (x) => x;
    case 'exp': return Math.exp;
    case 'tanh': return Math.tanh;
    case 'ilogit': return inverseLogit;
    case 'iarcsin': return inverseArcsine;
    case 'ipft': return inverseFreemanTukey(harmonicMean(options.n));
    case 'isqrt': return (x) => (x < 0 ? 0 : x * x);
    case 'iirft': return inverseFreemanTukeyRate(harmonicMean(options.t ?? options.n, 't', 'person-times'));
    case 'ztor2': return (x) => (x <= 0 ? 0 : Math.tanh(x) ** 2);
    case 'iahw': return (x) => (Number.isNaN(x) ? NaN : x <= 0 ? 0 : x >= 1 ? 1 : 1 - (1 - x) ** 3);
    case 'iabt': return (x) => (Number.isNaN(x) ? NaN : x <= 0 ? 0 : -Math.expm1(-x));
    case 'iprobit': return normalCdf;
  }
}

function inverseLogit(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

function inverseArcsine(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) return 0;
  if (x >= Math.PI / 2) return 1;
  return Math.sin(x) ** 2;
}

/** Freeman–Tukey transform of a proportion p at sample size n (metafor's `transf.pft`). */
function freemanTukey(p: number, n: number): number {
  const x = p * n;
  return 0.5 * (Math.asin(Math.sqrt(x / (n + 1))) + Math.asin(Math.sqrt((x + 1) / (n + 1))));
}

function inverseFreemanTukey(n: number): (x: number) => number {
  const low = freemanTukey(0, n);
  const high = freemanTukey(1, n);
  return (x) => {
    if (Number.isNaN(x)) return NaN;
    if (x < low) return 0;
    if (x > high) return 1;
    const s = Math.sin(2 * x);
    const inner = 1 - (s + (s - 1 / s) / n) ** 2;
    return inner < 0 ? NaN : 0.5 * (1 - Math.sign(Math.cos(2 * x)) * Math.sqrt(inner));
  };
}

/** Inverse of the Freeman–Tukey transform of an incidence rate at person-time t (metafor's `transf.iirft`). */
function inverseFreemanTukeyRate(t: number): (x: number) => number {
  const low = 0.5 * Math.sqrt(1 / t);
  return (x) => {
    if (Number.isNaN(x)) return NaN;
    if (x < low) return 0;
    const r = (1 / t - 8 * x * x + 16 * t * x ** 4) / (16 * x * x * t);
    return r <= Number.EPSILON ? 0 : r;
  };
}

function harmonicMean(n: ArrayLike<number> | undefined, field = 'n', what = 'sample sizes'): number {
  if (n === undefined || n.length === 0) {
    throw new InputError(`the inverse Freeman-Tukey transform needs the ${what} of the studies`, { field, code: 'E_MISSING_VALUE' });
  }
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n.length; i++) {
    const v = n[i];
    if (v === undefined || Number.isNaN(v)) continue;
    if (!(v > 0) || !Number.isFinite(v)) throw new InputError(`must be a positive finite ${what === 'sample sizes' ? 'sample size' : 'person-time'}`, { field, row: i + 1, value: v, code: numberCode(v) });
    sum += 1 / v;
    count++;
  }
  if (count === 0) throw new InputError(`no usable ${what}`, { field, code: 'E_MISSING_VALUE' });
  return count / sum;
}

function defaultScale(name: TransformName): string {
  if (name === 'exp') return 'Ratio';
  if (name === 'tanh') return 'Correlation';
  if (name === 'isqrt' || name === 'iirft') return 'Incidence Rate';
  if (name === 'ztor2') return 'Coefficient of Determination';
  if (name === 'iahw' || name === 'iabt') return "Cronbach's Alpha";
  if (name === 'iprobit') return 'Proportion';
  return 'Proportion';
}

/** A scale name in running text: lower case, but names (Cronbach's, Fisher's) keep their capital. */
function lowerScale(scale: string): string {
  return scale.split(' ').map((w) => (/'s$/.test(w) ? w : w.toLowerCase())).join(' ');
}

function describe(name: TransformName, automatic: boolean, measure: Measure | null | undefined, scale: string): string {
  if (name === 'none') return automatic ? `Estimates are on the ${lowerScale(scale)} scale (no back-transformation).` : 'No back-transformation.';
  const how: Record<Exclude<TransformName, 'none'>, string> = {
    exp: 'exponentiated', tanh: "converted from Fisher's z to r (tanh)", ilogit: 'back-transformed by the inverse logit',
    iarcsin: 'back-transformed by the inverse arcsine', ipft: 'back-transformed by the inverse Freeman-Tukey transform (harmonic mean of n)',
    isqrt: 'squared (inverse square root)', iirft: 'back-transformed by the inverse Freeman-Tukey transform (harmonic mean of the person-times)',
    ztor2: "converted from Fisher's z to R² (tanh²)", iahw: 'back-transformed by the inverse Hakstian-Whalen transform',
    iabt: 'back-transformed by the inverse Bonett transform', iprobit: 'back-transformed by the standard normal CDF (inverse probit)',
  };
  const why = automatic && measure ? ` (the natural scale for ${measure})` : '';
  return `Estimates and interval bounds are ${how[name]} to the ${lowerScale(scale)} scale${why}; standard errors stay on the analysis scale.`;
}
