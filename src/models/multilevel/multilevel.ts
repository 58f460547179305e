import { InputError, numberCode } from '../../errors.ts';
import type {
  Convergence, EffectInput, EffectSizes, Heterogeneity, Inference, Interval, Settings, StudySet, Warnings,
} from '../../types.ts';
import { interceptModel } from '../engine/intercept-model.ts';
import { scaleData } from '../engine/scaled-data.ts';
import { cochranQ } from '../inference/cochran-q.ts';
import { resolveStudies } from '../resolve-input.ts';
import { collapseInner } from './collapse-inner.ts';
import { maximizeNested } from './maximize-nested.ts';
import { rowWeights } from './marginal-weights.ts';
import {
  resolveMultilevelOptions, type MultilevelMethod, type MultilevelOptions, type MultilevelTest,
} from './multilevel-options.ts';
import { nestedGroups } from './nested-groups.ts';
import { readLabels } from './read-labels.ts';
import { waldTest } from '../inference/wald-test.ts';
import { multilevelModel, type MultilevelModelOptions, type MultilevelModelResult } from './multilevel-model.ts';
import { freezeResult } from '../../freeze-result.ts';
import { omittedInputRow, type OmittedInputRow } from '../../omission-summary.ts';

/** Result of `multilevel` (metafor's `rma.mv(yi, vi, random = ~ 1 | outer/inner)`). */
export interface MultilevelResult
  extends Inference, Pick<Heterogeneity, 'q' | 'qDf' | 'qPValue'>, StudySet, Settings, Warnings, Convergence {
  /** Rows in the model (omitted rows removed). */
  readonly k: number;
  /** Rows in the input, including omitted ones. */
  readonly kAll: number;
  /** Every input row left out (yi or vi missing, outer or inner label missing), with the reason; `warnings` names the first few. */
  readonly omitted: readonly OmittedInputRow[];
  /** Number of outer clusters and of inner levels (outer/inner combinations). */
  readonly nOuter: number;
  readonly nInner: number;
  readonly method: MultilevelMethod;
  readonly test: MultilevelTest;
  readonly level: number;
  readonly estimate: number;
  readonly se: number;
  readonly statistic: number;
  /** k − 1 for `test: 't'`, `null` for `z`. */
  readonly df: number | null;
  readonly pValue: number | null;
  readonly ci: Interval;
  /** [σ²_outer, σ²_inner]. */
  readonly sigma2: readonly [number, number];
  /** Cochran's Q of the equal-effects model, its df (k − 1) and p-value. */
  readonly q: number;
  readonly qDf: number;
  readonly qPValue: number;
  /** Restricted (REML) or full (ML) log-likelihood with metafor's constants. */
  readonly logLik: number;
  /** Rows' weights in the estimate, percent: 100·(V⁻¹1)ᵢ/1ᵀV⁻¹1 (metafor `weights(, "rowsum")`). */
  readonly weights: readonly number[];
  /** The rows in the model, as robust() needs them. */
  readonly yi: readonly number[];
  readonly vi: readonly number[];
  readonly outer: readonly string[];
  readonly inner: readonly string[];
  readonly labels: readonly string[];
  /** 1-based input row of each row in the model. */
  readonly rows: readonly number[];
  readonly iterations: number;
  readonly converged: boolean;
  readonly warnings: readonly string[];
}

/**
 * Three-level (multilevel) random-effects meta-analysis: effect sizes (inner level) nested in
 * clusters (outer level), as metafor's `rma.mv(yi, vi, random = ~ 1 | outer/inner)`
 * (Konstantopoulos, 2011, Res Synth Methods 2:61; Van den Noortgate et al., 2013, Behav Res
 * Methods 45:576):
 *
 *   y_ij = μ + u_j + w_ij + e_ij,  u_j ~ N(0, σ²_outer),  w_ij ~ N(0, σ²_inner),  e_ij ~ N(0, v_ij).
 *
 * The inner level is the combination outer/inner: rows with the same outer and inner label share
 * w_ij; the same inner label in two outer clusters names two levels. (σ²_outer, σ²_inner) ≥ 0
 * maximize the REML (default) or ML likelihood by projected Newton steps on closed-form
 * per-cluster inverses (O(k) per iteration; see `evaluateNested`); μ̂ is the GLS estimate with
 * SE = (1ᵀV⁻¹1)^{−1/2}, a z or t(k − 1) test and Wald CI. Q is Cochran's Q of the equal-effects
 * model. Rows with a missing yi, vi, outer or inner label (`isMissing`: null, NaN, `''`, `'NA'`,
 * …) are omitted and listed in `warnings` (metafor's `rma.mv` stops there instead). A single outer
 * cluster fixes σ²_outer at 0 (and a single inner level σ²_inner), with a warning, as metafor.
 *
 * With `moderators` (as in `metaRegression`) or `levels` (label arrays of any number of nested
 * levels, outermost first: metafor's `random = ~ 1 | a/b/c`), the model is fitted by
 * `multilevelModel` and the result is a `MultilevelModelResult` (coefficients, σ² per level,
 * Q_E, Q_M and, without moderators, the prediction interval).
 *
 * @param input  `{ yi, vi, labels? }` or an `EffectSizes`
 * @param options  `{ outer, inner, method = 'REML', test = 'z', level = 0.95 }`, or
 *   `{ levels | outer + inner, moderators?, method, test, level }`
 * @throws InputError naming the field and row for: mismatched lengths, labels that are not text
 *   or numbers, non-numeric or non-positive variances, fewer than two rows, unknown method/test,
 *   a level outside (0, 1), or σ²_outer and σ²_inner that cannot be told apart (every outer
 *   cluster holds a single inner level).
 * @example
 * const fit = multilevel({ yi: [0.1, 0.3, 0.9, 1.1, -0.2, 0], vi: [0.01, 0.01, 0.01, 0.01, 0.01, 0.01] },
 *   { outer: ['a', 'a', 'b', 'b', 'c', 'c'], inner: ['1', '2', '1', '2', '1', '2'] });
 * fit.estimate // => 0.3666666667 (metafor 5.1 rma.mv(yi, vi, random = ~ 1 | outer/inner): 0.366666666667)
 * fit.sigma2   // => [0.3133333, 0.0100000] (metafor: 0.313333329, 0.0100000002, converged to ~1e-8)
 */
export function multilevel(
  input: EffectInput | EffectSizes, options: MultilevelOptions & { readonly moderators?: undefined; readonly levels?: undefined },
): MultilevelResult;
export function multilevel(input: EffectInput | EffectSizes, options: MultilevelModelOptions): MultilevelModelResult;
export function multilevel(
  input: EffectInput | EffectSizes, options: MultilevelOptions | MultilevelModelOptions,
): MultilevelResult | MultilevelModelResult {
  const general = options as MultilevelModelOptions;
  if (general !== null && typeof general === 'object' && (general.moderators !== undefined || general.levels !== undefined)) {
    return multilevelModel(input, general);
  }
  return outerInner(input, options as MultilevelOptions);
}

/** The two-level, intercept-only model (`outer`/`inner`). */
function outerInner(input: EffectInput | EffectSizes, options: MultilevelOptions): MultilevelResult {
  const { method, test, level } = resolveMultilevelOptions(options);
  const studies = resolveStudies(input);
  const kAll = (input.yi as ArrayLike<unknown>).length;
  const allLabels = Array.from({ length: kAll }, (_, i) => input.labels?.[i] ?? `row ${i + 1}`);
  const outerAll = readLabels(options.outer, 'outer', kAll, allLabels);
  const innerAll = readLabels(options.inner, 'inner', kAll, allLabels);
  const present = keptRows(input, kAll);
  if (present.length !== studies.yi.length) throw new Error('multilevel: kept rows disagree with resolveStudies');
  const warnings = [...studies.warnings];
  const omitted = [...studies.omitted];
  const labelled = present.flatMap((r, j) => {
    const missing = [outerAll[r] === null ? 'outer' : '', innerAll[r] === null ? 'inner' : ''].filter(Boolean);
    if (missing.length === 0) return [j];
    const study = allLabels[r] === `row ${r + 1}` ? '' : ` (${allLabels[r]})`;
    warnings.push(`Row ${r + 1}${study} omitted: ${missing.join(' and ')} label missing.`);
    omitted.push(omittedInputRow(r, allLabels[r]!, missing.join(', '), `${missing.join(' and ')} label missing`));
    return [];
  });
  omitted.sort((a, b) => a.row - b.row);
  const kept = labelled.map((j) => present[j]!);
  const yi = Float64Array.from(labelled, (j) => studies.yi[j]!);
  const vi = Float64Array.from(labelled, (j) => studies.vi[j]!);
  const labels = labelled.map((j) => studies.labels[j]!);
  const k = yi.length;
  vi.forEach((v, i) => {
    if (!(v > 0)) {
      throw new InputError('sampling variance must be positive in a multilevel model', { field: 'vi', row: kept[i]! + 1, study: labels[i] === `row ${kept[i]! + 1}` ? undefined : labels[i], value: v, code: numberCode(v) });
    }
  });
  if (k < 2) throw new InputError(`needs at least 2 rows with yi and vi; got ${k}`, { field: 'yi', code: 'E_TOO_FEW_STUDIES' });
  const outer = kept.map((i) => outerAll[i]!);
  const inner = kept.map((i) => innerAll[i]!);
  const groups = nestedGroups(outer, inner);
  if (groups.nOuter > 1 && groups.nInner === groups.nOuter) {
    throw new InputError(
      'every outer cluster holds a single inner level, so σ²_outer and σ²_inner cannot be told apart; use metaAnalysis for one level',
      { field: 'inner' },
    );
  }
  const fixed: [boolean, boolean] = [groups.nOuter === 1, groups.nInner === 1];
  if (fixed[0]) warnings.push('Single outer cluster: σ²_outer cannot be estimated and is fixed to 0 (as metafor).');
  if (fixed[1]) warnings.push('Single inner level: σ²_inner cannot be estimated and is fixed to 0 (as metafor).');

  // the optimizer works on data centred and scaled by a power of 2 (scale-free, no overflow)
  const data = scaleData(yi, vi, true);
  const c = Math.sqrt(data.unit);
  const units = collapseInner(data.y, data.v, groups);
  const reml = method === 'REML';
  const fit = maximizeNested(units, reml, fixed, method, data.unit);
  warnings.push(...fit.warnings);
  if (!fit.converged) warnings.push(`The ${method} optimizer did not converge in ${fit.iterations} iterations; estimates are the last iterate.`);
  const s2Outer = fit.sigma2[0] * data.unit;
  const s2Inner = fit.sigma2[1] * data.unit;
  const ev = fit.evaluation;
  const nUnits = units.y.length;
  // back to the user's units: log|V| grows by k·log c², log 1ᵀV⁻¹1 shrinks by log c²
  const logLik = ev.logLik
    - 0.5 * (k - nUnits) * Math.log(2 * Math.PI)
    + (reml ? 0.5 * Math.log(k / nUnits) : 0)
    - 0.5 * units.logDetOffset
    - 0.5 * units.withinSs
    - (reml ? k - 1 : k) * Math.log(c);
  const g = rowWeights(data.v, groups, fit.sigma2[0], fit.sigma2[1]);
  const estimate = data.shift + c * ev.estimate;
  const se = c / Math.sqrt(ev.sumW);
  const df = test === 't' ? k - 1 : null;
  const wald = waldTest(estimate, se, df, level);
  const het = cochranQ(interceptModel(data.y, data.v, data.unit));
  return freezeResult({
    k, kAll, omitted: Object.freeze(omitted), nOuter: groups.nOuter, nInner: groups.nInner, method, test, level,
    estimate, se, statistic: wald.statistic, df, pValue: wald.pValue, ci: wald.ci,
    sigma2: Object.freeze([s2Outer, s2Inner] as const),
    q: het.q, qDf: het.qDf, qPValue: het.qPValue, logLik,
    weights: Object.freeze(Array.from(g, (x) => (100 * x) / ev.sumW)),
    yi: Object.freeze(Array.from(yi)), vi: Object.freeze(Array.from(vi)),
    outer: Object.freeze(outer), inner: Object.freeze(inner), labels: Object.freeze([...labels]),
    rows: Object.freeze(kept.map((i) => i + 1)),
    iterations: fit.iterations, converged: fit.converged,
    warnings: Object.freeze(warnings),
  });
}

/** Input rows that `resolveStudies` keeps: yi and vi both present (not null, undefined or NaN). */
function keptRows(input: EffectInput | EffectSizes, kAll: number): number[] {
  const present = (x: unknown) => x !== null && x !== undefined && !(typeof x === 'number' && Number.isNaN(x));
  const kept: number[] = [];
  for (let i = 0; i < kAll; i++) if (present(input.yi[i]) && present(input.vi[i])) kept.push(i);
  return kept;
}
