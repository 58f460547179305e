import { readResult } from '../read-result.ts';
import { compensatedSum } from '../numeric/compensated-sum.ts';
import { normalQuantile } from '../distributions/normal.ts';
import { analysisScale, type TransformName } from '../effect-sizes/back-transform.ts';
import { InputError, assertLevel } from '../errors.ts';
import type { Interval, Measure } from '../types.ts';
import { printoutTransform, transformInterval, transformValue } from './printout-transform.ts';
import { resultKind, type ResultKind } from './result-kind.ts';
import { checkOptions, optionKeys } from '../check-options.ts';

/** One study of a {@link StudyTable}. */
export interface StudyRow {
  readonly label: string;
  /** The study's estimate yᵢ, back-transformed when the table is. */
  readonly estimate: number | null;
  /** √vᵢ, always on the analysis scale. */
  readonly se: number | null;
  /** yᵢ ± z·√vᵢ at the table's level, back-transformed when the table is. */
  readonly ci: Interval;
  /** Weight in the pooled estimate, percent; `null` where the result cannot give it (see `note`). */
  readonly weight: number | null;
}

/** The per-study table of a fit (metafor's `summary(escalc)` with `weights(fit)`). */
export interface StudyTable {
  /** The result it was made from. */
  readonly kind: ResultKind;
  readonly measure: Measure | null;
  readonly level: number;
  /** The back-transformation applied to estimates and CI bounds (`none`: analysis scale). */
  readonly transform: TransformName;
  /** What the estimates are (e.g. "Odds Ratio" or "Log Odds Ratio"). */
  readonly scale: string;
  /** One sentence saying what was done, and why a column is missing if one is. */
  readonly description: string;
  readonly rows: readonly StudyRow[];
}

/** Options of {@link studyTable}. */
export interface StudyTableOptions {
  /** Back-transformation of estimates and CI bounds; default `'auto'` (the measure's natural one). */
  readonly transform?: TransformName | 'auto';
  /** Confidence level of the per-study intervals; default the fit's (0.95 for effect sizes). */
  readonly level?: number;
  /** The measure, for a fit that does not carry it (multilevel). */
  readonly measure?: Measure;
  /** Sample sizes, for the inverse Freeman–Tukey transform. */
  readonly n?: ArrayLike<number>;
}

/** The valid keys of {@link StudyTableOptions} (any other key is an `E_UNKNOWN_OPTION` error). */
export const STUDY_TABLE_OPTION_KEYS = optionKeys<StudyTableOptions>()('transform', 'level', 'measure', 'n');

const FIT_KINDS: readonly ResultKind[] = ['metaAnalysis', 'metaRegression', 'mantelHaenszel', 'peto', 'multilevel', 'effectSizes'];

/**
 * The per-study table of a fit: each study's estimate yᵢ, standard error √vᵢ, Wald interval
 * yᵢ ± z₍₁₊ₗₑᵥₑₗ₎/₂·√vᵢ and weight in the pooled estimate (percent), for the results of
 * `metaAnalysis`, `metaRegression`, `mantelHaenszel`, `peto`, `multilevel` and `effectSizes`.
 * Weights are metafor's `weights(fit)`: the fit's own (metaAnalysis, multilevel), wᵢ = 1/(vᵢ + τ̂²)
 * for a meta-regression, Vᵢ = 1/vᵢ for Peto; a Mantel–Haenszel result does not keep the 2×2
 * counts its weights need, and effect sizes have no model, so their weights are `null` (the
 * description says so). Estimates and bounds are back-transformed (by default with the
 * measure's natural transform); standard errors never are.
 *
 * @throws InputError for a result without studies (subgroups, diagnostics, tests), a level
 *   outside (0, 1), an unknown transform, or `ipft` without sample sizes.
 * @example
 * const t = studyTable(metaAnalysis({ yi: [0, Math.log(2)], vi: [0.25, 0.25], measure: 'OR' }));
 * t.rows[1].estimate // => 2 (exp of the log odds ratio)
 * t.rows[1].se       // => 0.5 (analysis scale)
 * t.rows[1].weight   // => 50
 */
export function studyTable(fit: unknown, options: StudyTableOptions = {}): StudyTable {
  checkOptions(options, STUDY_TABLE_OPTION_KEYS);
  const kind = resultKind(fit);
  if (kind === null || !FIT_KINDS.includes(kind)) {
    throw new InputError(
      `a per-study table needs a fit with its studies (the result of ${FIT_KINDS.join(', ')})${kind ? `; got a ${kind} result` : ''}`,
      { field: 'fit' },
    );
  }
  // the result's array fields (yi, vi, weights, labels) must be dense and of sane length first
  return readResult(fit as StudyFields, kind, 'fit', (f) => tableOf(kind, f, options));
}

function tableOf(kind: ResultKind, f: StudyFields, options: StudyTableOptions): StudyTable {
  if (!isList(f.yi) || !isList(f.vi) || f.yi.length !== f.vi.length) {
    throw new InputError(`the ${kind} result does not list its studies (yi and vi of equal length); pass it as ${kind}() returned it`, { field: 'fit.yi', code: 'E_INVALID_RESULT' });
  }
  const level = options.level ?? (typeof f.level === 'number' ? f.level : 0.95);
  assertLevel(level);
  const measure = (typeof f.measure === 'string' ? (f.measure as Measure) : null) ?? options.measure ?? null;
  const { transform, note } = printoutTransform(measure, options.transform ?? 'auto', options.n);
  const apply = transform?.apply ?? ((x: number) => x);
  const z = normalQuantile((1 + level) / 2);
  const yi = Array.from(f.yi, toNumber);
  const vi = Array.from(f.vi, toNumber);
  const weights = studyWeights(kind, f, vi);
  const rows = yi.map((y, i) => {
    const se = vi[i]! >= 0 ? Math.sqrt(vi[i]!) : NaN;
    const ci = transformInterval(apply, { lower: finite(y - z * se), upper: finite(y + z * se) });
    return Object.freeze({
      label: typeof f.labels?.[i] === 'string' ? f.labels[i]! : `row ${i + 1}`,
      estimate: transformValue(apply, finite(y)),
      se: finite(se),
      ci: Object.freeze(ci),
      weight: weights ? finite(weights[i] ?? NaN) : null,
    });
  });
  const scale = transform?.scale ?? analysisScale(measure);
  const sentences = [transform?.description ?? `Estimates are on the analysis scale (${scale}).`, note, WEIGHT_NOTE[kind]];
  return Object.freeze({
    kind, measure, level, transform: transform?.name ?? 'none', scale,
    description: sentences.filter((s): s is string => Boolean(s)).join(' '),
    rows: Object.freeze(rows),
  });
}

interface StudyFields {
  readonly yi: ArrayLike<unknown>;
  readonly vi: ArrayLike<unknown>;
  readonly labels?: readonly unknown[];
  readonly weights?: ArrayLike<unknown>;
  readonly level?: unknown;
  readonly measure?: unknown;
  readonly tau2?: unknown;
}

const WEIGHT_NOTE: Partial<Record<ResultKind, string>> = {
  mantelHaenszel: 'Weights are not shown: the Mantel-Haenszel weights need the 2x2 counts, which the result does not keep.',
  effectSizes: 'Effect sizes have no model, hence no weights.',
};

function studyWeights(kind: ResultKind, f: StudyFields, vi: number[]): number[] | null {
  if (kind === 'metaAnalysis' || kind === 'multilevel') return f.weights ? Array.from(f.weights, toNumber) : null;
  if (kind === 'metaRegression') return percent(vi.map((v) => 1 / (v + toNumber(f.tau2))));
  if (kind === 'peto') return percent(vi.map((v) => 1 / v));
  return null;
}

function percent(w: number[]): number[] {
  const total = compensatedSum(w);
  return w.map((x) => (100 * x) / total);
}

const isList = (x: unknown): x is ArrayLike<unknown> =>
  x !== null && typeof x === 'object' && typeof (x as ArrayLike<unknown>).length === 'number';
const toNumber = (x: unknown): number => (typeof x === 'number' ? x : NaN);
const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
