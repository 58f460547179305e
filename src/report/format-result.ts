import type { EggerTestResult } from '../bias/egger-test.ts';
import type { FailSafeNResult } from '../bias/fail-safe-n.ts';
import type { HenmiCopasResult } from '../bias/henmi-copas.ts';
import type { RankCorrelationResult } from '../bias/rank-correlation-test.ts';
import type { TrimAndFillResult } from '../bias/trim-and-fill.ts';
import type { SelectionModelResult } from '../bias/selection-model/selection-model.ts';
import type { InfluenceRow } from '../diagnostics/influence.ts';
import type { SubsetFit } from '../diagnostics/subset-fit.ts';
import { InputError } from '../errors.ts';
import type { MantelHaenszelResult } from '../models/mantel-haenszel.ts';
import type { MultilevelResult } from '../models/multilevel/multilevel.ts';
import type { RobustResult } from '../models/multilevel/robust.ts';
import type { PetoResult } from '../models/peto.ts';
import type { GoshResult } from '../diagnostics/gosh.ts';
import type { MetaAnalysisBatchResult } from '../models/batch/meta-analysis-batch.ts';
import type { MetaRegressionResult } from '../models/regression/meta-regression.ts';
import type { SubgroupResult } from '../models/subgroup-analysis.ts';
import type { BlupResult } from '../models/predict/blup.ts';
import type { PredictResult } from '../models/predict/predict.ts';
import type { CoefficientTestResult, ContrastTestResult } from '../models/compare/anova.ts';
import type { FitStatisticsResult } from '../models/compare/fit-statistics.ts';
import type { LikelihoodRatioResult } from '../models/compare/likelihood-ratio-test.ts';
import { formatBlup, formatPredict } from './format-predict.ts';
import { formatCoefficientTest, formatContrastTest, formatFitStatistics, formatLikelihoodRatioTest } from './format-anova.ts';
import type { EffectSizes, MetaAnalysisResult } from '../types.ts';
import type { CertaintyAssessment } from '../evidence/assess-certainty.ts';
import { formatCertainty } from './format-certainty.ts';
import type { WhatWouldChange } from '../evidence/what-would-change.ts';
import { formatWhatWouldChange } from './format-what-would-change.ts';
import { formatCumulative } from './format-cumulative.ts';
import { formatEffectSizes } from './format-effect-sizes.ts';
import { formatEggerTest } from './format-egger-test.ts';
import { formatFailSafeN } from './format-fail-safe-n.ts';
import { formatHenmiCopas } from './format-henmi-copas.ts';
import { formatInfluence } from './format-influence.ts';
import { formatLeaveOneOut } from './format-leave-one-out.ts';
import { formatMantelHaenszel } from './format-mantel-haenszel.ts';
import { formatMetaAnalysis } from './format-meta-analysis.ts';
import { formatMetaAnalysisBatch } from './format-meta-analysis-batch.ts';
import { formatGosh } from './format-gosh.ts';
import { formatMetaRegression } from './format-meta-regression.ts';
import { formatMultilevel } from './format-multilevel.ts';
import { resolveFormatOptions, type FormatOptions, type ResolvedFormatOptions } from './format-options.ts';
import { formatPeto } from './format-peto.ts';
import { formatRankCorrelationTest } from './format-rank-correlation-test.ts';
import { formatRobust } from './format-robust.ts';
import { formatRobustRegression } from './format-robust-regression.ts';
import { formatMultilevelModel } from './format-multilevel-model.ts';
import { formatInfluenceRegression } from './format-influence-regression.ts';
import { formatInfluenceMultilevel } from './format-influence-multilevel.ts';
import type { MultilevelInfluence } from '../diagnostics/influence-multilevel.ts';
import type { InfluenceRegressionRow } from '../diagnostics/influence-regression.ts';
import type { MultilevelModelResult } from '../models/multilevel/multilevel-model.ts';
import type { RobustRegressionResult } from '../models/robust/robust-univariate.ts';
import { formatStudyTable } from './format-study-table.ts';
import { formatSubgroupAnalysis } from './format-subgroup-analysis.ts';
import { formatSummary } from './format-summary.ts';
import { formatTrimAndFill } from './format-trim-and-fill.ts';
import { formatSelectionModel } from './format-selection-model.ts';
import { formatTau2Interval } from './format-tau2-interval.ts';
import { formatPermutationTest } from './format-permutation-test.ts';
import { formatGlmm } from './format-glmm.ts';
import type { GlmmResult } from '../models/glmm/glmm.ts';
import type { Tau2IntervalResult } from '../models/tau2-inference/tau2-interval.ts';
import type { PermutationTestResult } from '../models/permutation/permutation-test.ts';
import { RESULT_KINDS, resultKind, type ResultKind } from './result-kind.ts';
import type { LongFormat } from '../effect-sizes/to-long.ts';
import type { StudyTables } from '../effect-sizes/to-table.ts';
import { formatLongFormat } from './format-long-format.ts';
import { formatStudyTables } from './format-study-tables.ts';
import { formatSimulation } from './format-simulation.ts';
import type { SimulationResult } from '../models/simulate/simulate.ts';
import type { MultivariateResult } from '../models/multivariate/multivariate.ts';
import type { AggregateResult } from '../models/multivariate/aggregate.ts';
import type { VcalcResult } from '../models/multivariate/vcalc.ts';
import { formatMultivariate } from './format-multivariate.ts';
import { formatAggregate, formatRandomEffects, formatVcalc } from './format-aggregate.ts';
import type { MultivariateRandomEffects } from '../models/multivariate/ranef-multivariate.ts';
import { studyTable, type StudyTable } from './study-table.ts';
import type { ResultSummary } from './summarize.ts';

/** Every result `formatResult` prints. */
export type PooledResult =
  | MetaAnalysisResult | MetaRegressionResult | SubgroupResult | MantelHaenszelResult | PetoResult
  | MultilevelResult | RobustResult | RobustRegressionResult | MultilevelModelResult | readonly InfluenceRegressionRow[] | MultilevelInfluence | readonly SubsetFit[] | readonly InfluenceRow[] | EggerTestResult
  | RankCorrelationResult | TrimAndFillResult | SelectionModelResult | FailSafeNResult | HenmiCopasResult | EffectSizes | ResultSummary | StudyTable
  | CertaintyAssessment | WhatWouldChange
  | PredictResult | BlupResult | CoefficientTestResult | ContrastTestResult | LikelihoodRatioResult | FitStatisticsResult
  | Tau2IntervalResult | PermutationTestResult | MetaAnalysisBatchResult | GoshResult
  | LongFormat | StudyTables | GlmmResult | SimulationResult
  | MultivariateResult | AggregateResult | VcalcResult | MultivariateRandomEffects;

type Formatter = (result: never, options: ResolvedFormatOptions) => string;

const FORMATTERS: Readonly<Record<ResultKind, Formatter>> = {
  metaAnalysis: formatMetaAnalysis,
  metaRegression: formatMetaRegression,
  subgroupAnalysis: formatSubgroupAnalysis,
  mantelHaenszel: formatMantelHaenszel,
  peto: formatPeto,
  multilevel: formatMultilevel,
  robust: formatRobust,
  robustRegression: formatRobustRegression,
  multilevelModel: formatMultilevelModel,
  influenceRegression: formatInfluenceRegression,
  influenceMultilevel: formatInfluenceMultilevel,
  leaveOneOut: formatLeaveOneOut,
  cumulative: formatCumulative,
  influence: formatInfluence,
  eggerTest: formatEggerTest,
  rankCorrelationTest: formatRankCorrelationTest,
  trimAndFill: formatTrimAndFill,
  selectionModel: formatSelectionModel,
  failSafeN: formatFailSafeN,
  henmiCopas: formatHenmiCopas,
  effectSizes: formatEffectSizes,
  summarize: formatSummary,
  studyTable: (table: StudyTable, o: ResolvedFormatOptions) => formatStudyTable(table, o.digits),
  assessCertainty: (a: CertaintyAssessment) => formatCertainty(a),
  whatWouldChange: (w: WhatWouldChange) => formatWhatWouldChange(w),
  predict: formatPredict,
  blup: formatBlup,
  coefficientTest: formatCoefficientTest,
  contrastTest: formatContrastTest,
  likelihoodRatioTest: formatLikelihoodRatioTest,
  fitStatistics: formatFitStatistics,
  tau2Interval: formatTau2Interval,
  permutationTest: formatPermutationTest,
  metaAnalysisBatch: formatMetaAnalysisBatch,
  gosh: formatGosh,
  toLong: (long: LongFormat) => formatLongFormat(long),
  toTable: (tables: StudyTables) => formatStudyTables(tables),
  glmm: formatGlmm,
  simulate: formatSimulation,
  multivariate: formatMultivariate,
  aggregate: formatAggregate,
  vcalc: formatVcalc,
  multivariateRandomEffects: formatRandomEffects,
};

const FITS_WITH_STUDIES: readonly ResultKind[] = ['metaAnalysis', 'metaRegression', 'mantelHaenszel', 'peto', 'multilevel'];

/**
 * Formats any result of `pooled` as text in the style of metafor's print methods:
 * `metaAnalysis` and `metaRegression` as `print.rma.uni` (with QE and QM tests and the
 * coefficient table), `mantelHaenszel` / `peto` as `print.rma.mh` / `print.rma.peto`,
 * `multilevel` as `print.rma.mv`, `robust` (of any fit) as `print.robust.rma`, `leaveOneOut` and
 * `cumulative` as `print.list.rma`, `influence` as `print.infl.rma.uni`, `eggerTest`,
 * `rankCorrelationTest`, `failSafeN`, `henmiCopas` as `print.regtest`, `print.ranktest`, `print.fsn`, `print.hc`,
 * `trimAndFill` as metafor's trimfill printout, `subgroupAnalysis` as one fit per subgroup with
 * the test of differences, `effectSizes` as `print.escalc`, and the results of `summarize` and
 * `studyTable` as `predict(fit, transf = ...)` and a per-study table, `predict` and `blup` as
 * metafor's `predict.rma` and `blup` tables, `anova` results as `print.anova.rma` (Wald tests of
 * coefficients or contrasts, likelihood-ratio tests), `fitStatistics` as `fitstats`, `glmm` as
 * `print.rma.glmm`, `multivariate` as `print.rma.mv`, its `ranefMultivariate` as `ranef.rma.mv`,
 * `aggregate` and `vcalc` as tables, and `toLong` / `toTable` as R prints metafor's `to.long`
 * data frame and `to.table` array. p-values are printed as
 * they are (2.00e-26, not <.0001).
 *
 * Back-transformation: by default (`transform: 'auto'`) estimates, CI and prediction-interval
 * bounds are also given on the natural scale of the measure (exp for OR, RR, ROM, …; tanh for
 * ZCOR; inverse logit for PLO; …), never the SEs, with a sentence saying what was done. Results
 * that do not carry their measure take it from `options.measure`. `studies: true` appends the
 * per-study table (estimate, SE, CI, weight) of a fit.
 *
 * Results are recognised by `resultKind` (a marker where the result has one, else a stable set
 * of fields), also after a JSON round trip.
 *
 * @param result  any result of `pooled`
 * @param options `{ digits = 4, transform = 'auto', measure, n, studies = false }`, or the number of digits
 * @throws InputError for a value that is not a result of `pooled` (and for a malformed one), or bad options.
 * @example
 * formatResult(metaAnalysis({ yi: [0.1, 0.3], vi: [0.01, 0.02] })).split('\n')[0]
 * // => 'Random-Effects Model (k = 2; tau^2 estimator: REML)'
 * formatResult(metaAnalysis({ yi: [0, 0.7], vi: [0.2, 0.3], measure: 'OR' }), { studies: true })
 * // => '…Model Results:…Model Results (Odds Ratio scale):…estimate…se…weight…'
 */
export function formatResult(result: PooledResult, options?: number | FormatOptions): string {
  const o = resolveFormatOptions(options);
  const kind = resultKind(result);
  if (kind === null) {
    throw new InputError(`expected a result of pooled (${RESULT_KINDS.join(', ')})`, { field: 'result', code: 'E_INVALID_RESULT' });
  }
  if (o.studies && !FITS_WITH_STUDIES.includes(kind)) {
    throw new InputError(`a ${kind} result has no per-study table; use it with ${FITS_WITH_STUDIES.join(', ')}`, { field: 'studies', code: 'E_INVALID_RESULT' });
  }
  try {
    const text = FORMATTERS[kind](result as never, o);
    if (!o.studies) return text;
    const table = studyTable(result, { transform: o.transform, measure: o.measure ?? undefined, n: o.n });
    return `${text}\n\n${formatStudyTable(table, o.digits)}`;
  } catch (e) {
    if (e instanceof TypeError || e instanceof RangeError) {
      throw new InputError(`malformed ${kind} result (${e.message}); pass the result as ${kind}() returned it`, { field: 'result', code: 'E_INVALID_RESULT' });
    }
    throw e;
  }
}
