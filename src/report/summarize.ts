import { analysisScale, type TransformName } from '../effect-sizes/back-transform.ts';
import { InputError } from '../errors.ts';
import type { Inference, Interval, Measure } from '../types.ts';
import { printoutTransform, transformInterval, transformValue } from './printout-transform.ts';
import { resultKind, type ResultKind } from './result-kind.ts';
import { checkOptions, optionKeys } from '../check-options.ts';

/** Options of {@link summarize}. */
export interface SummarizeOptions {
  /** Back-transformation of the estimate and interval bounds; default `'auto'` (the measure's natural one). */
  readonly transform?: TransformName | 'auto';
  /** The measure, for results that do not carry it (multilevel, robust, trimAndFill). */
  readonly measure?: Measure;
  /** Sample sizes, for the inverse Freeman–Tukey transform (PFT). */
  readonly n?: ArrayLike<number>;
}

/** The valid keys of {@link SummarizeOptions} (any other key is an `E_UNKNOWN_OPTION` error). */
export const SUMMARIZE_OPTION_KEYS = optionKeys<SummarizeOptions>()('transform', 'measure', 'n');

/** The pooled estimate of a fit on the scale a reader knows: the result of {@link summarize}. */
export interface ResultSummary extends Pick<Inference, 'estimate' | 'se' | 'pValue' | 'ci'> {
  readonly kind: ResultKind;
  readonly measure: Measure | null;
  readonly k: number | null;
  readonly level: number | null;
  /** The back-transformation applied (`none`: the analysis scale). */
  readonly transform: TransformName;
  /** What `estimate`, `ci` and `predictionInterval` are, e.g. "Odds Ratio". */
  readonly scale: string;
  /** One sentence saying what was done. */
  readonly description: string;
  readonly estimate: number | null;
  readonly ci: Interval;
  /** `null` for results without one (equal-effects 2×2 methods, multilevel, robust, trim and fill). */
  readonly predictionInterval: Interval | null;
  /** Standard error of the estimate, on the analysis scale (never back-transformed). */
  readonly se: number | null;
  readonly pValue: number | null;
  /** The same numbers before the back-transformation. */
  readonly analysis: {
    readonly scale: string;
    readonly estimate: number | null;
    readonly ci: Interval;
    readonly predictionInterval: Interval | null;
  };
}

const SUMMARIZABLE: readonly ResultKind[] = ['metaAnalysis', 'mantelHaenszel', 'peto', 'multilevel', 'robust', 'trimAndFill'];

interface EstimateFields {
  readonly estimate?: unknown;
  readonly se?: unknown;
  readonly pValue?: unknown;
  readonly ci?: Interval;
  readonly predictionInterval?: Interval;
  readonly measure?: unknown;
  readonly level?: unknown;
  readonly k?: unknown;
}

/**
 * The pooled estimate of a fit with its confidence and prediction intervals on the natural
 * scale of its measure, as metafor users get it from `predict(fit, transf = exp)` (or
 * `transf = transf.ztor`, `transf.ilogit`, …): the estimate and the interval bounds are
 * back-transformed by `backTransform` (by default the measure's natural transform: exp for
 * OR/RR/ROM, tanh for ZCOR, inverse logit for PLO, …), the SE and p-value stay on the analysis
 * scale, and `description` says what was done. The untransformed numbers are kept in `analysis`.
 *
 * For `metaAnalysis`, `mantelHaenszel`, `peto`, `multilevel`, `robust` and `trimAndFill`
 * results. Named `summarize` rather than `predict` because it only re-expresses what the fit
 * computed (no new moderator values); `predict` is the contract name of the prediction function.
 *
 * @throws InputError for a meta-regression (no single estimate: predict at moderator values
 *   instead) or any other result, an unknown transform, or `ipft` without sample sizes.
 * @example
 * const s = summarize(metaAnalysis({ yi: [Math.log(2), Math.log(2)], vi: [0.1, 0.1], measure: 'OR' }));
 * s.estimate    // => 2 (the odds ratio, up to rounding)
 * s.ci          // => { lower: 1.2903…, upper: 3.1000… }
 * s.se          // => 0.2236… (√0.05, on the log scale)
 * s.description // => "Estimates and interval bounds are exponentiated to the odds ratio scale (the natural scale for OR); standard errors stay on the analysis scale."
 */
export function summarize(result: unknown, options: SummarizeOptions = {}): ResultSummary {
  checkOptions(options, SUMMARIZE_OPTION_KEYS);
  if (options === null || typeof options !== 'object') throw new InputError('must be an options object', { field: 'options', value: options, code: 'E_INVALID_TYPE' });
  const kind = resultKind(result);
  if (kind === null || !SUMMARIZABLE.includes(kind)) {
    const hint = kind === 'metaRegression' ? '; a meta-regression has no single estimate: predict at chosen moderator values instead' : '';
    throw new InputError(`summarize needs a fit with one pooled estimate (${SUMMARIZABLE.join(', ')})${kind ? `; got a ${kind} result` : ''}${hint}`, { field: 'result', code: 'E_INVALID_RESULT' });
  }
  const r = result as EstimateFields;
  const measure = (typeof r.measure === 'string' ? (r.measure as Measure) : null) ?? options.measure ?? null;
  const { transform, note } = printoutTransform(measure, options.transform ?? 'auto', options.n);
  const apply = transform?.apply ?? ((x: number) => x);
  const estimate = numberOrNull(r.estimate);
  const ci = freezeInterval(r.ci);
  const pi = kind === 'metaAnalysis' ? freezeInterval(r.predictionInterval) : null;
  const scale = analysisScale(measure);
  return Object.freeze({
    kind,
    measure,
    k: numberOrNull(r.k),
    level: numberOrNull(r.level),
    transform: transform?.name ?? 'none',
    scale: transform?.scale ?? scale,
    description: [transform?.description ?? `Estimates are on the analysis scale (${scale}); no back-transformation.`, note]
      .filter(Boolean).join(' '),
    estimate: transformValue(apply, estimate),
    ci: Object.freeze(transformInterval(apply, ci)),
    predictionInterval: pi && Object.freeze(transformInterval(apply, pi)),
    se: numberOrNull(r.se),
    pValue: numberOrNull(r.pValue),
    analysis: Object.freeze({ scale, estimate, ci, predictionInterval: pi }),
  });
}

function numberOrNull(x: unknown): number | null {
  return typeof x === 'number' && !Number.isNaN(x) ? x : null;
}

function freezeInterval(ci: Interval | undefined): Interval {
  return Object.freeze({ lower: numberOrNull(ci?.lower), upper: numberOrNull(ci?.upper) });
}
