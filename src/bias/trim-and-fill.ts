import { freezeResult } from '../freeze-result.ts';
import { assertOneOf, InputError } from '../errors.ts';
import { metaAnalysis } from '../models/meta-analysis.ts';
import { metaRegression } from '../models/regression/meta-regression.ts';
import type { Heterogeneity, Inference, Interval, MetaAnalysisResult, Settings, StudySet, Tau2Method, TestType, Warnings } from '../types.ts';
import { fitIntercept, type InterceptFit } from '../models/engine/fit-intercept.ts';
import { DEFAULT_TAU2_CONTROL, METAFOR_TAU2_CONTROL } from '../models/tau2/tau2-fit.ts';
import { missingStudies, TRIM_AND_FILL_ESTIMATORS, type TrimAndFillEstimator } from './missing-studies.ts';
import { readFit, type FitLike } from '../models/read-fit.ts';
import { checkOptions, optionKeys } from '../check-options.ts';
import { readResult } from '../read-result.ts';

/** Side of the funnel on which studies are presumed missing. */
export type FunnelSide = 'left' | 'right';

/** Options of {@link trimAndFill}. */
export interface TrimAndFillOptions {
  /** Estimator of the number of missing studies: `'L0'` (default), `'R0'` or `'Q0'`. */
  readonly estimator?: TrimAndFillEstimator;
  /** Side with the missing studies; default: from the sign of the slope of yᵢ on √vᵢ (see below). */
  readonly side?: FunnelSide;
  /**
   * Convergence of the refits. `'metafor'` (default), as metafor 5.1's `trimfill` on an exactly
   * converged fit: the trimming refits solve for τ² exactly (metafor passes the fit's own
   * control), the final fit of the filled data uses metafor's default control (for ML, REML and
   * EB, τ² stops within ~1e-5 of the root). `'metafor-3.8'`: every refit uses the default
   * control, as metafor 3.8-1 did. `'exact'`: every refit solves for τ² exactly.
   */
  readonly convergence?: 'metafor' | 'metafor-3.8' | 'exact';
}

/** The valid keys of {@link TrimAndFillOptions} (any other key is an `E_UNKNOWN_OPTION` error). */
export const TRIM_AND_FILL_OPTION_KEYS = optionKeys<TrimAndFillOptions>()('estimator', 'side', 'convergence');

/** A study added by trim and fill: the mirror image of a trimmed study. */
export interface FilledStudy {
  readonly label: string;
  readonly yi: number;
  readonly vi: number;
}

/** Result of {@link trimAndFill} (metafor's `trimfill`). */
export interface TrimAndFillResult
  extends Omit<Inference, 'df'>, Pick<Heterogeneity, 'tau2'>, Pick<StudySet, 'k'>, Settings, Warnings {
  /** Studies in the original fit. */
  readonly k: number;
  /** Estimated number of missing studies (added to the funnel). */
  readonly k0: number;
  /** Standard error of k₀ (metafor's `se.k0`, from the unrounded estimate); `null` where metafor gives NaN. */
  readonly seK0: number | null;
  /** R0 only: P(k₀ or more studies missing by chance) = 2^−(k₀+1) (metafor's `p.k0`); otherwise `null`. */
  readonly pK0: number | null;
  readonly side: FunnelSide;
  readonly estimator: TrimAndFillEstimator;
  readonly method: Tau2Method;
  /** Test of the filled model: `'z'` when k₀ > 0 (metafor refits with its defaults), else the fit's. */
  readonly test: TestType;
  readonly level: number;
  /** Pooled estimate of the k + k₀ studies (the fit's own when k₀ = 0). */
  readonly estimate: number;
  readonly se: number;
  readonly statistic: number;
  readonly pValue: number;
  readonly ci: Interval;
  readonly tau2: number;
  /** The k₀ added studies, labelled `Filled 1`, `Filled 2`, … */
  readonly filled: readonly FilledStudy[];
  /** Trim-and-fill iterations until k₀ stopped changing. */
  readonly iterations: number;
  readonly warnings: readonly string[];
}

const MAX_ITERATIONS = 100;

/**
 * Trim and fill (Duval & Tweedie, 2000, Biometrics 56:455; JASA 95:89), metafor's
 * `trimfill` for an intercept-only model. Studies are sorted by yᵢ (flipped when the missing
 * side is the right); then, until k₀ stops changing: refit the model without the k₀ most
 * extreme studies, rank the deviations yᵢ − β̂ of all k studies and estimate k₀ (L0, R0 or Q0,
 * rounded, at least 0). The k₀ trimmed studies are mirrored about the last β̂,
 * yᵢ ↦ 2β̂ − yᵢ with the same vᵢ, and the k + k₀ studies are refitted.
 *
 * As metafor: the missing side, unless given, is `right` when the slope of the meta-regression
 * of yᵢ on √vᵢ (same method, exact fit) is negative and `left` otherwise; the refits use the
 * fit's τ² method with a z test and a 95% CI (metafor's `rma.uni` defaults — not the fit's test
 * or level), with the convergence control of `options.convergence`; when
 * k₀ = 0 the result is the fit itself (its test and level). Scale: that of the fit.
 * Where metafor's own refit would stop with an error (Fisher scoring beyond 100 iterations, a
 * PM root beyond its search limit), the exact solution is used and `warnings` says so.
 *
 * @param fit  a `metaAnalysis` result (its yi, vi, method, test and level are used)
 * @param options `{ estimator = 'L0', side, convergence = 'metafor' }`
 *
 * @throws InputError for an unknown estimator, side or convergence; a fit with fewer than 2
 *   studies; all vᵢ equal when the side must be estimated; an undefined R0/Q0 estimate or no
 *   convergence of k₀ in 100 iterations (metafor stops there too); and the errors of the refits
 *   (e.g. a zero variance with τ² = 0).
 * @example
 * const fit = metaAnalysis({ yi: [0.3, 0.1, 0.8, 0.45, 0.2, 0.62, 0.95],
 *                            vi: [0.02, 0.05, 0.11, 0.07, 0.03, 0.09, 0.15] });
 * const tf = trimAndFill(fit);
 * tf.k0       // => 2       (metafor trimfill: 2 studies missing on the left)
 * tf.side     // => 'left'
 * tf.estimate // => 0.2873014…  (metafor: 0.2873, SE 0.0790)
 */
export function trimAndFill(fit: MetaAnalysisResult | FitLike, options: TrimAndFillOptions = {}): TrimAndFillResult {
  return readResult(fit, 'metaAnalysis', 'fit', () => {
    checkOptions(options, TRIM_AND_FILL_OPTION_KEYS);
    if (options === null || typeof options !== 'object') throw new InputError('must be an options object', { field: 'options', value: options, code: 'E_INVALID_TYPE' });
    const estimator = options.estimator ?? 'L0';
    assertOneOf(estimator, TRIM_AND_FILL_ESTIMATORS, 'estimator');
    if (options.side !== undefined) assertOneOf(options.side, ['left', 'right'] as const, 'side');
    const convergence = options.convergence ?? 'metafor';
    assertOneOf(convergence, ['metafor', 'metafor-3.8', 'exact'] as const, 'convergence');
    const exactTrimming = convergence !== 'metafor-3.8';
    const exactFilled = convergence === 'exact';
    const studies = readFit(fit, 'trimAndFill');
    const { yi, vi, method } = studies;
    const k = yi.length;
    if (k < 2) throw new InputError(`trim and fill needs at least 2 studies (got ${k})`, { field: 'yi', code: 'E_TOO_FEW_STUDIES' });
    const side = options.side ?? estimateSide(yi, vi, method);

    // sort by yᵢ on the flipped scale (stable, as R's radix sort)
    const sign = side === 'right' ? -1 : 1;
    const order = Array.from({ length: k }, (_, i) => i).sort((a, b) => sign * yi[a]! - sign * yi[b]!);
    const ys = Float64Array.from(order, (i) => sign * yi[i]!);
    const vs = Float64Array.from(order, (i) => vi[i]!);

    let k0 = 0;
    let previous = -1;
    let seK0 = NaN;
    let beta = NaN;
    let iterations = 0;
    const deviations = new Float64Array(k);
    const warnings: string[] = [];
    const refit = (y: Float64Array, v: Float64Array, exact: boolean): InterceptFit => {
      const r = fitIntercept(y, v, method, 'z', 0.95, exact ? DEFAULT_TAU2_CONTROL : METAFOR_TAU2_CONTROL);
      if (!r.ok) throw new InputError(`a refit of ${r.k} studies failed: ${r.reason}`, { field: 'vi', row: r.row === undefined ? undefined : r.row + 1, code: 'E_NOT_ESTIMABLE' });
      for (const w of r.tau2Fit.warnings) {
        const note = `Refit of ${r.k} studies: ${w}`;
        if (!warnings.includes(note)) warnings.push(note);
      }
      return r;
    };
    while (k0 !== previous) {
      previous = k0;
      iterations++;
      if (iterations > MAX_ITERATIONS) {
        throw new InputError(`the trim-and-fill algorithm did not converge in ${MAX_ITERATIONS} iterations`, { field: 'estimator', value: estimator, code: 'E_NOT_ESTIMABLE' });
      }
      beta = refit(ys.subarray(0, k - k0), vs.subarray(0, k - k0), exactTrimming).estimate;
      for (let i = 0; i < k; i++) deviations[i] = ys[i]! - beta;
      const m = missingStudies(deviations, estimator);
      if (Number.isNaN(m.k0)) {
        const why = estimator === 'R0' ? 'no study lies below the trimmed estimate' : '2k² − 4Sr + ¼ is negative';
        throw new InputError(`the ${estimator} estimate of the number of missing studies is undefined (${why}); metafor stops here too; try another estimator`, { field: 'estimator', value: estimator, code: 'E_NOT_ESTIMABLE' });
      }
      k0 = Math.max(0, roundHalfEven(m.k0));
      seK0 = Math.max(0, m.se);
    }
    const pK0 = estimator === 'R0' ? 2 ** -(k0 + 1) : null;
    const base = { k, k0, seK0: Number.isFinite(seK0) ? seK0 : null, pK0, side, estimator, method, iterations };

    if (k0 === 0) {
      const own = metaAnalysis({ yi, vi }, { method, test: studies.test, level: studies.level });
      return freeze({
        ...base, test: own.test, level: own.level,
        estimate: own.estimate, se: own.se, statistic: own.statistic, pValue: own.pValue, ci: own.ci, tau2: own.tau2,
        filled: [], warnings,
      });
    }
    const filled: FilledStudy[] = [];
    for (let j = k - k0; j < k; j++) {
      const mirrored = 2 * beta - ys[j]!;
      filled.push(Object.freeze({ label: `Filled ${filled.length + 1}`, yi: sign * mirrored, vi: vs[j]! }));
    }
    const allY = Float64Array.from([...yi, ...filled.map((f) => f.yi)]);
    const allV = Float64Array.from([...vi, ...filled.map((f) => f.vi)]);
    const filledFit = refit(allY, allV, exactFilled);
    return freeze({
      ...base, test: 'z', level: 0.95,
      estimate: filledFit.estimate, se: filledFit.se, statistic: filledFit.statistic, pValue: filledFit.pValue,
      ci: Object.freeze({ lower: filledFit.ciLower, upper: filledFit.ciUpper }), tau2: filledFit.tau2,
      filled, warnings,
    });
  });
}

/**
 * metafor's choice of side: the sign of the slope of the mixed-effects meta-regression of yᵢ on
 * √vᵢ with the fit's τ² method (negative → missing on the right). metafor fits it with its
 * default convergence control; only the slope's sign is used, so the exact fit is used here.
 */
function estimateSide(yi: Float64Array, vi: Float64Array, method: Tau2Method): FunnelSide {
  if (vi.every((v) => v === vi[0])) {
    throw new InputError('all sampling variances are equal, so the side of the missing studies cannot be estimated from the funnel; pass side: \'left\' or \'right\'', { field: 'side', code: 'E_NOT_ESTIMABLE' });
  }
  const reg = metaRegression({ yi, vi }, { moderators: { sei: Array.from(vi, Math.sqrt) }, method, test: 'z' });
  const slope = reg.coefficients[1]?.estimate ?? NaN;
  if (Number.isNaN(slope)) {
    throw new InputError('the slope of yi on sqrt(vi) is not available, so the side cannot be estimated; pass side: \'left\' or \'right\'', { field: 'side', code: 'E_NOT_ESTIMABLE' });
  }
  return slope < 0 ? 'right' : 'left';
}

/** R's `round` (IEC 60559: halves to even). */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - Math.trunc(x)) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function freeze(r: Omit<TrimAndFillResult, 'filled' | 'warnings' | 'ci'> & { ci: Interval; filled: FilledStudy[]; warnings: string[] }): TrimAndFillResult {
  return freezeResult({ ...r, filled: [...r.filled], warnings: [...r.warnings] });
}
