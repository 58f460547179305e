import { InputError } from '../errors.ts';
import { labelText } from '../missing.ts';
import type { EffectInput, EffectSizes, Heterogeneity, Inference, Interval, Warnings } from '../types.ts';
import { interceptModel } from './engine/intercept-model.ts';
import { scaleData } from './engine/scaled-data.ts';
import { cochranQ } from './inference/cochran-q.ts';
import { denseArray } from '../dense-array.ts';
import { metaAnalysis } from './meta-analysis.ts';
import { resolveStudies } from './resolve-input.ts';
import type { MetaAnalysisOptions } from './resolve-options.ts';
import { checkOptions } from '../check-options.ts';
import { MODEL_OPTION_KEYS } from './resolve-options.ts';
import { omittedInputRow, type OmittedInputRow } from '../omission-summary.ts';
import { withSeVariances } from './se-variances.ts';
import { freezeResult } from '../freeze-result.ts';

/** One subgroup's own random-effects fit. */
export interface SubgroupFit
  extends Pick<Inference, 'estimate' | 'se' | 'pValue' | 'ci'>, Pick<Heterogeneity, 'tau2' | 'i2' | 'q'> {
  readonly level: string;
  readonly k: number;
  readonly estimate: number;
  readonly se: number;
  readonly ci: Interval;
  readonly pValue: number | null;
  readonly tau2: number;
  readonly i2: number;
  readonly q: number;
}

/** Result of `subgroupAnalysis`. */
export interface SubgroupResult extends Warnings {
  readonly groups: readonly SubgroupFit[];
  /** Test of subgroup differences: Q on the subgroup estimates, df = groups − 1. */
  readonly between: { readonly q: number; readonly df: number; readonly pValue: number };
  /** Every input row left out (missing subgroup label, yi or vi), in input order, with the reason. */
  readonly omitted: readonly OmittedInputRow[];
  readonly warnings: readonly string[];
}

/**
 * Subgroup analysis with a separate τ² per subgroup (Borenstein et al., 2009, Introduction to
 * Meta-Analysis, ch. 19): each subgroup is pooled on its own with `metaAnalysis`, and the
 * subgroup estimates are compared with a Wald-type Q test,
 *
 *   Q_between = Σ_g (μ̂_g − μ̄)²/SE_g²,  μ̄ = Σ(μ̂_g/SE_g²)/Σ(1/SE_g²),  df = G − 1,
 *
 * as metafor's `rma(..., subset = ...)` per level followed by `rma(b, se², method = "EE")`.
 * Levels are sorted as R sorts factor levels. Labels may be strings or numbers (`2` and `"2"`
 * are one subgroup). A study whose label is missing (`isMissing`: null, `''`, `'NA'`, …) is
 * omitted with a warning naming it, as R drops `NA` from a factor; it never forms a subgroup.
 *
 * @param groups the subgroup of each study, index-aligned with the input rows
 * @throws InputError when `groups` does not match the input's length, or a label is neither
 *   text nor a number
 * @example
 * subgroupAnalysis({ yi: [0.1, 0.3, 0.8, 1.0], vi: [0.02, 0.03, 0.02, 0.04] }, ['a', 'a', 'b', 'b'], { method: 'DL' })
 *   .between.df // => 1
 */
export function subgroupAnalysis(
  given: EffectInput | EffectSizes,
  groups: readonly (string | number | boolean | null | undefined)[],
  options: MetaAnalysisOptions = {},
): SubgroupResult {
  checkOptions(options, MODEL_OPTION_KEYS);
  resolveStudies(given); // validates yi, vi (or sei) and their lengths before the split
  const input = withSeVariances(given);
  const groupsIn = denseArray(groups, 'groups');
  if (groupsIn.length !== input.yi.length) {
    throw new InputError(`length mismatch: groups has ${groupsIn.length} entries but yi has ${input.yi.length}`, { field: 'groups', code: 'E_LENGTH_MISMATCH' });
  }
  const warnings: string[] = [];
  const omitted: OmittedInputRow[] = [];
  const labels = Array.from(groupsIn, (g, i) => {
    const label = labelText(g);
    if (label === undefined) throw new InputError('must be a subgroup label (text or a number)', { field: 'groups', row: i + 1, study: input.labels?.[i], value: g, code: 'E_INVALID_TYPE' });
    if (label === null) {
      const study = input.labels?.[i];
      warnings.push(`Row ${i + 1}${study === undefined || study === `row ${i + 1}` ? '' : ` (${study})`} omitted: subgroup label missing.`);
      omitted.push(omittedInputRow(i, study ?? `row ${i + 1}`, 'groups', 'subgroup label missing'));
    }
    return label;
  });
  const levels = [...new Set(labels.filter((l): l is string => l !== null))].sort((a, b) => a.localeCompare(b));
  const fits = levels.map((level) => {
    const idx = labels.flatMap((g, i) => (g === level ? [i] : []));
    const fit = inSubgroup(level, idx, () => metaAnalysis(
      {
        yi: idx.map((i) => input.yi[i] as number),
        vi: idx.map((i) => input.vi[i] as number),
        labels: idx.map((i) => input.labels?.[i] ?? `row ${i + 1}`),
      },
      options,
    ));
    warnings.push(...fit.warnings.map((w) => `[${level}] ${w}`));
    for (const o of fit.omitted) omitted.push(omittedInputRow(idx[o.row - 1]!, o.study, o.field, `${o.reason} (subgroup "${level}")`));
    return Object.freeze({
      level, k: fit.k, estimate: fit.estimate, se: fit.se, ci: fit.ci, pValue: fit.pValue,
      tau2: fit.tau2, i2: fit.i2, q: fit.q,
    });
  });
  const between = scaleData(Float64Array.from(fits, (f) => f.estimate), Float64Array.from(fits, (f) => f.se * f.se), true);
  const het = cochranQ(interceptModel(between.y, between.v, between.unit));
  return freezeResult({
    groups: Object.freeze(fits),
    between: Object.freeze({ q: het.q, df: het.qDf, pValue: het.qPValue }),
    omitted: Object.freeze(omitted.sort((a, b) => a.row - b.row)),
    warnings: Object.freeze(warnings),
  });
}

/** Runs the fit of one subgroup; its error names the subgroup and the row of the full input. */
function inSubgroup<T>(level: string, idx: readonly number[], fit: () => T): T {
  try {
    return fit();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const row = error.row === undefined ? undefined : idx[error.row - 1]! + 1;
    throw new InputError(`in subgroup "${level}": ${error.problem}`, { field: error.field, row, study: error.study, code: error.code });
  }
}
