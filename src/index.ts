// Flat barrel: every public export of `pooled`, nothing else.
export * from './types.ts';
export { InputError } from './errors.ts';
// --- harden: error codes ---
export { ERROR_CODES, numberCode } from './errors.ts';
export type { ErrorCode, ErrorPlace } from './errors.ts';
export { MAX_INPUT_LENGTH } from './dense-array.ts';
export { MAX_LISTED_OMISSIONS } from './omission-summary.ts';
export { compensatedSum, compensatedDot } from './numeric/compensated-sum.ts';
export { normalCdf, normalSf, normalQuantile } from './distributions/normal.ts';
export { studentTCdf, studentTSf, studentTQuantile } from './distributions/student-t.ts';
export { chiSquareCdf, chiSquareSf, chiSquareQuantile } from './distributions/chi-square.ts';
export { fisherFCdf, fisherFSf, fisherFQuantile } from './distributions/fisher-f.ts';
// --- models ---
export { metaAnalysis } from './models/meta-analysis.ts';
// --- batch: many meta-analyses at once (speed) ---
export { metaAnalysisBatch } from './models/batch/meta-analysis-batch.ts';
export type { BatchInput, MetaAnalysisBatchOptions, MetaAnalysisBatchResult } from './models/batch/meta-analysis-batch.ts';
export { BATCH_COLUMNS } from './models/batch/batch-columns.ts';
export type { BatchColumn } from './models/batch/batch-columns.ts';
export type { MetaAnalysisOptions, PoolingWeightOptions } from './models/resolve-options.ts';
// --- engine ---
export type { MetaforControl } from './models/resolve-options.ts';
// --- report ---
export { formatResult } from './report/format-result.ts';
export type { PooledResult } from './report/format-result.ts';
export { describeProvenance } from './report/describe-provenance.ts';
export { formatFixed, formatPValue } from './report/format-number.ts';
export type { FormatOptions } from './report/format-options.ts';
export { resultKind, RESULT_KINDS } from './report/result-kind.ts';
export type { ResultKind } from './report/result-kind.ts';
export { studyTable } from './report/study-table.ts';
export type { StudyRow, StudyTable, StudyTableOptions } from './report/study-table.ts';
export { formatStudyTable } from './report/format-study-table.ts';
export { summarize } from './report/summarize.ts';
export type { ResultSummary, SummarizeOptions } from './report/summarize.ts';
export { subgroupAnalysis } from './models/subgroup-analysis.ts';
export type { SubgroupFit, SubgroupResult } from './models/subgroup-analysis.ts';
// --- effect sizes ---
export { effectSizes } from './effect-sizes/effect-sizes.ts';
export { pairArms } from './effect-sizes/arms.ts';
export type { ArmComparison, ArmPairs } from './effect-sizes/arms.ts';
export { hedgesCorrection } from './effect-sizes/hedges-correction.ts';
export { worstProvenance } from './effect-sizes/provenance.ts';
export type { ArmPairing, EffectSizesOptions, MetaforVersion, VarianceType, ZeroCellRule } from './effect-sizes/options.ts';
export { backTransform, naturalTransform, analysisScale, TRANSFORMS } from './effect-sizes/back-transform.ts';
export type { BackTransform, BackTransformOptions, TransformName } from './effect-sizes/back-transform.ts';
// --- evidence ---
export { loadEvidence } from './evidence/load-evidence.ts';
export type {
  ClaimDirection, Comparison, EvidenceArm, EvidenceBase, EvidenceClaim, EvidenceSource, EvidenceStudy,
  SourceQuote, StudyStatus, SupportingQuote,
} from './evidence/evidence-base.ts';
export { describeComparison } from './evidence/describe-comparison.ts';
export { nameKey, sameName } from './evidence/name-key.ts';
export type { MergedName, MergedNameField } from './evidence/merged-names.ts';
export type { OmittedRow } from './evidence/omitted-rows.ts';
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
// --- certainty ---
export { assessCertainty } from './evidence/assess-certainty.ts';
export type { CertaintyAssessment, CertaintyFinding, CertaintyOptions } from './evidence/assess-certainty.ts';
export type { CertaintyDomain, CertaintyDomainName, CertaintyEffect, DomainJudgement } from './evidence/certainty-domain.ts';
export { CERTAINTY_RULES, CERTAINTY_LEVELS } from './evidence/certainty-rules.ts';
export type { CertaintyLevel } from './evidence/certainty-rules.ts';
export type { IndirectnessDeclaration, IndirectnessElement, RiskOfBias, RiskOfBiasDomains, RiskOfBiasJudgement } from './evidence/evidence-base.ts';
export { certaintyMarkdown } from './report/certainty-markdown.ts';
export { summaryOfFindings } from './report/summary-of-findings.ts';
export type { SummaryOfFindings } from './report/summary-of-findings.ts';
export { formatCertainty } from './report/format-certainty.ts';
export { whatWouldChange } from './evidence/what-would-change.ts';
export type { ChangeKind, EvidenceChange, ReplicationRequirement, WhatWouldChange, WhatWouldChangeOptions } from './evidence/what-would-change.ts';
export { formatWhatWouldChange } from './report/format-what-would-change.ts';
export { evidenceFromTable, splitAuthors } from './evidence/evidence-from-table.ts';
export { poolByCluster } from './evidence/pool-by-cluster.ts';
export type { ClusterEstimate, ClusterPooling, PoolByClusterOptions } from './evidence/pool-by-cluster.ts';
export type { EvidenceFromTableOptions, TableColumns } from './evidence/evidence-from-table.ts';
// --- replication reports ---
export { replicationMarkdown } from './report/replication-markdown.ts';
export type { ReplicationMarkdownOptions } from './report/replication-markdown.ts';
export { replicationText } from './report/replication-text.ts';
export { replicationEvidenceTable } from './report/replication-evidence-table.ts';
export { replicationStatusLabel } from './report/replication-status-label.ts';
// --- plots: shared layer (scales, axes, text, palette, SVG) ---
export { charWidth, textWidth } from './plots/font-metrics.ts';
export type { TextStyle } from './plots/font-metrics.ts';
export { truncateText } from './plots/truncate-text.ts';
export { formatPlotNumber, formatEstimateCi } from './plots/format-number.ts';
export { PALETTE, categoricalColour } from './plots/palette.ts';
export { escapeXml, svgElement, svgText, svgDocument } from './plots/svg.ts';
export type { SvgAttributes, SvgDocumentOptions, SvgTextOptions } from './plots/svg.ts';
export { invertTransform } from './plots/invert-transform.ts';
export { referenceValue } from './plots/reference-value.ts';
export { positiveOption } from './plots/positive-option.ts';
export { axisScale } from './plots/axis-scale.ts';
export type { AxisScale, AxisScaleOptions, AxisTick } from './plots/axis-scale.ts';
export { axisSvg } from './plots/axis-svg.ts';
export type { AxisSvgOptions } from './plots/axis-svg.ts';
export { intervalMark, diamondMark, squareMark, pointMark } from './plots/marks.ts';
export type { MarkOptions } from './plots/marks.ts';
export { heterogeneityText } from './plots/heterogeneity-text.ts';
export type { HeterogeneityStatistics } from './plots/heterogeneity-text.ts';
export { clipPolygonToStrip } from './plots/clip-polygon.ts';
export type { Point as PlotPoint } from './plots/clip-polygon.ts';
export { legendSvg, legendWidth } from './plots/legend-svg.ts';
export type { LegendItem } from './plots/legend-svg.ts';
export { placeLabels } from './plots/place-labels.ts';
export type { Box as PlotBox, LabelPlacement, PlaceLabelsOptions } from './plots/place-labels.ts';
// --- plots: forest and funnel ---
export { forestPlot } from './plots/forest-plot.ts';
export type { ForestColumn, ForestPlotOptions } from './plots/forest-options.ts';
export { funnelPlot } from './plots/funnel-plot.ts';
export type { FunnelPlotOptions } from './plots/funnel-plot.ts';
export { sensitivityPlot } from './plots/sensitivity-plot.ts';
export type { SensitivityPanel, SensitivityPlotOptions, SensitivityPoint } from './plots/sensitivity-plot.ts';
export { evidenceMap } from './plots/evidence-map.ts';
export type { EvidenceMapOptions } from './plots/evidence-map.ts';
export { wrapText } from './plots/wrap-text.ts';
// --- HTML report ---
export { htmlReport } from './report/html-report.ts';
export type { HtmlReportOptions, ReportCell, ReportSection } from './report/html-report.ts';
export { markdownToHtml } from './report/markdown-to-html.ts';
export { escapeHtml } from './report/html-escape.ts';
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
// --- predict, blup, model comparison (predict) ---
export { predict } from './models/predict/predict.ts';
export type { PredictOptions, PredictResult, Prediction } from './models/predict/predict.ts';
export type { PredictedValue } from './models/predict/interval-row.ts';
export type { NewModerators, NewModeratorRow } from './models/predict/new-moderators.ts';
export type { LinearModelFit } from './models/predict/model-view.ts';
export { blup } from './models/predict/blup.ts';
export type { BlupOptions, BlupResult, BlupValue } from './models/predict/blup.ts';
export { anova } from './models/compare/anova.ts';
export type { AnovaOptions, AnovaResult, CoefficientTestResult, ContrastTest, ContrastTestResult } from './models/compare/anova.ts';
export type { LikelihoodRatioResult } from './models/compare/likelihood-ratio-test.ts';
export { fitStatistics } from './models/compare/fit-statistics.ts';
export type { FitStatisticsResult, LikelihoodStatistics } from './models/compare/fit-statistics.ts';
export type { ColumnPart, DesignColumn, ModelTerms, ModelVariable } from './models/regression/model-terms.ts';
export type { RegressionTermOptions } from './models/regression/resolve-regression-input.ts';
// --- diagnostics ---
// --- gosh (speed) ---
export { gosh } from './diagnostics/gosh.ts';
export type { GoshOptions, GoshResult } from './diagnostics/gosh.ts';
export { leaveOneOut } from './diagnostics/leave-one-out.ts';
export { cumulative } from './diagnostics/cumulative.ts';
export type { CumulativeOptions } from './diagnostics/cumulative.ts';
// --- influence for metaRegression ---
export { influenceRegression } from './diagnostics/influence-regression.ts';
export type { InfluenceRegressionRow } from './diagnostics/influence-regression.ts';
// --- influence for multilevel fits ---
export { influenceMultilevel } from './diagnostics/influence-multilevel.ts';
export type { MultilevelDeletion, MultilevelInfluence } from './diagnostics/influence-multilevel.ts';
// --- leaveOneOut / cumulative for Mantel–Haenszel and Peto ---
export { cumulativeTables, leaveOneOutTables } from './diagnostics/two-by-two-subsets.ts';
export type { TableCumulativeOptions, TableSubsetOptions } from './diagnostics/two-by-two-subsets.ts';
export { influence } from './diagnostics/influence.ts';
export type { InfluenceRow } from './diagnostics/influence.ts';
export { isInfluential } from './diagnostics/is-influential.ts';
export type { SubsetFit } from './diagnostics/subset-fit.ts';
// --- diagnostics for plots (plotsmore) ---
export { baujat } from './diagnostics/baujat.ts';
export type { BaujatPoint } from './diagnostics/baujat.ts';
export { standardizedResiduals } from './diagnostics/standardized-residuals.ts';
export type { StandardizedResidual } from './diagnostics/standardized-residuals.ts';
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
// --- multilevel with moderators and nested levels ---
export { multilevelModel } from './models/multilevel/multilevel-model.ts';
export type { MultilevelModelOptions, MultilevelModelResult } from './models/multilevel/multilevel-model.ts';
// --- robust (metaAnalysis and metaRegression fits) ---
export type { RobustCoefficient, RobustRegressionResult } from './models/robust/robust-univariate.ts';
// --- distributions: densities ---
export { normalPdf } from './distributions/normal.ts';
export { studentTPdf } from './distributions/student-t.ts';
export { chiSquarePdf } from './distributions/chi-square.ts';
export { fisherFPdf } from './distributions/fisher-f.ts';
// --- plots: data of the diagnostic plots (plotsmore) ---
export { radialData } from './plots/radial-data.ts';
export type { RadialData, RadialPoint } from './plots/radial-data.ts';
export { normalQqData } from './plots/normal-qq-data.ts';
export type { NormalQqData, NormalQqOptions, QqPoint } from './plots/normal-qq-data.ts';
export { bubbleData } from './plots/bubble-data.ts';
export type { BubbleData, BubbleDataOptions, BubbleLine, BubblePoint } from './plots/bubble-data.ts';
export { labbeData } from './plots/labbe-data.ts';
export type { LabbeData, LabbeDataOptions, LabbeMeasure, LabbePoint } from './plots/labbe-data.ts';
export { baujatPlot } from './plots/baujat-plot.ts';
export type { BaujatPlotOptions } from './plots/baujat-plot.ts';
export type { PointLabelOptions, PointLabels } from './plots/labelled-scatter.ts';
export type { PlotSizeOptions } from './plots/plot-options.ts';
export { radialPlot } from './plots/radial-plot.ts';
export type { RadialPlotOptions } from './plots/radial-plot.ts';
export { qqPlot } from './plots/qq-plot.ts';
export type { QqPlotOptions } from './plots/qq-plot.ts';
export { bubblePlot } from './plots/bubble-plot.ts';
export type { BubblePlotOptions } from './plots/bubble-plot.ts';
export { labbePlot } from './plots/labbe-plot.ts';
export type { LabbePlotOptions } from './plots/labbe-plot.ts';
export { influencePlot } from './plots/influence-plot.ts';
export { cumulativePlot } from './plots/cumulative-plot.ts';
export type { CumulativePlotOptions } from './plots/cumulative-plot.ts';
export { leaveOneOutPlot } from './plots/leave-one-out-plot.ts';
export type { SubsetForestOptions } from './plots/subset-forest.ts';
// --- io: tables, missing values, evidence files ---
export { isMissing, labelText, MISSING_TEXTS } from './missing.ts';
export { readTable } from './io/read-table.ts';
export type { ReadTableOptions, Table, TableColumn, TableRow } from './io/read-table.ts';
export type { ColumnType } from './io/column-types.ts';
export type { Delimiter } from './io/parse-delimited.ts';
export { column, columnNames } from './io/column.ts';
export { TableError } from './io/table-error.ts';
export type { FilePlace } from './io/table-error.ts';
export { readJsonFile } from './io/read-json-file.ts';
export { readEvidenceFile } from './io/read-evidence-file.ts';
export { UsageError } from './cli/usage-error.ts';

// --- tau2 inference (tau2Interval, permutationTest) ---
export { tau2Interval, TAU2_INTERVAL_TYPES, type Tau2IntervalOptions, type Tau2IntervalResult, type Tau2IntervalType } from './models/tau2-inference/tau2-interval.ts';
export { permutationTest, type PermutationTestOptions, type PermutationTestResult, type PermutationCoefficient } from './models/permutation/permutation-test.ts';
