// Flat barrel: every public export of `pooled`, nothing else.
export * from './types.ts';
export { InputError } from './errors.ts';
export { compensatedSum, compensatedDot } from './numeric/compensated-sum.ts';
export { normalCdf, normalSf, normalQuantile } from './distributions/normal.ts';
export { studentTCdf, studentTSf, studentTQuantile } from './distributions/student-t.ts';
export { chiSquareCdf, chiSquareSf, chiSquareQuantile } from './distributions/chi-square.ts';
export { fisherFCdf, fisherFSf, fisherFQuantile } from './distributions/fisher-f.ts';
// --- models ---
export { metaAnalysis } from './models/meta-analysis.ts';
export type { MetaAnalysisOptions } from './models/resolve-options.ts';
// --- engine ---
export type { MetaforControl } from './models/resolve-options.ts';
// --- report ---
export { formatResult, describeProvenance } from './report/format-result.ts';
export { formatFixed, formatPValue } from './report/format-number.ts';
export { subgroupAnalysis } from './models/subgroup-analysis.ts';
export type { SubgroupFit, SubgroupResult } from './models/subgroup-analysis.ts';
// --- effect sizes ---
export { effectSizes } from './effect-sizes/effect-sizes.ts';
export { pairArms } from './effect-sizes/arms.ts';
export type { ArmComparison, ArmPairs } from './effect-sizes/arms.ts';
export { hedgesCorrection } from './effect-sizes/hedges-correction.ts';
export { worstProvenance } from './effect-sizes/provenance.ts';
export type { ArmPairing, EffectSizesOptions, VarianceType, ZeroCellRule } from './effect-sizes/options.ts';
// --- evidence ---
export { loadEvidence } from './evidence/load-evidence.ts';
export type {
  ClaimDirection, Comparison, EvidenceArm, EvidenceBase, EvidenceClaim, EvidenceSource, EvidenceStudy,
  SourceQuote, StudyStatus, SupportingQuote,
} from './evidence/evidence-base.ts';
export { describeComparison } from './evidence/describe-comparison.ts';
export { matchComparison, claimsFor } from './evidence/match-comparison.ts';
export type { ComparisonMatch, Contrast, PlannedMatch } from './evidence/match-comparison.ts';
export { studyLinks } from './evidence/study-links.ts';
export { independenceClusters } from './evidence/independence-clusters.ts';
export type { IndependenceClusters, StudyLink } from './evidence/independence-clusters.ts';
export { detectOverlaps } from './evidence/detect-overlaps.ts';
export type { IdenticalArmSummary, Overlap, OverlapBasis } from './evidence/detect-overlaps.ts';
export { comparisonEffects } from './evidence/comparison-effects.ts';
export type { ArmValues, ComparisonEffectsOptions, EffectAssumptions, StudyEffect, ValueSource } from './evidence/comparison-effects.ts';
export { parseExpectedWindow, resultsTiming } from './evidence/results-timing.ts';
export type { ResultsTiming, ResultsTimingStatus } from './evidence/results-timing.ts';
export { assessReplication } from './evidence/assess-replication.ts';
export type {
  EffectDirection, PendingStudy, ReplicationAssessment, ReplicationFinding, ReplicationOptions, ReplicationStatus, StudyResult,
} from './evidence/assess-replication.ts';
export { poolIndependent } from './evidence/pool-independent.ts';
export type { IndependentPooling, PoolIndependentOptions, PoolingCohort } from './evidence/pool-independent.ts';
// --- replication reports ---
export { replicationMarkdown } from './report/replication-markdown.ts';
export type { ReplicationMarkdownOptions } from './report/replication-markdown.ts';
export { replicationText } from './report/replication-text.ts';
export { replicationEvidenceTable } from './report/replication-evidence-table.ts';
export { replicationStatusLabel } from './report/replication-status-label.ts';
// --- Mantel–Haenszel and Peto ---
export { mantelHaenszel, MANTEL_HAENSZEL_MEASURES } from './models/mantel-haenszel.ts';
export type { MantelHaenszelMeasure, MantelHaenszelOptions, MantelHaenszelResult } from './models/mantel-haenszel.ts';
export { peto } from './models/peto.ts';
export type { PetoOptions, PetoResult } from './models/peto.ts';
export type { TwoByTwoPoolingOptions, TableRole } from './models/two-by-two/read-tables.ts';
// --- conversions ---
export { countProvenance } from './conversions/count-provenance.ts';
export { sdFromSe } from './conversions/sd-from-se.ts';
export type { SdFromSeInput, SdFromSeResult } from './conversions/sd-from-se.ts';
export { sdFromCi } from './conversions/sd-from-ci.ts';
export type { SdFromCiInput, SdFromCiResult } from './conversions/sd-from-ci.ts';
export type { DistributionChoice, IntervalDistribution } from './conversions/interval-critical.ts';
export { pooledSdFromSe } from './conversions/pooled-sd-from-se.ts';
export type { PooledSdFromSeInput, PooledSdResult } from './conversions/pooled-sd-from-se.ts';
export { pooledSdFromT } from './conversions/pooled-sd-from-t.ts';
export type { PooledSdFromTInput } from './conversions/pooled-sd-from-t.ts';
export { pooledSdFromP } from './conversions/pooled-sd-from-p.ts';
export type { PooledSdFromPInput, PooledSdFromPResult } from './conversions/pooled-sd-from-p.ts';
export { pooledSdFromCi } from './conversions/pooled-sd-from-ci.ts';
export type { PooledSdFromCiInput, PooledSdFromCiResult } from './conversions/pooled-sd-from-ci.ts';
export { changeScoreSd } from './conversions/change-score-sd.ts';
export type { ChangeScoreSdInput, ChangeScoreSdResult } from './conversions/change-score-sd.ts';
export { changeScoreCorrelation } from './conversions/change-score-correlation.ts';
export type { ChangeScoreCorrelationInput, ChangeScoreCorrelationResult } from './conversions/change-score-correlation.ts';
export { estimateMeanSd } from './conversions/estimate-mean-sd.ts';
export type { EstimateMeanSdInput, EstimateMeanSdResult } from './conversions/estimate-mean-sd.ts';
export type { FiveNumberMeanMethod } from './conversions/five-number-mean.ts';
export type { FiveNumberSdMethod } from './conversions/five-number-sd.ts';
export type { FiveNumberScenario } from './conversions/five-number-summary.ts';
export { fromEstimateAndCi } from './conversions/from-estimate-and-ci.ts';
export type { EstimateTransform, FromEstimateAndCiInput, FromEstimateAndCiResult } from './conversions/from-estimate-and-ci.ts';
export { imputeSd } from './conversions/impute-sd.ts';
export type { ImputeSdOptions, ImputeSdResult, ImputedCell, SdImputationMethod, SdRole } from './conversions/impute-sd.ts';
export { sensitivity } from './conversions/sensitivity.ts';
export type { SensitivityInput, SensitivityResult, SensitivityRow } from './conversions/sensitivity.ts';
export { maxSdForSignificance } from './conversions/max-sd-for-significance.ts';
export type { MaxSdForSignificanceInput, MaxSdForSignificanceResult, SignificanceTest } from './conversions/max-sd-for-significance.ts';
// --- meta-regression ---
export { metaRegression } from './models/regression/meta-regression.ts';
export type { MetaRegressionOptions, MetaRegressionResult, RegressionCoefficient } from './models/regression/meta-regression.ts';
// --- diagnostics ---
export { leaveOneOut } from './diagnostics/leave-one-out.ts';
export { cumulative } from './diagnostics/cumulative.ts';
export type { CumulativeOptions } from './diagnostics/cumulative.ts';
export { influence } from './diagnostics/influence.ts';
export type { InfluenceRow } from './diagnostics/influence.ts';
export { isInfluential } from './diagnostics/is-influential.ts';
export type { SubsetFit } from './diagnostics/subset-fit.ts';
// --- bias ---
export { eggerTest } from './bias/egger-test.ts';
export type { EggerTestOptions, EggerTestResult } from './bias/egger-test.ts';
export { rankCorrelationTest, RANK_TEST_EXACT_MAX_K } from './bias/rank-correlation-test.ts';
export type { RankCorrelationResult } from './bias/rank-correlation-test.ts';
export { trimAndFill } from './bias/trim-and-fill.ts';
export type { FilledStudy, FunnelSide, TrimAndFillOptions, TrimAndFillResult } from './bias/trim-and-fill.ts';
export { TRIM_AND_FILL_ESTIMATORS } from './bias/missing-studies.ts';
export type { TrimAndFillEstimator } from './bias/missing-studies.ts';
export { failSafeN, FAIL_SAFE_N_TYPES } from './bias/fail-safe-n.ts';
export type { FailSafeNInput, FailSafeNOptions, FailSafeNResult, FailSafeNType } from './bias/fail-safe-n.ts';
export { kendallTau } from './bias/kendall-tau.ts';
export type { KendallTau } from './bias/kendall-tau.ts';
export { kendallLowerTail } from './bias/kendall-distribution.ts';
export type { FitLike } from './models/read-fit.ts';
// --- multilevel ---
export { multilevel } from './models/multilevel/multilevel.ts';
export type { MultilevelResult } from './models/multilevel/multilevel.ts';
export { MULTILEVEL_METHODS, MULTILEVEL_TESTS } from './models/multilevel/multilevel-options.ts';
export type { MultilevelMethod, MultilevelOptions, MultilevelTest } from './models/multilevel/multilevel-options.ts';
export { robust, ROBUST_ADJUSTMENTS } from './models/multilevel/robust.ts';
export type { RobustAdjustment, RobustOptions, RobustResult } from './models/multilevel/robust.ts';
// --- distributions: densities ---
export { normalPdf } from './distributions/normal.ts';
export { studentTPdf } from './distributions/student-t.ts';
export { chiSquarePdf } from './distributions/chi-square.ts';
export { fisherFPdf } from './distributions/fisher-f.ts';
