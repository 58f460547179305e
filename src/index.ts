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
