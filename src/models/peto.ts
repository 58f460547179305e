import { InputError } from '../errors.ts';
import type { Heterogeneity, Inference, Interval, Settings, StudySet, Warnings } from '../types.ts';
import { fromQ } from './two-by-two/heterogeneity-about.ts';
import { petoPooled } from './two-by-two/peto-pooled.ts';
import { readTables, resolveTwoByTwoOptions } from './two-by-two/read-tables.ts';
import type { TwoByTwoPoolingOptions } from './two-by-two/read-tables.ts';
import { studyEffects } from './two-by-two/study-effects.ts';
import { exponentiate, waldInference } from './two-by-two/wald.ts';
import type { OmittedInputRow } from '../omission-summary.ts';
import { freezeResult } from '../freeze-result.ts';

/** Options of {@link peto}; metafor's `rma.peto` arguments where they exist there. */
export type PetoOptions = TwoByTwoPoolingOptions;

/** Result of {@link peto} (metafor's `rma.peto`). */
export interface PetoResult
  extends Omit<Inference, 'df'>, Pick<Heterogeneity, 'q' | 'qDf' | 'qPValue' | 'i2' | 'h2'>,
  Omit<StudySet, 'weights'>, Omit<Settings, 'test'>, Warnings {
  readonly method: 'PETO';
  readonly measure: 'PETO';
  readonly level: number;
  /** Complete tables pooled (metafor's `k`). */
  readonly k: number;
  /** Pooled log odds ratio. */
  readonly estimate: number;
  readonly se: number;
  readonly statistic: number;
  readonly pValue: number;
  readonly ci: Interval;
  /** The estimate and CI on the odds-ratio scale (exp). */
  readonly ratio: { readonly estimate: number | null; readonly ci: Interval };
  /** Peto's heterogeneity statistic with df = (studies with a Peto log odds ratio) − 1. */
  readonly q: number;
  readonly qDf: number;
  readonly qPValue: number;
  readonly i2: number;
  readonly h2: number;
  /** Per-study Peto log odds ratios of the studies counted in qDf (metafor's `yi`, `vi`). */
  readonly yi: readonly number[];
  readonly vi: readonly number[];
  readonly labels: readonly string[];
  /** Every input row left out for a missing count, with the reason. */
  readonly omitted: readonly OmittedInputRow[];
  readonly warnings: readonly string[];
}

/**
 * Peto's one-step equal-effects meta-analysis of 2x2 tables — metafor's `rma.peto` (Yusuf,
 * Peto, Lewis, Collins & Sleight, 1985): with Oᵢ − Eᵢ = aᵢ − n1ᵢm1ᵢ/Nᵢ and the hypergeometric
 * variance Vᵢ = n1ᵢn2ᵢm1ᵢm2ᵢ/(Nᵢ²(Nᵢ − 1)) of each table (m1 = events, m2 = non-events),
 *
 *   ln ψ̂ = Σ(Oᵢ − Eᵢ)/ΣVᵢ,  SE = 1/√ΣVᵢ,  Q = Σ(Oᵢ − Eᵢ)²/Vᵢ − (Σ(Oᵢ − Eᵢ))²/ΣVᵢ,
 *
 * z-test and Wald CI from the normal distribution; I² = max(0, 100·(Q − df)/Q), H² = Q/df.
 * Raw counts throughout. As in metafor, Q's df is the number of studies with a per-study Peto
 * log odds ratio (`escalc` with `add`, `to`, `drop00`) minus 1, so by default tables with no
 * events (or only events) in both groups leave both Q and its df (with a warning); when fewer
 * than two tables have events and non-events, Q's p-value is 1, I² = 0 and H² = 1. Rows with a
 * missing count are omitted with a warning; `k` counts the complete tables.
 *
 * @param rows one object per study with the counts (see `options.columns`)
 * @param options `{ columns, level = 0.95, add = 0.5, to = 'only0', drop00 = true, label = 'study' }`
 * @returns a frozen {@link PetoResult}; the estimate is a log odds ratio
 * @throws InputError naming the field and the row (and study) for an unknown option, a needed
 * column absent from every row, text in a count, negative counts, events above the group size, an
 * empty group, a level outside (0, 1), no row with a complete table, or when no table has both
 * events and non-events (metafor stops there too).
 * @example
 * const fit = peto([{ ai: 8, n1i: 50, ci: 15, n2i: 50 }]);
 * fit.estimate // => -0.782608695652174 (rma.peto: -0.782608695652174)
 */
export function peto(rows: readonly object[], options: PetoOptions = {}): PetoResult {
  const shared = resolveTwoByTwoOptions(options, []);
  const tables = readTables(rows, shared, "PETO (Peto's method)");
  const warnings = [...tables.warnings];
  const pooled = petoPooled(tables.complete);
  if (Number.isNaN(pooled.estimate)) {
    throw new InputError("no table has both events and non-events, so Peto's method cannot be used", { field: 'rows' });
  }
  const wald = waldInference(pooled.estimate, pooled.variance, shared.level);

  const effects = studyEffects(tables.all, 'PETO', shared.add, shared.to, shared.drop00);
  const counted: number[] = [];
  for (const i of tables.completeRows) {
    const reason = effects.reasons[i];
    if (reason === undefined) counted.push(i);
    else warnings.push(`${tables.describe(i)} left out of the heterogeneity test: ${reason}`);
  }
  const df = Math.max(counted.length - 1, 0);
  const het = pooled.informative > 1 && df > 0 ? fromQ(pooled.q, df) : { q: pooled.q, qDf: df, qPValue: 1, i2: 0, h2: 1 };

  return freezeResult({
    method: 'PETO' as const,
    measure: 'PETO' as const,
    level: shared.level,
    k: tables.completeRows.length,
    estimate: wald.estimate as number,
    se: wald.se as number,
    statistic: wald.statistic as number,
    pValue: wald.pValue as number,
    ci: wald.ci,
    ratio: exponentiate(wald),
    q: het.q,
    qDf: het.qDf,
    qPValue: het.qPValue,
    i2: het.i2,
    h2: het.h2,
    yi: Object.freeze(counted.map((i) => effects.yi[i]!)),
    vi: Object.freeze(counted.map((i) => effects.vi[i]!)),
    labels: Object.freeze(counted.map((i) => tables.labels[i]!)),
    omitted: tables.omitted,
    warnings: Object.freeze(warnings),
  });
}
