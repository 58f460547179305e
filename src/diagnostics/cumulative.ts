import { InputError } from '../errors.ts';
import type { MetaAnalysisResult } from '../types.ts';
import { readResult } from '../read-result.ts';
import { readFitView } from '../models/read-fit.ts';
import { refit } from './refit.ts';
import { keyLabel, tieEnds } from './tie-ends.ts';
import { sortOrder } from './sort-order.ts';
import type { SubsetFit } from './subset-fit.ts';
import { storeRefit, subsetColumns, subsetFitRow } from './subset-columns.ts';
import { SubsetRefits } from './subset-refits.ts';
import { checkOptions, isPlainObject, optionKeys } from '../check-options.ts';

/** Options of {@link cumulative}. */
export interface CumulativeOptions {
  /** Add studies by decreasing sort key (metafor's `decreasing`); default false. */
  readonly decreasing?: boolean;
  /**
   * Add studies with the same sort key together, one row per distinct key labelled with the key
   * (metafor's `collapse = TRUE`); default false. Ignored without `order`, as metafor.
   */
  readonly collapse?: boolean;
}

/** The valid keys of {@link CumulativeOptions}. */
export const CUMULATIVE_OPTION_KEYS = optionKeys<CumulativeOptions>()('decreasing', 'collapse');

/**
 * Cumulative meta-analysis (metafor's `cumul` for `rma.uni`; Lau et al., 1992, N Engl J Med
 * 327:248): studies are added one at a time and the model is refitted after each addition
 * with the fit's own `method`, `test` and `level`, so row j pools the first j studies:
 *
 *   μ̂₍₁..ⱼ₎ = Σ_{i≤j} wᵢyᵢ / Σ_{i≤j} wᵢ,  wᵢ = 1/(vᵢ + τ̂²₍₁..ⱼ₎)
 *
 * (the first row is the first study alone, with τ² = 0 and the z test, as rma.uni does). The
 * last row is the full model. Each row is labelled with the study added at that step.
 *
 * Order: by default the studies' order in the fit. `order` gives one sort key per study of the
 * fit (the studies that entered the model, in `fit.labels` order: omitted rows excluded), e.g.
 * the publication years; studies are added by increasing key (decreasing with
 * `{ decreasing: true }`), ties keep their order, and missing keys (NaN or null) come last, as
 * R's `order()` does. Keys are all numbers or all strings (compared by code point).
 *
 * With `{ collapse: true }` studies with equal keys enter together: one row per distinct key,
 * labelled with the key (metafor's `cumul(..., collapse = TRUE)`).
 *
 * Effects stay on the analysis scale of the fit. Work: for EE, DL, ML and REML each refit
 * updates running sums of the studies added so far (compensated, at τ² = 0 and on the full
 * fit's likelihood grid) and warm-starts Newton's method at the previous step's τ̂², on series
 * of running sums re-anchored by one pass over the j studies when τ̂² drifts (see
 * `SubsetRefits`); other methods refit from scratch.
 *
 * @param fit a result of `metaAnalysis`
 * @param order optional sort keys, one per study of the fit
 * @returns a frozen array of k frozen {@link SubsetFit} rows in the order of addition; a refit
 *   that rma.uni would refuse gives a row of `null`s with `error`.
 * @throws InputError when `fit` is not a `metaAnalysis` result, when `order` is not an array of
 *   `fit.k` numbers or strings (the message names the row), or `decreasing` is not a boolean.
 * @example
 * const fit = metaAnalysis({ yi: [0.1, 0.3, 0.5], vi: [0.01, 0.02, 0.015] }, { method: 'DL' });
 * cumulative(fit).map((r) => r.estimate)                     // => [0.1, 0.175, 0.29216449...]
 * cumulative(fit, [2003, 1999, 2001]).map((r) => r.estimate) // => [0.3, 0.4125, 0.29216449...]
 */
export function cumulative(
  fit: MetaAnalysisResult,
  order?: ArrayLike<number | null> | readonly (string | null)[],
  options: CumulativeOptions = {},
): readonly SubsetFit[] {
  return readResult(fit, 'metaAnalysis', 'fit', () => {
    const f = readFitView(fit, 'cumulative', 1);
    if (options === null || typeof options !== 'object') {
      throw new InputError('must be an options object such as { decreasing: true }', { field: 'options', value: options, code: 'E_INVALID_TYPE' });
    }
    checkOptions(options, CUMULATIVE_OPTION_KEYS);
    if (isPlainObject(order)) {
      throw new InputError('must be an array of sort keys, one per study; options go third: cumulative(fit, order, options)', { field: 'order', code: 'E_INVALID_TYPE' });
    }
    const decreasing = options.decreasing ?? false;
    if (typeof decreasing !== 'boolean') throw new InputError('must be true or false', { field: 'decreasing', value: decreasing, code: 'E_INVALID_TYPE' });
    const sequence = order === undefined ? Array.from({ length: f.k }, (_, i) => i) : sortOrder(order, f.k, decreasing);
    const collapse = options.collapse ?? false;
    if (typeof collapse !== 'boolean') throw new InputError('must be true or false', { field: 'collapse', value: collapse });
    const yi = Float64Array.from(sequence, (i) => f.yi[i]!);
    const vi = Float64Array.from(sequence, (i) => f.vi[i]!);
    const keyed = collapse && order !== undefined;
    const ends = keyed ? tieEnds(order, sequence) : sequence.map((_, i) => i + 1);
    const columns = subsetColumns(ends.length);
    const refits = new SubsetRefits(yi, vi, f.method, f.test, f.level, f);
    let added = 0;
    ends.forEach((j, r) => {
      while (added < j) refits.addStudy(added++);
      if (!refits.refitInto(columns, r, j, -1)) storeRefit(columns, r, refit(yi.subarray(0, j), vi.subarray(0, j), f.method, f.test, f.level), NaN);
    });
    return Object.freeze(ends.map((j, r) => {
      const last = sequence[j - 1]!;
      return subsetFitRow(columns, r, keyed ? keyLabel(order[last]) : f.labels[last]!);
    }));
  });
}

