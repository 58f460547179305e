// Type tests: the parameter and result types of every exported function of src/index.ts, and
// the result vocabulary (the shared blocks of src/types.ts and that results are deeply readonly).
// These are compile-time assertions: `tsc --noEmit` (run by CI, .ci/run, over src/ and test/)
// fails when a signature changes; under vitest they are no-ops that only run. The last test
// fails when an exported function has no signature test here.
//
// Adding an export (one block per layer, named as its `// --- layer ---` block in src/index.ts):
// 1. imports: add the function and its types to the layer's `import` / `import type` pair below
//    (a new layer gets its own pair under a `// --- layer ---` comment);
// 2. signature: in the layer's `it('layer')` block, state the parameters as a labelled tuple and
//    the return type: `expectTypeOf(fn).parameters.toEqualTypeOf<[fit: X, options?: Y]>()` and
//    `expectTypeOf(fn).returns.toEqualTypeOf<R>()`. An overloaded function states its whole type
//    (`expectTypeOf(fn).toEqualTypeOf<{ (a: A): R1; (b: B): R2 }>()`, each overload in order), the
//    unions `.parameters` / `.returns` (expect-type gives the union over the overloads), and, in
//    `overloadCalls`, what a call with each argument type returns (add that type to `arg`);
// 3. results: in 'result vocabulary', under the layer's comment, `toExtend` the shared blocks of
//    src/types.ts it reports (Inference, Heterogeneity, StudySet, Settings, Warnings, Convergence)
//    and `toEqualTypeOf<DeepReadonly<R>>()` for the result and its row types.
import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as api from '../../src/index.ts';
import {
  analysisScale, assessReplication, backTransform, baujat, baujatPlot, bubbleData, bubblePlot, changeScoreCorrelation, changeScoreSd, chiSquareCdf, chiSquarePdf, chiSquareQuantile, chiSquareSf, claimsFor, column, columnNames, comparisonEffects, countProvenance, cumulative, cumulativePlot, describeComparison, describeProvenance, detectOverlaps, effectSizes, eggerTest, estimateMeanSd, evidenceMap, failSafeN, fisherFCdf, fisherFPdf, fisherFQuantile, fisherFSf, forestPlot, formatFixed, formatPValue, formatResult, formatStudyTable, fromEstimateAndCi, funnelPlot, hedgesCorrection, htmlReport, imputeSd, independenceClusters, influence, influencePlot, isInfluential, isMissing, kendallTau, labbeData, labbePlot, leaveOneOut, leaveOneOutPlot, loadEvidence, mantelHaenszel, matchComparison, maxSdForSignificance, metaAnalysis, metaRegression, multilevel, nameKey, naturalTransform, normalCdf, normalPdf, normalQqData, normalQuantile, normalSf, pairArms, parseExpectedWindow, peto, pooledSdFromCi, pooledSdFromP, pooledSdFromSe, pooledSdFromT, poolIndependent, qqPlot, radialData, radialPlot, rankCorrelationTest, readEvidenceFile, readJsonFile, readTable, replicationEvidenceTable, replicationMarkdown, replicationStatusLabel, replicationText, resultKind, resultsTiming, robust, sameName, sdFromCi, sdFromSe, sensitivity, sensitivityPlot, standardizedResiduals, studentTCdf, studentTPdf, studentTQuantile, studentTSf, studyLinks, studyTable, subgroupAnalysis, summarize, trimAndFill, worstProvenance,
} from '../../src/index.ts';
import type {
  SimulateOptions, SimulationAnalysis, SimulationDesign, SimulationResult, PerformanceMeasures, ReplicateOutcome, SimulatedData, UniformVariances,
  BatchInput, MetaAnalysisBatchOptions, MetaAnalysisBatchResult, GoshOptions, GoshResult, PoolingWeightOptions, WeightedAnalysisOptions, PoolingMethod, Tau2IntervalOptions, Tau2IntervalResult, PermutationTestOptions, PermutationTestResult, ErrorCode, ArmPairing, ArmPairs, BackTransform, BackTransformOptions, BaujatPlotOptions, BaujatPoint, BubbleData, BubbleDataOptions, BubblePlotOptions, ChangeScoreCorrelationInput, ChangeScoreCorrelationResult, ChangeScoreSdInput, ChangeScoreSdResult, Comparison, ComparisonEffectsOptions, ComparisonMatch, CumulativeOptions, CumulativePlotOptions, EffectInput, EffectSizes, EffectSizesOptions, EggerTestOptions, EggerTestResult, EstimateMeanSdInput, EstimateMeanSdResult, EvidenceBase, EvidenceClaim, EvidenceMapOptions, EvidenceStudy, FailSafeNInput, FailSafeNOptions, FailSafeNResult, FitLike, ForestPlotOptions, FormatOptions, FromEstimateAndCiInput, FromEstimateAndCiResult, FunnelPlotOptions, HtmlReportOptions, IndependenceClusters, IndependentPooling, InfluenceRow, KendallTau, LabbeData, LabbeDataOptions, LabbePlotOptions, MantelHaenszelOptions, MantelHaenszelResult, MaxSdForSignificanceInput, MaxSdForSignificanceResult, Measure, MetaAnalysisOptions, MetaAnalysisResult, MetaRegressionOptions, MetaRegressionResult, MultilevelOptions, MultilevelResult, NormalQqData, NormalQqOptions, Overlap, PetoResult, PlotSizeOptions, PoolIndependentOptions, PooledResult, PooledSdFromCiInput, PooledSdFromCiResult, PooledSdFromPInput, PooledSdFromPResult, PooledSdFromSeInput, PooledSdFromTInput, PooledSdResult, Provenance, ProvenanceCounts, QqPlotOptions, RadialData, RadialPlotOptions, RankCorrelationResult, ReadTableOptions, ReplicationAssessment, ReplicationMarkdownOptions, ReplicationOptions, ReplicationStatus, ReportSection, ResultKind, ResultSummary, ResultsTiming, RobustOptions, RobustResult, SdFromCiInput, SdFromCiResult, SdFromSeInput, SdFromSeResult, SensitivityPlotOptions, StandardizedResidual, StudyEffect, StudyTable, StudyTableOptions, SubgroupResult, SubsetFit, SubsetForestOptions, SummarizeOptions, Table, TransformName, TrimAndFillOptions, TrimAndFillResult, TwoByTwoPoolingOptions, ImputeSdOptions, ImputeSdResult, SensitivityInput, SensitivityResult, Convergence, Heterogeneity, Inference, Interval, RegressionCoefficient, Settings, StudySet, SubgroupFit, Tau2Method, TestType, Warnings,
} from '../../src/index.ts';
// One import per layer added after the first lists (a new export goes into its layer's import, its
// signature into the layer's `it` block below, and its result type into the vocabulary checks).
// --- certainty ---
import {
  assessCertainty, certaintyMarkdown, evidenceFromTable, formatCertainty, formatWhatWouldChange, poolByCluster, splitAuthors, summaryOfFindings, whatWouldChange,
} from '../../src/index.ts';
import type {
  CertaintyAssessment, CertaintyFinding, CertaintyOptions, ClusterEstimate, ClusterPooling, EvidenceFromTableOptions, PoolByClusterOptions, SummaryOfFindings, WhatWouldChange, WhatWouldChangeOptions,
} from '../../src/index.ts';
// --- predict, blup, model comparison ---
import {
  anova, blup, fitStatistics, predict, tau2Interval, permutationTest, numberCode, metaAnalysisBatch, gosh, simulate,
} from '../../src/index.ts';
import type {
  AnovaOptions, AnovaResult, BlupOptions, BlupResult, BlupValue, CoefficientTestResult, ContrastTestResult, FitStatisticsResult, LikelihoodRatioResult, LinearModelFit, PredictedValue, PredictOptions, PredictResult, Prediction,
} from '../../src/index.ts';
// --- multivariate: vcalc, aggregate, rma.mv ---
import { aggregate, multivariate, multivariateLikelihoodRatio, ranefMultivariate, robustMultivariate, vcalc } from '../../src/index.ts';
import type { MultivariateRandomEffects } from '../../src/index.ts';
import type {
  AggregateOptions, AggregateResult, ColumnData, MultivariateInput, MultivariateOptions, MultivariateResult, VcalcOptions, VcalcResult,
} from '../../src/index.ts';
// --- diagnostics of regressions, multilevel fits and 2×2 tables ---
import {
  cumulativeTables, influenceMultilevel, influenceRegression, leaveOneOutTables,
} from '../../src/index.ts';
import type {
  InfluenceRegressionRow, MultilevelDeletion, MultilevelInfluence, TableCumulativeOptions, TableSubsetOptions,
} from '../../src/index.ts';
// --- GOSH plot ---
import { goshPlot } from '../../src/index.ts';
import type { GoshPlotOptions } from '../../src/index.ts';
// --- selection models ---
import {
  selectionFunctionPlot, selectionModel,
} from '../../src/index.ts';
import type {
  LikelihoodRatio, SelectionFunctionPlotOptions, SelectionModelOptions, SelectionModelResult, SelectionParameter, StepInterval,
} from '../../src/index.ts';
// --- multilevel with moderators and levels; robust on every fit ---
import {
  multilevelModel,
} from '../../src/index.ts';
import type {
  MultilevelMethod, MultilevelModelOptions, MultilevelModelResult, MultilevelTest, RobustCoefficient, RobustRegressionResult,
} from '../../src/index.ts';
// --- bias: small-study effects (regtest predictors, Henmi–Copas, general fail-safe N) ---
import {
  henmiCopas,
} from '../../src/index.ts';
import type {
  EggerPredictor, HenmiCopasFit, HenmiCopasOptions, HenmiCopasResult,
} from '../../src/index.ts';
// --- effect sizes: reshaping and the bivariate normal of RTET (issue #13, part A) ---
import {
  bivariateNormalCdf, toLong, toTable,
} from '../../src/index.ts';
import type {
  LongFormat, StudyTables, ToLongOptions, ToTableOptions,
} from '../../src/index.ts';
// --- glmm ---
import {
  glmm,
} from '../../src/index.ts';
import type {
  GlmmCoefficient, GlmmOptions, GlmmResult,
} from '../../src/index.ts';
import { axisScale, type AxisScale, type AxisScaleOptions } from '../../src/plots/axis-scale.ts';
import { axisSvg, type AxisSvgOptions } from '../../src/plots/axis-svg.ts';
import { categoricalColour } from '../../src/plots/palette.ts';
import { charWidth, textWidth, type TextStyle } from '../../src/plots/font-metrics.ts';
import { clipPolygonToStrip, type Point } from '../../src/plots/clip-polygon.ts';
import { compensatedDot, compensatedSum } from '../../src/numeric/compensated-sum.ts';
import { diamondMark, intervalMark, pointMark, squareMark, type MarkOptions } from '../../src/plots/marks.ts';
import { escapeXml, svgDocument, svgElement, svgText, type SvgDocumentOptions, type SvgTextOptions } from '../../src/plots/svg.ts';
import { formatEstimateCi, formatPlotNumber } from '../../src/plots/format-number.ts';
import { heterogeneityText, type HeterogeneityStatistics } from '../../src/plots/heterogeneity-text.ts';
import { invertTransform } from '../../src/plots/invert-transform.ts';
import { kendallLowerTail } from '../../src/bias/kendall-distribution.ts';
import { labelText } from '../../src/missing.ts';
import { legendSvg, legendWidth, type LegendItem } from '../../src/plots/legend-svg.ts';
import { markdownToHtml } from '../../src/report/markdown-to-html.ts';
import { placeLabels, type LabelPlacement, type PlaceLabelsOptions, type Box } from '../../src/plots/place-labels.ts';
import { positiveOption } from '../../src/plots/positive-option.ts';
import { referenceValue } from '../../src/plots/reference-value.ts';
import { truncateText } from '../../src/plots/truncate-text.ts';
import { wrapText } from '../../src/plots/wrap-text.ts';

/**
 * A value of each argument type, to state what each overload of a function returns: the calls
 * that use it are type-checked by `tsc` but never run (`overloadCalls` is not called).
 */
declare const arg: {
  readonly effects: EffectSizes;
  readonly metaAnalysis: MetaAnalysisResult;
  readonly metaRegression: MetaRegressionResult;
  readonly multilevel: MultilevelResult;
  readonly multilevelModel: MultilevelModelResult;
  readonly multilevelOptions: MultilevelOptions;
  readonly multilevelModelOptions: MultilevelModelOptions;
  readonly robustOptions: RobustOptions;
  readonly anovaOptions: AnovaOptions;
};

describe('signatures of the exported functions', () => {
  it('core: errors, numeric, distributions', () => {
    expectTypeOf(numberCode).parameters.toEqualTypeOf<[value: unknown]>();
    expectTypeOf(numberCode).returns.toEqualTypeOf<ErrorCode>();
    expectTypeOf(compensatedSum).parameters.toEqualTypeOf<[values: ArrayLike<number>, n?: number]>();
    expectTypeOf(compensatedSum).returns.toEqualTypeOf<number>();
    expectTypeOf(compensatedDot).parameters.toEqualTypeOf<[a: ArrayLike<number>, b: ArrayLike<number>, n?: number]>();
    expectTypeOf(compensatedDot).returns.toEqualTypeOf<number>();
    expectTypeOf(normalCdf).parameters.toEqualTypeOf<[x: number]>();
    expectTypeOf(normalCdf).returns.toEqualTypeOf<number>();
    expectTypeOf(normalSf).parameters.toEqualTypeOf<[x: number]>();
    expectTypeOf(normalSf).returns.toEqualTypeOf<number>();
    expectTypeOf(normalQuantile).parameters.toEqualTypeOf<[p: number, upper?: boolean]>();
    expectTypeOf(normalQuantile).returns.toEqualTypeOf<number>();
    expectTypeOf(studentTCdf).parameters.toEqualTypeOf<[x: number, df: number]>();
    expectTypeOf(studentTCdf).returns.toEqualTypeOf<number>();
    expectTypeOf(studentTSf).parameters.toEqualTypeOf<[x: number, df: number]>();
    expectTypeOf(studentTSf).returns.toEqualTypeOf<number>();
    expectTypeOf(studentTQuantile).parameters.toEqualTypeOf<[p: number, df: number, upper?: boolean]>();
    expectTypeOf(studentTQuantile).returns.toEqualTypeOf<number>();
    expectTypeOf(chiSquareCdf).parameters.toEqualTypeOf<[x: number, df: number]>();
    expectTypeOf(chiSquareCdf).returns.toEqualTypeOf<number>();
    expectTypeOf(chiSquareSf).parameters.toEqualTypeOf<[x: number, df: number]>();
    expectTypeOf(chiSquareSf).returns.toEqualTypeOf<number>();
    expectTypeOf(chiSquareQuantile).parameters.toEqualTypeOf<[p: number, df: number, upper?: boolean]>();
    expectTypeOf(chiSquareQuantile).returns.toEqualTypeOf<number>();
    expectTypeOf(fisherFCdf).parameters.toEqualTypeOf<[x: number, df1: number, df2: number]>();
    expectTypeOf(fisherFCdf).returns.toEqualTypeOf<number>();
    expectTypeOf(fisherFSf).parameters.toEqualTypeOf<[x: number, df1: number, df2: number]>();
    expectTypeOf(fisherFSf).returns.toEqualTypeOf<number>();
    expectTypeOf(fisherFQuantile).parameters.toEqualTypeOf<[p: number, df1: number, df2: number, upper?: boolean]>();
    expectTypeOf(fisherFQuantile).returns.toEqualTypeOf<number>();
  });

  it('models', () => {
    expectTypeOf(metaAnalysisBatch).toBeCallableWith({ yi: [0.1, 0.2], vi: [0.01, 0.02], offsets: [0, 2] });
    // type-level only: the overloads (never called here; a call with workers would start threads)
    const batchOverloads = (): void => {
      expectTypeOf(metaAnalysisBatch({ yi: [0.1, 0.2], vi: [0.01, 0.02], offsets: [0, 2] })).toEqualTypeOf<MetaAnalysisBatchResult>();
      expectTypeOf(metaAnalysisBatch({ yi: [0.1, 0.2], vi: [0.01, 0.02], offsets: [0, 2] }, { workers: 2 })).toEqualTypeOf<Promise<MetaAnalysisBatchResult>>();
    };
    expectTypeOf(batchOverloads).toBeFunction();
    expectTypeOf(metaAnalysisBatch).parameters.toEqualTypeOf<
      | [input: BatchInput, options?: MetaAnalysisOptions & { readonly workers?: undefined }]
      | [input: BatchInput, options: MetaAnalysisBatchOptions & { readonly workers: number }]
      | [input: BatchInput, options?: MetaAnalysisBatchOptions]
    >();
    expectTypeOf(gosh).parameters.toEqualTypeOf<[fit: MetaAnalysisResult, options?: GoshOptions]>();
    expectTypeOf(gosh).returns.toEqualTypeOf<GoshResult>();
    expectTypeOf(goshPlot).parameters.toEqualTypeOf<[result: GoshResult, options?: GoshPlotOptions]>();
    expectTypeOf(goshPlot).returns.toEqualTypeOf<string>();
    expectTypeOf(simulate).parameters.toEqualTypeOf<[design: SimulationDesign, analyse?: SimulationAnalysis, options?: SimulateOptions]>();
    expectTypeOf(simulate).returns.toEqualTypeOf<SimulationResult>();
    expectTypeOf<SimulationAnalysis>().toEqualTypeOf<MetaAnalysisOptions | ((data: SimulatedData, replicate: number) => ReplicateOutcome)>();
    expectTypeOf<SimulationResult>().toExtend<PerformanceMeasures>();
    expectTypeOf<SimulationDesign['viDistribution']>().toEqualTypeOf<UniformVariances | undefined>();
    expectTypeOf(tau2Interval).parameters.toEqualTypeOf<[fit: unknown, options?: Tau2IntervalOptions]>();
    expectTypeOf(tau2Interval).returns.toEqualTypeOf<Tau2IntervalResult>();
    expectTypeOf(permutationTest).parameters.toEqualTypeOf<[fit: unknown, options?: PermutationTestOptions]>();
    expectTypeOf(permutationTest).returns.toEqualTypeOf<PermutationTestResult>();
    expectTypeOf(vcalc).parameters.toEqualTypeOf<[data: ColumnData, options: VcalcOptions]>();
    expectTypeOf(vcalc).returns.toEqualTypeOf<VcalcResult>();
    expectTypeOf(aggregate).parameters.toEqualTypeOf<[data: ColumnData, options: AggregateOptions]>();
    expectTypeOf(aggregate).returns.toEqualTypeOf<AggregateResult>();
    expectTypeOf(multivariate).parameters.toEqualTypeOf<[input: MultivariateInput, options: MultivariateOptions]>();
    expectTypeOf(multivariate).returns.toEqualTypeOf<MultivariateResult>();
    expectTypeOf(multivariateLikelihoodRatio).parameters.toEqualTypeOf<[first: MultivariateResult, second: MultivariateResult]>();
    expectTypeOf(multivariateLikelihoodRatio).returns.toEqualTypeOf<LikelihoodRatioResult>();
    expectTypeOf(robustMultivariate).parameters.toEqualTypeOf<[fit: MultivariateResult, options: RobustOptions]>();
    expectTypeOf(robustMultivariate).returns.toEqualTypeOf<RobustRegressionResult>();
    expectTypeOf(ranefMultivariate).parameters.toEqualTypeOf<[fit: MultivariateResult, options?: { readonly level?: number }]>();
    expectTypeOf(ranefMultivariate).returns.toEqualTypeOf<MultivariateRandomEffects>();
    expectTypeOf(metaAnalysis).parameters.toEqualTypeOf<[input: EffectInput | EffectSizes, options?: WeightedAnalysisOptions]>();
    expectTypeOf<WeightedAnalysisOptions>().toEqualTypeOf<Omit<MetaAnalysisOptions, 'method'> & PoolingWeightOptions>();
    expectTypeOf(metaAnalysis).returns.toEqualTypeOf<MetaAnalysisResult>();
  });

  it('glmm', () => {
    expectTypeOf(glmm).parameters.toEqualTypeOf<[rows: readonly object[], options: GlmmOptions]>();
    expectTypeOf(glmm).returns.toEqualTypeOf<GlmmResult>();
  });

  it('report', () => {
    expectTypeOf(formatResult).parameters.toEqualTypeOf<[result: PooledResult, options?: number | FormatOptions]>();
    expectTypeOf(formatResult).returns.toEqualTypeOf<string>();
    expectTypeOf(describeProvenance).parameters.toEqualTypeOf<[p: ProvenanceCounts]>();
    expectTypeOf(describeProvenance).returns.toEqualTypeOf<string>();
    expectTypeOf(formatFixed).parameters.toEqualTypeOf<[x: number | null | undefined, digits?: number]>();
    expectTypeOf(formatFixed).returns.toEqualTypeOf<string>();
    expectTypeOf(formatPValue).parameters.toEqualTypeOf<[p: number | null | undefined]>();
    expectTypeOf(formatPValue).returns.toEqualTypeOf<string>();
    expectTypeOf(resultKind).parameters.toEqualTypeOf<[value: unknown]>();
    expectTypeOf(resultKind).returns.toEqualTypeOf<ResultKind | null>();
    expectTypeOf(studyTable).parameters.toEqualTypeOf<[fit: unknown, options?: StudyTableOptions]>();
    expectTypeOf(studyTable).returns.toEqualTypeOf<StudyTable>();
    expectTypeOf(formatStudyTable).parameters.toEqualTypeOf<[table: StudyTable, digits?: number]>();
    expectTypeOf(formatStudyTable).returns.toEqualTypeOf<string>();
    expectTypeOf(summarize).parameters.toEqualTypeOf<[result: unknown, options?: SummarizeOptions]>();
    expectTypeOf(summarize).returns.toEqualTypeOf<ResultSummary>();
    expectTypeOf(subgroupAnalysis).parameters.toEqualTypeOf<[input: EffectInput | EffectSizes, groups: readonly (string | number | boolean | null | undefined)[], options?: MetaAnalysisOptions]>();
    expectTypeOf(subgroupAnalysis).returns.toEqualTypeOf<SubgroupResult>();
  });

  it('effect sizes', () => {
    expectTypeOf(effectSizes).parameters.toEqualTypeOf<[measure: Measure, rows: readonly object[], options?: EffectSizesOptions]>();
    expectTypeOf(effectSizes).returns.toEqualTypeOf<EffectSizes>();
    expectTypeOf(pairArms).parameters.toEqualTypeOf<[rows: readonly object[], pairing: ArmPairing]>();
    expectTypeOf(pairArms).returns.toEqualTypeOf<ArmPairs>();
    expectTypeOf(hedgesCorrection).parameters.toEqualTypeOf<[m: number]>();
    expectTypeOf(hedgesCorrection).returns.toEqualTypeOf<number>();
    expectTypeOf(worstProvenance).parameters.toEqualTypeOf<[a: Provenance, b: Provenance]>();
    expectTypeOf(worstProvenance).returns.toEqualTypeOf<Provenance>();
    expectTypeOf(backTransform).parameters.toEqualTypeOf<[measure: Measure | null | undefined, choice?: TransformName | "auto", options?: BackTransformOptions]>();
    expectTypeOf(backTransform).returns.toEqualTypeOf<BackTransform>();
    expectTypeOf(naturalTransform).parameters.toEqualTypeOf<[measure: Measure | null | undefined]>();
    expectTypeOf(naturalTransform).returns.toEqualTypeOf<TransformName>();
    expectTypeOf(analysisScale).parameters.toEqualTypeOf<[measure: Measure | null | undefined]>();
    expectTypeOf(analysisScale).returns.toEqualTypeOf<string>();
  });

  it('effect sizes: reshaping and the bivariate normal of RTET (issue #13, part A)', () => {
    expectTypeOf(toLong).parameters.toEqualTypeOf<[rows: readonly object[], measure: Measure, options?: ToLongOptions]>();
    expectTypeOf(toLong).returns.toEqualTypeOf<LongFormat>();
    expectTypeOf(toTable).parameters.toEqualTypeOf<[rows: readonly object[], measure: Measure, options?: ToTableOptions]>();
    expectTypeOf(toTable).returns.toEqualTypeOf<StudyTables>();
    expectTypeOf(bivariateNormalCdf).parameters.toEqualTypeOf<[h: number, k: number, r: number]>();
    expectTypeOf(bivariateNormalCdf).returns.toEqualTypeOf<number>();
  });

  it('evidence', () => {
    expectTypeOf(loadEvidence).parameters.toEqualTypeOf<[input: unknown]>();
    expectTypeOf(loadEvidence).returns.toEqualTypeOf<EvidenceBase>();
    expectTypeOf(describeComparison).parameters.toEqualTypeOf<[comparison: Comparison]>();
    expectTypeOf(describeComparison).returns.toEqualTypeOf<string>();
    expectTypeOf(nameKey).parameters.toEqualTypeOf<[name: string]>();
    expectTypeOf(nameKey).returns.toEqualTypeOf<string>();
    expectTypeOf(sameName).parameters.toEqualTypeOf<[a: string, b: string]>();
    expectTypeOf(sameName).returns.toEqualTypeOf<boolean>();
    expectTypeOf(matchComparison).parameters.toEqualTypeOf<[evidence: unknown, comparison: Comparison]>();
    expectTypeOf(matchComparison).returns.toEqualTypeOf<ComparisonMatch>();
    expectTypeOf(claimsFor).parameters.toEqualTypeOf<[claims: readonly EvidenceClaim[], studyId: string, comparison: Comparison]>();
    expectTypeOf(claimsFor).returns.toEqualTypeOf<readonly EvidenceClaim[]>();
    expectTypeOf(studyLinks).parameters.toEqualTypeOf<[a: Pick<EvidenceStudy, "label" | "group" | "authors" | "cohort">, b: Pick<EvidenceStudy, "label" | "group" | "authors" | "cohort">]>();
    expectTypeOf(studyLinks).returns.toEqualTypeOf<readonly string[]>();
    expectTypeOf(independenceClusters).parameters.toEqualTypeOf<[studies: readonly Pick<EvidenceStudy, "label" | "group" | "authors" | "cohort" | "id">[]]>();
    expectTypeOf(independenceClusters).returns.toEqualTypeOf<IndependenceClusters>();
    expectTypeOf(detectOverlaps).parameters.toEqualTypeOf<[evidence: unknown]>();
    expectTypeOf(detectOverlaps).returns.toEqualTypeOf<readonly Overlap[]>();
    expectTypeOf(comparisonEffects).parameters.toEqualTypeOf<[evidence: unknown, comparison: Comparison, options?: ComparisonEffectsOptions]>();
    expectTypeOf(comparisonEffects).returns.toEqualTypeOf<readonly StudyEffect[]>();
    expectTypeOf(parseExpectedWindow).parameters.toEqualTypeOf<[text: string]>();
    expectTypeOf(parseExpectedWindow).returns.toEqualTypeOf<{ readonly from: string; readonly to: string; } | null>();
    expectTypeOf(resultsTiming).parameters.toEqualTypeOf<[resultsExpected: string | null, asOf: string]>();
    expectTypeOf(resultsTiming).returns.toEqualTypeOf<ResultsTiming>();
    expectTypeOf(assessReplication).parameters.toEqualTypeOf<[evidence: unknown, options?: ReplicationOptions]>();
    expectTypeOf(assessReplication).returns.toEqualTypeOf<ReplicationAssessment>();
    expectTypeOf(poolIndependent).parameters.toEqualTypeOf<[evidence: unknown, comparison: Comparison, options?: PoolIndependentOptions]>();
    expectTypeOf(poolIndependent).returns.toEqualTypeOf<IndependentPooling>();
  });

  it('certainty', () => {
    expectTypeOf(assessCertainty).parameters.toEqualTypeOf<[evidence: unknown, options?: CertaintyOptions]>();
    expectTypeOf(assessCertainty).returns.toEqualTypeOf<CertaintyAssessment>();
    expectTypeOf(certaintyMarkdown).parameters.toEqualTypeOf<[assessment: CertaintyAssessment, options?: { readonly headingLevel?: number }]>();
    expectTypeOf(certaintyMarkdown).returns.toEqualTypeOf<string>();
    expectTypeOf(summaryOfFindings).parameters.toEqualTypeOf<[assessment: CertaintyAssessment]>();
    expectTypeOf(summaryOfFindings).returns.toEqualTypeOf<SummaryOfFindings>();
    expectTypeOf(formatCertainty).parameters.toEqualTypeOf<[assessment: CertaintyAssessment]>();
    expectTypeOf(formatCertainty).returns.toEqualTypeOf<string>();
    expectTypeOf(whatWouldChange).parameters.toEqualTypeOf<[evidence: unknown, finding: Comparison, options?: WhatWouldChangeOptions]>();
    expectTypeOf(whatWouldChange).returns.toEqualTypeOf<WhatWouldChange>();
    expectTypeOf(formatWhatWouldChange).parameters.toEqualTypeOf<[result: WhatWouldChange, options?: { readonly markdown?: boolean }]>();
    expectTypeOf(formatWhatWouldChange).returns.toEqualTypeOf<string>();
    expectTypeOf(evidenceFromTable).parameters.toEqualTypeOf<[rows: readonly object[], options: EvidenceFromTableOptions]>();
    expectTypeOf(evidenceFromTable).returns.toEqualTypeOf<EvidenceBase>();
    expectTypeOf(splitAuthors).parameters.toEqualTypeOf<[value: string]>();
    expectTypeOf(splitAuthors).returns.toEqualTypeOf<string[]>();
    expectTypeOf(poolByCluster).parameters.toEqualTypeOf<[evidence: unknown, comparison: Comparison, options?: PoolByClusterOptions]>();
    expectTypeOf(poolByCluster).returns.toEqualTypeOf<ClusterPooling>();
  });

  it('replication reports', () => {
    expectTypeOf(replicationMarkdown).parameters.toEqualTypeOf<[assessment: ReplicationAssessment, options?: ReplicationMarkdownOptions]>();
    expectTypeOf(replicationMarkdown).returns.toEqualTypeOf<string>();
    expectTypeOf(replicationText).parameters.toEqualTypeOf<[assessment: ReplicationAssessment, width?: number]>();
    expectTypeOf(replicationText).returns.toEqualTypeOf<string>();
    expectTypeOf(replicationEvidenceTable).parameters.toEqualTypeOf<[evidence: unknown]>();
    expectTypeOf(replicationEvidenceTable).returns.toEqualTypeOf<string>();
    expectTypeOf(replicationStatusLabel).parameters.toEqualTypeOf<[status: ReplicationStatus]>();
    expectTypeOf(replicationStatusLabel).returns.toEqualTypeOf<string>();
  });

  it('plots: shared layer (scales, axes, text, palette, SVG)', () => {
    expectTypeOf(charWidth).parameters.toEqualTypeOf<[ch: string, bold?: boolean]>();
    expectTypeOf(charWidth).returns.toEqualTypeOf<number>();
    expectTypeOf(textWidth).parameters.toEqualTypeOf<[text: string, style?: TextStyle]>();
    expectTypeOf(textWidth).returns.toEqualTypeOf<number>();
    expectTypeOf(truncateText).parameters.toEqualTypeOf<[text: string, maxWidth: number, style?: TextStyle]>();
    expectTypeOf(truncateText).returns.toEqualTypeOf<string>();
    expectTypeOf(formatPlotNumber).parameters.toEqualTypeOf<[x: number | null | undefined, digits?: number]>();
    expectTypeOf(formatPlotNumber).returns.toEqualTypeOf<string>();
    expectTypeOf(formatEstimateCi).parameters.toEqualTypeOf<[estimate: number | null, lower: number | null, upper: number | null, digits?: number]>();
    expectTypeOf(formatEstimateCi).returns.toEqualTypeOf<string>();
    expectTypeOf(categoricalColour).parameters.toEqualTypeOf<[i: number]>();
    expectTypeOf(categoricalColour).returns.toEqualTypeOf<string>();
    expectTypeOf(escapeXml).parameters.toEqualTypeOf<[text: string]>();
    expectTypeOf(escapeXml).returns.toEqualTypeOf<string>();
    expectTypeOf(svgElement).parameters.toEqualTypeOf<[tag: string, attrs?: Readonly<Record<string, string | number | boolean | null | undefined>>, children?: readonly string[]]>();
    expectTypeOf(svgElement).returns.toEqualTypeOf<string>();
    expectTypeOf(svgText).parameters.toEqualTypeOf<[x: number, y: number, text: string, options?: SvgTextOptions]>();
    expectTypeOf(svgText).returns.toEqualTypeOf<string>();
    expectTypeOf(svgDocument).parameters.toEqualTypeOf<[options: SvgDocumentOptions, children: readonly string[]]>();
    expectTypeOf(svgDocument).returns.toEqualTypeOf<string>();
    expectTypeOf(invertTransform).parameters.toEqualTypeOf<[transform: BackTransform, y: number]>();
    expectTypeOf(invertTransform).returns.toEqualTypeOf<number>();
    expectTypeOf(referenceValue).parameters.toEqualTypeOf<[measure: Measure | null, transform: BackTransform, given: number | null | undefined]>();
    expectTypeOf(referenceValue).returns.toEqualTypeOf<number | null>();
    expectTypeOf(positiveOption).parameters.toEqualTypeOf<[value: number | undefined, field: string, fallback: number]>();
    expectTypeOf(positiveOption).returns.toEqualTypeOf<number>();
    expectTypeOf(axisScale).parameters.toEqualTypeOf<[options: AxisScaleOptions]>();
    expectTypeOf(axisScale).returns.toEqualTypeOf<AxisScale>();
    expectTypeOf(axisSvg).parameters.toEqualTypeOf<[scale: AxisScale, options: AxisSvgOptions]>();
    expectTypeOf(axisSvg).returns.toEqualTypeOf<{ readonly elements: string[]; readonly extent: number; }>();
    expectTypeOf(intervalMark).parameters.toEqualTypeOf<[scale: AxisScale, lower: number, upper: number, y: number, options?: MarkOptions & { arrowSize?: number; }]>();
    expectTypeOf(intervalMark).returns.toEqualTypeOf<string>();
    expectTypeOf(diamondMark).parameters.toEqualTypeOf<[scale: AxisScale, estimate: number, lower: number, upper: number, y: number, halfHeight: number, options?: MarkOptions]>();
    expectTypeOf(diamondMark).returns.toEqualTypeOf<string>();
    expectTypeOf(squareMark).parameters.toEqualTypeOf<[x: number, y: number, size: number, options?: MarkOptions]>();
    expectTypeOf(squareMark).returns.toEqualTypeOf<string>();
    expectTypeOf(pointMark).parameters.toEqualTypeOf<[x: number, y: number, r: number, options?: MarkOptions & { open?: boolean; }]>();
    expectTypeOf(pointMark).returns.toEqualTypeOf<string>();
    expectTypeOf(heterogeneityText).parameters.toEqualTypeOf<[h: HeterogeneityStatistics, digits?: number, prefix?: string]>();
    expectTypeOf(heterogeneityText).returns.toEqualTypeOf<string>();
    expectTypeOf(clipPolygonToStrip).parameters.toEqualTypeOf<[points: readonly Point[], x0: number, x1: number]>();
    expectTypeOf(clipPolygonToStrip).returns.toEqualTypeOf<Point[]>();
    expectTypeOf(legendSvg).parameters.toEqualTypeOf<[items: readonly LegendItem[], x: number, y: number, fontSize?: number]>();
    expectTypeOf(legendSvg).returns.toEqualTypeOf<{ elements: string[]; width: number; height: number; }>();
    expectTypeOf(legendWidth).parameters.toEqualTypeOf<[items: readonly LegendItem[], fontSize?: number]>();
    expectTypeOf(legendWidth).returns.toEqualTypeOf<number>();
    expectTypeOf(placeLabels).parameters.toEqualTypeOf<[points: readonly (readonly [number, number])[], labels: readonly string[], bounds: Box, options?: PlaceLabelsOptions]>();
    expectTypeOf(placeLabels).returns.toEqualTypeOf<(LabelPlacement | null)[]>();
  });

  it('plots: forest and funnel', () => {
    expectTypeOf(forestPlot).parameters.toEqualTypeOf<[fit: MetaAnalysisResult, options?: ForestPlotOptions]>();
    expectTypeOf(forestPlot).returns.toEqualTypeOf<string>();
    expectTypeOf(funnelPlot).parameters.toEqualTypeOf<[fit: MetaAnalysisResult, options?: FunnelPlotOptions]>();
    expectTypeOf(funnelPlot).returns.toEqualTypeOf<string>();
    expectTypeOf(sensitivityPlot).parameters.toEqualTypeOf<[options: SensitivityPlotOptions]>();
    expectTypeOf(sensitivityPlot).returns.toEqualTypeOf<string>();
    expectTypeOf(evidenceMap).parameters.toEqualTypeOf<[input: unknown, options?: EvidenceMapOptions]>();
    expectTypeOf(evidenceMap).returns.toEqualTypeOf<string>();
    expectTypeOf(wrapText).parameters.toEqualTypeOf<[text: string, maxWidth: number, style?: TextStyle, maxLines?: number]>();
    expectTypeOf(wrapText).returns.toEqualTypeOf<string[]>();
  });

  it('HTML report', () => {
    expectTypeOf(htmlReport).parameters.toEqualTypeOf<[sections: readonly ReportSection[], options?: HtmlReportOptions]>();
    expectTypeOf(htmlReport).returns.toEqualTypeOf<string>();
    expectTypeOf(markdownToHtml).parameters.toEqualTypeOf<[markdown: string]>();
    expectTypeOf(markdownToHtml).returns.toEqualTypeOf<string>();
  });

  it('Mantel–Haenszel and Peto', () => {
    expectTypeOf(mantelHaenszel).parameters.toEqualTypeOf<[rows: readonly object[], options?: MantelHaenszelOptions]>();
    expectTypeOf(mantelHaenszel).returns.toEqualTypeOf<MantelHaenszelResult>();
    expectTypeOf(peto).parameters.toEqualTypeOf<[rows: readonly object[], options?: TwoByTwoPoolingOptions]>();
    expectTypeOf(peto).returns.toEqualTypeOf<PetoResult>();
  });

  it('conversions', () => {
    expectTypeOf(countProvenance).parameters.toEqualTypeOf<[provenance: readonly (Provenance | undefined)[]]>();
    expectTypeOf(countProvenance).returns.toEqualTypeOf<ProvenanceCounts>();
    expectTypeOf(sdFromSe).parameters.toEqualTypeOf<[input: SdFromSeInput]>();
    expectTypeOf(sdFromSe).returns.toEqualTypeOf<SdFromSeResult>();
    expectTypeOf(sdFromCi).parameters.toEqualTypeOf<[input: SdFromCiInput]>();
    expectTypeOf(sdFromCi).returns.toEqualTypeOf<SdFromCiResult>();
    expectTypeOf(pooledSdFromSe).parameters.toEqualTypeOf<[input: PooledSdFromSeInput]>();
    expectTypeOf(pooledSdFromSe).returns.toEqualTypeOf<PooledSdResult>();
    expectTypeOf(pooledSdFromT).parameters.toEqualTypeOf<[input: PooledSdFromTInput]>();
    expectTypeOf(pooledSdFromT).returns.toEqualTypeOf<PooledSdResult>();
    expectTypeOf(pooledSdFromP).parameters.toEqualTypeOf<[input: PooledSdFromPInput]>();
    expectTypeOf(pooledSdFromP).returns.toEqualTypeOf<PooledSdFromPResult>();
    expectTypeOf(pooledSdFromCi).parameters.toEqualTypeOf<[input: PooledSdFromCiInput]>();
    expectTypeOf(pooledSdFromCi).returns.toEqualTypeOf<PooledSdFromCiResult>();
    expectTypeOf(changeScoreSd).parameters.toEqualTypeOf<[input: ChangeScoreSdInput]>();
    expectTypeOf(changeScoreSd).returns.toEqualTypeOf<ChangeScoreSdResult>();
    expectTypeOf(changeScoreCorrelation).parameters.toEqualTypeOf<[input: ChangeScoreCorrelationInput]>();
    expectTypeOf(changeScoreCorrelation).returns.toEqualTypeOf<ChangeScoreCorrelationResult>();
    expectTypeOf(estimateMeanSd).parameters.toEqualTypeOf<[input: EstimateMeanSdInput]>();
    expectTypeOf(estimateMeanSd).returns.toEqualTypeOf<EstimateMeanSdResult>();
    expectTypeOf(fromEstimateAndCi).parameters.toEqualTypeOf<[input: FromEstimateAndCiInput]>();
    expectTypeOf(fromEstimateAndCi).returns.toEqualTypeOf<FromEstimateAndCiResult>();
    type Row = { readonly sd1i: number | null; readonly n1i: number };
    expectTypeOf(imputeSd<Row>).parameters.toEqualTypeOf<[rows: readonly Row[], options: ImputeSdOptions]>();
    expectTypeOf(imputeSd<Row>).returns.toEqualTypeOf<ImputeSdResult<Row>>();
    expectTypeOf(sensitivity<number>).parameters.toEqualTypeOf<[input: SensitivityInput<number>]>();
    expectTypeOf(sensitivity<number>).returns.toEqualTypeOf<SensitivityResult<number>>();
    expectTypeOf(maxSdForSignificance).parameters.toEqualTypeOf<[input: MaxSdForSignificanceInput]>();
    expectTypeOf(maxSdForSignificance).returns.toEqualTypeOf<MaxSdForSignificanceResult>();
  });

  it('meta-regression', () => {
    expectTypeOf(metaRegression).parameters.toEqualTypeOf<[input: EffectInput | EffectSizes, options: MetaRegressionOptions]>();
    expectTypeOf(metaRegression).returns.toEqualTypeOf<MetaRegressionResult>();
  });

  it('predict, blup, model comparison', () => {
    expectTypeOf<LinearModelFit>().toEqualTypeOf<MetaAnalysisResult | MetaRegressionResult | MultilevelResult | MultilevelModelResult>();
    expectTypeOf(predict).parameters.toEqualTypeOf<[fit: LinearModelFit, options?: PredictOptions]>();
    expectTypeOf(predict).returns.toEqualTypeOf<PredictResult>();
    expectTypeOf(blup).parameters.toEqualTypeOf<[fit: LinearModelFit, options?: BlupOptions]>();
    expectTypeOf(blup).returns.toEqualTypeOf<BlupResult>();
    // anova is overloaded (one overload per form of the call): see 'anova (overloaded)' below
    expectTypeOf<AnovaResult>().toEqualTypeOf<CoefficientTestResult | ContrastTestResult | LikelihoodRatioResult>();
    expectTypeOf(fitStatistics).parameters.toEqualTypeOf<[fit: LinearModelFit]>();
    expectTypeOf(fitStatistics).returns.toEqualTypeOf<FitStatisticsResult>();
  });

  it('diagnostics', () => {
    expectTypeOf(leaveOneOut).parameters.toEqualTypeOf<[fit: MetaAnalysisResult]>();
    expectTypeOf(leaveOneOut).returns.toEqualTypeOf<readonly SubsetFit[]>();
    expectTypeOf(cumulative).parameters.toEqualTypeOf<[fit: MetaAnalysisResult, order?: ArrayLike<number | null> | readonly (string | null)[], options?: CumulativeOptions]>();
    expectTypeOf(cumulative).returns.toEqualTypeOf<readonly SubsetFit[]>();
    expectTypeOf(influence).parameters.toEqualTypeOf<[fit: MetaAnalysisResult]>();
    expectTypeOf(influence).returns.toEqualTypeOf<readonly InfluenceRow[]>();
    expectTypeOf(isInfluential).parameters.toEqualTypeOf<[stats: { readonly dffits: number; readonly cookD: number; readonly hat: number; readonly dfbetas: number; }, k: number]>();
    expectTypeOf(isInfluential).returns.toEqualTypeOf<boolean>();
  });

  it('diagnostics of regressions, multilevel fits and 2×2 tables', () => {
    expectTypeOf(influenceRegression).parameters.toEqualTypeOf<[fit: MetaRegressionResult]>();
    expectTypeOf(influenceRegression).returns.toEqualTypeOf<readonly InfluenceRegressionRow[]>();
    expectTypeOf(influenceMultilevel).parameters.toEqualTypeOf<[fit: MultilevelModelResult, options?: { readonly cluster?: readonly unknown[] }]>();
    expectTypeOf(influenceMultilevel).returns.toEqualTypeOf<MultilevelInfluence>();
    expectTypeOf(leaveOneOutTables).parameters.toEqualTypeOf<[rows: readonly object[], options?: TableSubsetOptions]>();
    expectTypeOf(leaveOneOutTables).returns.toEqualTypeOf<readonly SubsetFit[]>();
    expectTypeOf(cumulativeTables).parameters.toEqualTypeOf<[rows: readonly object[], options?: TableCumulativeOptions]>();
    expectTypeOf(cumulativeTables).returns.toEqualTypeOf<readonly SubsetFit[]>();
  });

  it('diagnostics for plots (plotsmore)', () => {
    expectTypeOf(baujat).parameters.toEqualTypeOf<[fit: MetaAnalysisResult | MetaRegressionResult]>();
    expectTypeOf(baujat).returns.toEqualTypeOf<readonly BaujatPoint[]>();
    expectTypeOf(standardizedResiduals).parameters.toEqualTypeOf<[fit: MetaAnalysisResult]>();
    expectTypeOf(standardizedResiduals).returns.toEqualTypeOf<readonly StandardizedResidual[]>();
  });

  it('bias', () => {
    expectTypeOf(eggerTest).parameters.toEqualTypeOf<[fit: MetaAnalysisResult | FitLike, options?: EggerTestOptions]>();
    expectTypeOf(eggerTest).returns.toEqualTypeOf<EggerTestResult>();
    expectTypeOf(rankCorrelationTest).parameters.toEqualTypeOf<[fit: MetaAnalysisResult | FitLike]>();
    expectTypeOf(rankCorrelationTest).returns.toEqualTypeOf<RankCorrelationResult>();
    expectTypeOf(trimAndFill).parameters.toEqualTypeOf<[fit: MetaAnalysisResult | FitLike, options?: TrimAndFillOptions]>();
    expectTypeOf(trimAndFill).returns.toEqualTypeOf<TrimAndFillResult>();
    expectTypeOf(failSafeN).parameters.toEqualTypeOf<[input: FailSafeNInput, options?: FailSafeNOptions]>();
    expectTypeOf(failSafeN).returns.toEqualTypeOf<FailSafeNResult>();
    expectTypeOf(kendallTau).parameters.toEqualTypeOf<[x: ArrayLike<number>, y: ArrayLike<number>]>();
    expectTypeOf(kendallTau).returns.toEqualTypeOf<KendallTau>();
    expectTypeOf(selectionModel).parameters.toEqualTypeOf<[fit: MetaAnalysisResult | FitLike, options: SelectionModelOptions]>();
    expectTypeOf(selectionModel).returns.toEqualTypeOf<SelectionModelResult>();
    expectTypeOf(selectionFunctionPlot).parameters.toEqualTypeOf<[sel: SelectionModelResult, options?: SelectionFunctionPlotOptions]>();
    expectTypeOf(selectionFunctionPlot).returns.toEqualTypeOf<string>();
    expectTypeOf(kendallLowerTail).parameters.toEqualTypeOf<[q: number, n: number]>();
    expectTypeOf(kendallLowerTail).returns.toEqualTypeOf<number>();
  });

  it('bias: small-study effects (regtest predictors, Henmi–Copas, general fail-safe N)', () => {
    expectTypeOf(henmiCopas).parameters.toEqualTypeOf<[fit: MetaAnalysisResult | FitLike, options?: HenmiCopasOptions]>();
    expectTypeOf(henmiCopas).returns.toEqualTypeOf<HenmiCopasResult>();
    expectTypeOf<EggerTestOptions['predictor']>().toEqualTypeOf<EggerPredictor | undefined>();
    expectTypeOf<EggerTestResult['limitEstimate']>().toEqualTypeOf<number | null>();
  });

  // Overloaded functions: `.parameters` and `.returns` are the unions over the overloads; the
  // whole function type states each overload in order, and `overloadCalls` what each call returns.
  it('multilevel (overloaded: without moderators and levels, or with them)', () => {
    type InterceptOnlyOptions = MultilevelOptions & { readonly moderators?: undefined; readonly levels?: undefined };
    expectTypeOf(multilevel).toEqualTypeOf<{
      (input: EffectInput | EffectSizes, options: InterceptOnlyOptions): MultilevelResult;
      (input: EffectInput | EffectSizes, options: MultilevelModelOptions): MultilevelModelResult;
    }>();
    expectTypeOf(multilevel).parameters.toEqualTypeOf<
      [input: EffectInput | EffectSizes, options: InterceptOnlyOptions] | [input: EffectInput | EffectSizes, options: MultilevelModelOptions]>();
    expectTypeOf(multilevel).returns.toEqualTypeOf<MultilevelResult | MultilevelModelResult>();
    expectTypeOf(multilevelModel).parameters.toEqualTypeOf<[input: EffectInput | EffectSizes, options: MultilevelModelOptions]>();
    expectTypeOf(multilevelModel).returns.toEqualTypeOf<MultilevelModelResult>();
  });

  it('anova (overloaded: coefficients, contrasts, a second fit, or any options)', () => {
    type CoefficientsOnly = AnovaOptions & { readonly coefficients: readonly string[]; readonly contrasts?: undefined };
    type ContrastsOnly = AnovaOptions & { readonly contrasts: NonNullable<AnovaOptions['contrasts']>; readonly coefficients?: undefined };
    expectTypeOf(anova).toEqualTypeOf<{
      (fit: LinearModelFit, options: CoefficientsOnly): CoefficientTestResult;
      (fit: LinearModelFit, options: ContrastsOnly): ContrastTestResult;
      (full: LinearModelFit, reduced: LinearModelFit): LikelihoodRatioResult;
      (full: MultivariateResult, reduced: MultivariateResult): LikelihoodRatioResult;
      (fit: LinearModelFit, second: AnovaOptions | LinearModelFit): AnovaResult;
    }>();
    expectTypeOf(anova).parameters.toEqualTypeOf<
      | [fit: LinearModelFit, options: CoefficientsOnly]
      | [fit: LinearModelFit, options: ContrastsOnly]
      | [full: LinearModelFit, reduced: LinearModelFit]
      | [full: MultivariateResult, reduced: MultivariateResult]
      | [fit: LinearModelFit, second: AnovaOptions | LinearModelFit]>();
    expectTypeOf(anova).returns.toEqualTypeOf<AnovaResult>();
  });

  it('robust (overloaded: one overload per fit type)', () => {
    expectTypeOf(robust).toEqualTypeOf<{
      (fit: MultilevelResult | MetaAnalysisResult, options: RobustOptions): RobustResult;
      (fit: MetaRegressionResult, options: RobustOptions): RobustRegressionResult;
      (fit: MultilevelModelResult, options: RobustOptions): RobustResult | RobustRegressionResult;
      (fit: MultivariateResult, options: RobustOptions): RobustRegressionResult;
    }>();
    expectTypeOf(robust).parameters.toEqualTypeOf<
      | [fit: MultilevelResult | MetaAnalysisResult, options: RobustOptions]
      | [fit: MetaRegressionResult, options: RobustOptions]
      | [fit: MultilevelModelResult, options: RobustOptions]
      | [fit: MultivariateResult, options: RobustOptions]>();
    expectTypeOf(robust).returns.toEqualTypeOf<RobustResult | RobustRegressionResult>();
  });

  it('each overload: callable with its argument types, and what it returns', () => {
    const overloadCalls = (): void => {
      expectTypeOf(multilevel).toBeCallableWith(arg.effects, arg.multilevelOptions);
      expectTypeOf(multilevel).toBeCallableWith(arg.effects, arg.multilevelModelOptions);
      expectTypeOf(robust).toBeCallableWith(arg.metaAnalysis, arg.robustOptions);
      expectTypeOf(robust).toBeCallableWith(arg.multilevel, arg.robustOptions);
      expectTypeOf(robust).toBeCallableWith(arg.metaRegression, arg.robustOptions);
      expectTypeOf(robust).toBeCallableWith(arg.multilevelModel, arg.robustOptions);
      expectTypeOf(multilevel(arg.effects, arg.multilevelOptions)).toEqualTypeOf<MultilevelResult>();
      expectTypeOf(multilevel(arg.effects, { ...arg.multilevelOptions, moderators: undefined })).toEqualTypeOf<MultilevelResult>();
      expectTypeOf(multilevel(arg.effects, arg.multilevelModelOptions)).toEqualTypeOf<MultilevelModelResult>();
      expectTypeOf(robust(arg.metaAnalysis, arg.robustOptions)).toEqualTypeOf<RobustResult>();
      expectTypeOf(anova(arg.metaRegression, { coefficients: ['x'] })).toEqualTypeOf<CoefficientTestResult>();
      expectTypeOf(anova(arg.metaRegression, { contrasts: [[0, 1]], rhs: 1 })).toEqualTypeOf<ContrastTestResult>();
      expectTypeOf(anova(arg.metaRegression, arg.metaAnalysis)).toEqualTypeOf<LikelihoodRatioResult>();
      expectTypeOf(anova(arg.metaRegression, arg.anovaOptions)).toEqualTypeOf<AnovaResult>();
      expectTypeOf(robust(arg.multilevel, arg.robustOptions)).toEqualTypeOf<RobustResult>();
      expectTypeOf(robust(arg.metaRegression, arg.robustOptions)).toEqualTypeOf<RobustRegressionResult>();
      expectTypeOf(robust(arg.multilevelModel, arg.robustOptions)).toEqualTypeOf<RobustResult | RobustRegressionResult>();
    };
    expectTypeOf(overloadCalls).returns.toEqualTypeOf<void>();
  });

  it('distributions: densities', () => {
    expectTypeOf(normalPdf).parameters.toEqualTypeOf<[x: number]>();
    expectTypeOf(normalPdf).returns.toEqualTypeOf<number>();
    expectTypeOf(studentTPdf).parameters.toEqualTypeOf<[x: number, df: number]>();
    expectTypeOf(studentTPdf).returns.toEqualTypeOf<number>();
    expectTypeOf(chiSquarePdf).parameters.toEqualTypeOf<[x: number, df: number]>();
    expectTypeOf(chiSquarePdf).returns.toEqualTypeOf<number>();
    expectTypeOf(fisherFPdf).parameters.toEqualTypeOf<[x: number, df1: number, df2: number]>();
    expectTypeOf(fisherFPdf).returns.toEqualTypeOf<number>();
  });

  it('plots: data of the diagnostic plots (plotsmore)', () => {
    expectTypeOf(radialData).parameters.toEqualTypeOf<[fit: MetaAnalysisResult, options?: { readonly level?: number; }]>();
    expectTypeOf(radialData).returns.toEqualTypeOf<RadialData>();
    expectTypeOf(normalQqData).parameters.toEqualTypeOf<[fit: MetaAnalysisResult, options?: NormalQqOptions]>();
    expectTypeOf(normalQqData).returns.toEqualTypeOf<NormalQqData>();
    expectTypeOf(bubbleData).parameters.toEqualTypeOf<[fit: MetaRegressionResult, options?: BubbleDataOptions]>();
    expectTypeOf(bubbleData).returns.toEqualTypeOf<BubbleData>();
    expectTypeOf(labbeData).parameters.toEqualTypeOf<[fit: MetaAnalysisResult, rows: readonly object[], options?: LabbeDataOptions]>();
    expectTypeOf(labbeData).returns.toEqualTypeOf<LabbeData>();
    expectTypeOf(baujatPlot).parameters.toEqualTypeOf<[fit: MetaAnalysisResult, options?: BaujatPlotOptions]>();
    expectTypeOf(baujatPlot).returns.toEqualTypeOf<string>();
    expectTypeOf(radialPlot).parameters.toEqualTypeOf<[fit: MetaAnalysisResult, options?: RadialPlotOptions]>();
    expectTypeOf(radialPlot).returns.toEqualTypeOf<string>();
    expectTypeOf(qqPlot).parameters.toEqualTypeOf<[fit: MetaAnalysisResult, options?: QqPlotOptions]>();
    expectTypeOf(qqPlot).returns.toEqualTypeOf<string>();
    expectTypeOf(bubblePlot).parameters.toEqualTypeOf<[fit: MetaRegressionResult, options?: BubblePlotOptions]>();
    expectTypeOf(bubblePlot).returns.toEqualTypeOf<string>();
    expectTypeOf(labbePlot).parameters.toEqualTypeOf<[fit: MetaAnalysisResult, rows: readonly object[], options?: LabbePlotOptions]>();
    expectTypeOf(labbePlot).returns.toEqualTypeOf<string>();
    expectTypeOf(influencePlot).parameters.toEqualTypeOf<[fit: MetaAnalysisResult, options?: PlotSizeOptions]>();
    expectTypeOf(influencePlot).returns.toEqualTypeOf<string>();
    expectTypeOf(cumulativePlot).parameters.toEqualTypeOf<[fit: MetaAnalysisResult, options?: CumulativePlotOptions]>();
    expectTypeOf(cumulativePlot).returns.toEqualTypeOf<string>();
    expectTypeOf(leaveOneOutPlot).parameters.toEqualTypeOf<[fit: MetaAnalysisResult, options?: SubsetForestOptions]>();
    expectTypeOf(leaveOneOutPlot).returns.toEqualTypeOf<string>();
  });

  it('io: tables, missing values, evidence files', () => {
    expectTypeOf(isMissing).parameters.toEqualTypeOf<[value: unknown]>();
    expectTypeOf(isMissing).returns.toEqualTypeOf<boolean>();
    expectTypeOf(labelText).parameters.toEqualTypeOf<[value: unknown]>();
    expectTypeOf(labelText).returns.toEqualTypeOf<string | null | undefined>();
    expectTypeOf(readTable).parameters.toEqualTypeOf<[pathOrText: string, options?: ReadTableOptions]>();
    expectTypeOf(readTable).returns.toEqualTypeOf<Table>();
    expectTypeOf(column).parameters.toEqualTypeOf<[rows: readonly object[] | Table, name: string]>();
    expectTypeOf(column).returns.toEqualTypeOf<(string | number | null)[]>();
    expectTypeOf(columnNames).parameters.toEqualTypeOf<[rows: readonly object[] | Table]>();
    expectTypeOf(columnNames).returns.toEqualTypeOf<string[]>();
    expectTypeOf(readJsonFile).parameters.toEqualTypeOf<[path: string]>();
    expectTypeOf(readJsonFile).returns.toEqualTypeOf<unknown>();
    expectTypeOf(readEvidenceFile).parameters.toEqualTypeOf<[path: string]>();
    expectTypeOf(readEvidenceFile).returns.toEqualTypeOf<EvidenceBase>();
  });
});

/** `T` with every property and array element readonly, at every depth. */
type DeepReadonly<T> = T extends (...args: never[]) => unknown ? T
  : T extends readonly unknown[] ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
  : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
  : T;

describe('result vocabulary', () => {
  it('the shared blocks name each quantity once', () => {
    expectTypeOf<keyof Inference>().toEqualTypeOf<'estimate' | 'se' | 'statistic' | 'df' | 'pValue' | 'ci'>();
    expectTypeOf<Inference['ci']>().toEqualTypeOf<Interval>();
    expectTypeOf<keyof Heterogeneity>().toEqualTypeOf<'tau2' | 'tau2Se' | 'tau' | 'i2' | 'h2' | 'q' | 'qDf' | 'qPValue'>();
    expectTypeOf<keyof StudySet>().toEqualTypeOf<'k' | 'labels' | 'yi' | 'vi' | 'weights'>();
    expectTypeOf<keyof Settings>().toEqualTypeOf<'method' | 'test' | 'level'>();
    expectTypeOf<keyof Warnings>().toEqualTypeOf<'warnings'>();
    expectTypeOf<keyof Convergence>().toEqualTypeOf<'converged' | 'iterations'>();
  });

  it('each result carries the blocks it reports, under the shared names', () => {
    expectTypeOf<MetaAnalysisResult>().toExtend<Inference & Heterogeneity & StudySet & Settings & Warnings & Convergence>();
    expectTypeOf<MetaAnalysisResult['method']>().toEqualTypeOf<PoolingMethod>();
    expectTypeOf<MetaAnalysisResult['test']>().toEqualTypeOf<TestType>();
    expectTypeOf<MetaRegressionResult>().toExtend<Pick<Inference, 'df'> & Pick<Heterogeneity, 'tau2' | 'tau2Se' | 'tau' | 'i2' | 'h2'>
      & Omit<StudySet, 'weights'> & Settings & Warnings & Convergence>();
    expectTypeOf<RegressionCoefficient>().toExtend<Omit<Inference, 'df'>>();
    expectTypeOf<SubgroupFit>().toExtend<Pick<Inference, 'estimate' | 'se' | 'pValue' | 'ci'> & Pick<Heterogeneity, 'tau2' | 'i2' | 'q'>>();
    expectTypeOf<SubgroupResult>().toExtend<Warnings>();
    expectTypeOf<MantelHaenszelResult>().toExtend<Omit<Inference, 'df'> & Pick<Heterogeneity, 'q' | 'qDf' | 'qPValue' | 'i2' | 'h2'>
      & Omit<StudySet, 'weights'> & Omit<Settings, 'test'> & Warnings>();
    expectTypeOf<PetoResult>().toExtend<Omit<Inference, 'df'> & Pick<Heterogeneity, 'q' | 'qDf' | 'qPValue' | 'i2' | 'h2'>
      & Omit<StudySet, 'weights'> & Omit<Settings, 'test'> & Warnings>();
    expectTypeOf<MultilevelResult>().toExtend<Inference & Pick<Heterogeneity, 'q' | 'qDf' | 'qPValue'> & StudySet & Settings & Warnings & Convergence>();
    expectTypeOf<RobustResult>().toExtend<Inference & Pick<StudySet, 'k'> & Pick<Settings, 'level'> & Warnings>();
    expectTypeOf<SubsetFit>().toExtend<Inference & Pick<Heterogeneity, 'tau2' | 'i2' | 'h2' | 'q' | 'qPValue'> & Pick<StudySet, 'k'>>();
    expectTypeOf<EggerTestResult>().toExtend<Pick<Inference, 'statistic' | 'df' | 'pValue'> & Pick<Heterogeneity, 'tau2'> & Pick<StudySet, 'k'> & Settings & Warnings>();
    expectTypeOf<RankCorrelationResult>().toExtend<Pick<Inference, 'statistic' | 'pValue'> & Pick<StudySet, 'k'> & Warnings>();
    expectTypeOf<TrimAndFillResult>().toExtend<Omit<Inference, 'df'> & Pick<Heterogeneity, 'tau2'> & Pick<StudySet, 'k'> & Settings & Warnings>();
    expectTypeOf<SelectionModelResult>().toExtend<Inference & Pick<Heterogeneity, 'tau2' | 'tau2Se' | 'tau'> & Pick<StudySet, 'k'> & Settings & Warnings & Convergence>();
    expectTypeOf<FailSafeNResult>().toExtend<Pick<Inference, 'pValue'> & Pick<StudySet, 'k'> & Warnings>();
    expectTypeOf<EffectSizes>().toExtend<Pick<StudySet, 'labels' | 'yi' | 'vi'> & Warnings>();
    expectTypeOf<IndependentPooling>().toExtend<Pick<StudySet, 'labels' | 'yi' | 'vi'>>();
    expectTypeOf<ResultSummary>().toExtend<Pick<Inference, 'estimate' | 'se' | 'pValue' | 'ci'>>();
    expectTypeOf<PooledSdResult>().toExtend<Pick<Inference, 'se'> & Warnings>();
    expectTypeOf<SdFromCiResult>().toExtend<Pick<Inference, 'se'> & Warnings>();
    expectTypeOf<FromEstimateAndCiResult>().toExtend<Pick<Inference, 'se'> & Warnings>();
    expectTypeOf<EstimateMeanSdResult>().toExtend<Warnings>();
    expectTypeOf<ChangeScoreCorrelationResult>().toExtend<Warnings>();
    expectTypeOf<ImputeSdResult<object>>().toExtend<Warnings>();
    // certainty
    expectTypeOf<CertaintyAssessment>().toExtend<Pick<Settings, 'level'>>();
    // predict, blup, model comparison
    expectTypeOf<PredictResult>().toExtend<Pick<Inference, 'df'> & Settings>();
    expectTypeOf<PredictResult['test']>().toEqualTypeOf<TestType>();
    expectTypeOf<PredictedValue>().toExtend<Pick<Inference, 'estimate' | 'se' | 'ci'>>();
    expectTypeOf<Prediction>().toExtend<PredictedValue>();
    expectTypeOf<BlupResult>().toExtend<Pick<Inference, 'df'> & Settings>();
    expectTypeOf<BlupResult['test']>().toEqualTypeOf<TestType>();
    expectTypeOf<BlupValue>().toExtend<Pick<Inference, 'estimate' | 'se'>>();
    expectTypeOf<CoefficientTestResult>().toExtend<Pick<Inference, 'df' | 'pValue'> & Pick<Settings, 'test'>>();
    expectTypeOf<ContrastTestResult>().toExtend<Pick<Inference, 'df'> & Pick<Settings, 'test'>>();
    expectTypeOf<LikelihoodRatioResult>().toExtend<Pick<Inference, 'df' | 'pValue'> & Warnings>();
    expectTypeOf<FitStatisticsResult>().toExtend<Pick<Settings, 'method'> & Pick<StudySet, 'k'>>();
    // diagnostics of regressions, multilevel fits and 2×2 tables
    expectTypeOf<MultilevelInfluence>().toExtend<Pick<StudySet, 'labels'>>();
    // multilevel with moderators and levels; robust on every fit
    expectTypeOf<MultilevelModelResult>().toExtend<Pick<Inference, 'df'> & Omit<StudySet, 'weights'> & Settings & Warnings & Convergence>();
    expectTypeOf<MultilevelModelResult['method']>().toEqualTypeOf<MultilevelMethod>();
    expectTypeOf<MultilevelModelResult['test']>().toEqualTypeOf<MultilevelTest>();
    expectTypeOf<MultilevelModelResult['coefficients']>().toEqualTypeOf<readonly RegressionCoefficient[]>();
    expectTypeOf<RobustRegressionResult>().toExtend<Pick<StudySet, 'k'> & Pick<Settings, 'level'> & Warnings>();
    expectTypeOf<RobustCoefficient>().toExtend<Inference>();
  });

  it('results are deeply readonly', () => {
    expectTypeOf<EffectSizes>().toEqualTypeOf<DeepReadonly<EffectSizes>>();
    expectTypeOf<MetaAnalysisResult>().toEqualTypeOf<DeepReadonly<MetaAnalysisResult>>();
    expectTypeOf<MetaRegressionResult>().toEqualTypeOf<DeepReadonly<MetaRegressionResult>>();
    expectTypeOf<SubgroupResult>().toEqualTypeOf<DeepReadonly<SubgroupResult>>();
    expectTypeOf<MantelHaenszelResult>().toEqualTypeOf<DeepReadonly<MantelHaenszelResult>>();
    expectTypeOf<PetoResult>().toEqualTypeOf<DeepReadonly<PetoResult>>();
    expectTypeOf<MultilevelResult>().toEqualTypeOf<DeepReadonly<MultilevelResult>>();
    expectTypeOf<RobustResult>().toEqualTypeOf<DeepReadonly<RobustResult>>();
    expectTypeOf<SubsetFit>().toEqualTypeOf<DeepReadonly<SubsetFit>>();
    expectTypeOf<InfluenceRow>().toEqualTypeOf<DeepReadonly<InfluenceRow>>();
    expectTypeOf<BaujatPoint>().toEqualTypeOf<DeepReadonly<BaujatPoint>>();
    expectTypeOf<StandardizedResidual>().toEqualTypeOf<DeepReadonly<StandardizedResidual>>();
    expectTypeOf<EggerTestResult>().toEqualTypeOf<DeepReadonly<EggerTestResult>>();
    expectTypeOf<RankCorrelationResult>().toEqualTypeOf<DeepReadonly<RankCorrelationResult>>();
    expectTypeOf<TrimAndFillResult>().toEqualTypeOf<DeepReadonly<TrimAndFillResult>>();
    // --- selection models ---
    expectTypeOf<SelectionModelResult>().toEqualTypeOf<DeepReadonly<SelectionModelResult>>();
    expectTypeOf<SelectionParameter>().toEqualTypeOf<DeepReadonly<SelectionParameter>>();
    expectTypeOf<StepInterval>().toEqualTypeOf<DeepReadonly<StepInterval>>();
    expectTypeOf<LikelihoodRatio>().toEqualTypeOf<DeepReadonly<LikelihoodRatio>>();
    expectTypeOf<FailSafeNResult>().toEqualTypeOf<DeepReadonly<FailSafeNResult>>();
    // --- bias: small-study effects ---
    expectTypeOf<HenmiCopasResult>().toExtend<Settings & Warnings>();
    expectTypeOf<HenmiCopasResult>().toEqualTypeOf<DeepReadonly<HenmiCopasResult>>();
    expectTypeOf<HenmiCopasFit>().toEqualTypeOf<DeepReadonly<HenmiCopasFit>>();
    // --- simulate ---
    expectTypeOf<SimulationResult>().toEqualTypeOf<DeepReadonly<SimulationResult>>();
    expectTypeOf<KendallTau>().toEqualTypeOf<DeepReadonly<KendallTau>>();
    expectTypeOf<ResultSummary>().toEqualTypeOf<DeepReadonly<ResultSummary>>();
    expectTypeOf<StudyTable>().toEqualTypeOf<DeepReadonly<StudyTable>>();
    expectTypeOf<SdFromSeResult>().toEqualTypeOf<DeepReadonly<SdFromSeResult>>();
    expectTypeOf<SdFromCiResult>().toEqualTypeOf<DeepReadonly<SdFromCiResult>>();
    expectTypeOf<PooledSdResult>().toEqualTypeOf<DeepReadonly<PooledSdResult>>();
    expectTypeOf<PooledSdFromPResult>().toEqualTypeOf<DeepReadonly<PooledSdFromPResult>>();
    expectTypeOf<PooledSdFromCiResult>().toEqualTypeOf<DeepReadonly<PooledSdFromCiResult>>();
    expectTypeOf<ChangeScoreSdResult>().toEqualTypeOf<DeepReadonly<ChangeScoreSdResult>>();
    expectTypeOf<ChangeScoreCorrelationResult>().toEqualTypeOf<DeepReadonly<ChangeScoreCorrelationResult>>();
    expectTypeOf<EstimateMeanSdResult>().toEqualTypeOf<DeepReadonly<EstimateMeanSdResult>>();
    expectTypeOf<FromEstimateAndCiResult>().toEqualTypeOf<DeepReadonly<FromEstimateAndCiResult>>();
    expectTypeOf<MaxSdForSignificanceResult>().toEqualTypeOf<DeepReadonly<MaxSdForSignificanceResult>>();
    expectTypeOf<ImputeSdResult<{ readonly sd1i: number | null }>>().toEqualTypeOf<DeepReadonly<ImputeSdResult<{ readonly sd1i: number | null }>>>();
    expectTypeOf<SensitivityResult<number>>().toEqualTypeOf<DeepReadonly<SensitivityResult<number>>>();
    expectTypeOf<ArmPairs>().toEqualTypeOf<DeepReadonly<ArmPairs>>();
    expectTypeOf<ComparisonMatch>().toEqualTypeOf<DeepReadonly<ComparisonMatch>>();
    expectTypeOf<IndependenceClusters>().toEqualTypeOf<DeepReadonly<IndependenceClusters>>();
    expectTypeOf<Overlap>().toEqualTypeOf<DeepReadonly<Overlap>>();
    expectTypeOf<StudyEffect>().toEqualTypeOf<DeepReadonly<StudyEffect>>();
    expectTypeOf<ResultsTiming>().toEqualTypeOf<DeepReadonly<ResultsTiming>>();
    expectTypeOf<ReplicationAssessment>().toEqualTypeOf<DeepReadonly<ReplicationAssessment>>();
    expectTypeOf<IndependentPooling>().toEqualTypeOf<DeepReadonly<IndependentPooling>>();
    expectTypeOf<EvidenceBase>().toEqualTypeOf<DeepReadonly<EvidenceBase>>();
    expectTypeOf<RadialData>().toEqualTypeOf<DeepReadonly<RadialData>>();
    expectTypeOf<NormalQqData>().toEqualTypeOf<DeepReadonly<NormalQqData>>();
    expectTypeOf<BubbleData>().toEqualTypeOf<DeepReadonly<BubbleData>>();
    expectTypeOf<LabbeData>().toEqualTypeOf<DeepReadonly<LabbeData>>();
    expectTypeOf<BackTransform>().toEqualTypeOf<DeepReadonly<BackTransform>>();
    // certainty
    expectTypeOf<CertaintyAssessment>().toEqualTypeOf<DeepReadonly<CertaintyAssessment>>();
    expectTypeOf<CertaintyFinding>().toEqualTypeOf<DeepReadonly<CertaintyFinding>>();
    expectTypeOf<SummaryOfFindings>().toEqualTypeOf<DeepReadonly<SummaryOfFindings>>();
    expectTypeOf<WhatWouldChange>().toEqualTypeOf<DeepReadonly<WhatWouldChange>>();
    expectTypeOf<ClusterPooling>().toEqualTypeOf<DeepReadonly<ClusterPooling>>();
    expectTypeOf<ClusterEstimate>().toEqualTypeOf<DeepReadonly<ClusterEstimate>>();
    // predict, blup, model comparison
    expectTypeOf<PredictResult>().toEqualTypeOf<DeepReadonly<PredictResult>>();
    expectTypeOf<BlupResult>().toEqualTypeOf<DeepReadonly<BlupResult>>();
    expectTypeOf<CoefficientTestResult>().toEqualTypeOf<DeepReadonly<CoefficientTestResult>>();
    expectTypeOf<ContrastTestResult>().toEqualTypeOf<DeepReadonly<ContrastTestResult>>();
    // `full` and `reduced` are intersections, which DeepReadonly flattens: `.branded` compares them deeply.
    expectTypeOf<LikelihoodRatioResult>().branded.toEqualTypeOf<DeepReadonly<LikelihoodRatioResult>>();
    expectTypeOf<FitStatisticsResult>().toEqualTypeOf<DeepReadonly<FitStatisticsResult>>();
    // diagnostics of regressions, multilevel fits and 2×2 tables
    expectTypeOf<InfluenceRegressionRow>().toEqualTypeOf<DeepReadonly<InfluenceRegressionRow>>();
    expectTypeOf<MultilevelInfluence>().toEqualTypeOf<DeepReadonly<MultilevelInfluence>>();
    expectTypeOf<MultilevelDeletion>().toEqualTypeOf<DeepReadonly<MultilevelDeletion>>();
    // multilevel with moderators and levels; robust on every fit
    expectTypeOf<MultilevelModelResult>().toEqualTypeOf<DeepReadonly<MultilevelModelResult>>();
    expectTypeOf<RobustRegressionResult>().toEqualTypeOf<DeepReadonly<RobustRegressionResult>>();
    // effect sizes: reshaping (issue #13, part A)
    expectTypeOf<LongFormat>().toExtend<Warnings>();
    expectTypeOf<StudyTables>().toExtend<Warnings>();
    expectTypeOf<StudyTables>().toEqualTypeOf<DeepReadonly<StudyTables>>();
    expectTypeOf<LongFormat>().toEqualTypeOf<DeepReadonly<LongFormat>>();
    // glmm
    expectTypeOf<GlmmResult>().toExtend<Settings & Warnings & Convergence>();
    expectTypeOf<GlmmResult>().toEqualTypeOf<DeepReadonly<GlmmResult>>();
    expectTypeOf<GlmmCoefficient>().toEqualTypeOf<DeepReadonly<GlmmCoefficient>>();
  });
});

describe('coverage of this file', () => {
  it('states the signature of every exported function', () => {
    const source = readFileSync(new URL(import.meta.url), 'utf8');
    const tested = new Set([...source.matchAll(/expectTypeOf\((\w+)(?:<[^>]*>)?\)\.parameters/g)].map((m) => m[1]));
    const functions = Object.entries(api).filter(([, v]) => typeof v === 'function' && !/^class\s/.test(Function.prototype.toString.call(v))).map(([name]) => name);
    expect(functions.length).toBeGreaterThan(100) // a sanity check that the scan finds the functions (127 public functions after the internal plot and numeric helpers left the barrel);
    expect(functions.filter((name) => !tested.has(name))).toEqual([]);
  });
});
