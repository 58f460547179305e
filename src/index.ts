// Flat barrel: every public export of `pooled`, nothing else.
export * from './types.ts';
export { InputError } from './errors.ts';
export { compensatedSum, compensatedDot } from './distributions/compensated-sum.ts';
export { normalCdf, normalSf, normalQuantile } from './distributions/normal.ts';
export { studentTCdf, studentTSf, studentTQuantile } from './distributions/student-t.ts';
export { chiSquareCdf, chiSquareSf, chiSquareQuantile } from './distributions/chi-square.ts';
export { fisherFCdf, fisherFSf, fisherFQuantile } from './distributions/fisher-f.ts';
// --- models ---
export { metaAnalysis } from './models/meta-analysis.ts';
export type { MetaAnalysisOptions } from './models/resolve-options.ts';
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
