import { TAU2_METHODS } from '../types.ts';

/**
 * The results `formatResult` prints, named after the function that returns them.
 */
export const RESULT_KINDS = Object.freeze([
  'metaAnalysis', 'metaRegression', 'subgroupAnalysis', 'mantelHaenszel', 'peto', 'multilevel', 'robust',
  'leaveOneOut', 'cumulative', 'influence', 'eggerTest', 'rankCorrelationTest', 'trimAndFill', 'failSafeN',
  'effectSizes', 'summarize', 'studyTable', 'metaAnalysisBatch', 'gosh',
] as const);
export type ResultKind = (typeof RESULT_KINDS)[number];

type Fields = Record<string, unknown>;

const isObject = (x: unknown): x is Fields => x !== null && typeof x === 'object' && !Array.isArray(x);
const isArray = (x: unknown): x is unknown[] => Array.isArray(x);
const isNumberOrNull = (x: unknown) => x === null || typeof x === 'number';
const isString = (x: unknown): x is string => typeof x === 'string';
const isIn = (x: unknown, values: readonly string[]) => isString(x) && values.includes(x);
const hasAll = (x: Fields, ...keys: string[]) => keys.every((key) => key in x);

/**
 * How each result is recognised. Mantel–Haenszel and Peto results carry a marker
 * (`method: 'MH' | 'PETO'`); the others are told apart by a stable set of fields of their
 * public contract (DESIGN.md), each set held by exactly one result type. The two arrays of
 * refits differ in their `k`: leave-one-out rows all have k − 1 studies, cumulative row j has j.
 */
const SIGNATURES: Readonly<Record<ResultKind, (x: unknown) => boolean>> = {
  mantelHaenszel: (x) => isObject(x) && x.method === 'MH',
  peto: (x) => isObject(x) && x.method === 'PETO',
  metaRegression: (x) => isObject(x) && isArray(x.coefficients) && x.coefficients.every(isObject) && hasAll(x, 'qm', 'qe', 'tau2', 'k'),
  metaAnalysis: (x) =>
    isObject(x) && isIn(x.method, TAU2_METHODS) && isObject(x.predictionInterval) && isObject(x.ci) && !('coefficients' in x),
  subgroupAnalysis: (x) => isObject(x) && isArray(x.groups) && x.groups.every(isObject) && isObject(x.between),
  multilevel: (x) => isObject(x) && isArray(x.sigma2) && x.sigma2.length === 2 && hasAll(x, 'nOuter', 'nInner', 'logLik'),
  robust: (x) => isObject(x) && isIn(x.adjust, ['CR1', 'CR2']) && hasAll(x, 'nClusters', 'estimate', 'se'),
  leaveOneOut: (x) => isSubsetFits(x) && x.every((r) => r.k === x.length - 1),
  cumulative: (x) => isSubsetFits(x) && x.every((r, j) => r.k === j + 1),
  influence: (x) => isArray(x) && x.length > 0 && x.every((r) => isObject(r) && hasAll(r, 'rstudent', 'dffits', 'cookD', 'covRatio', 'hat')),
  eggerTest: (x) => isObject(x) && isIn(x.predictor, ['sei', 'vi']) && hasAll(x, 'limitEstimate', 'slope', 'statistic'),
  rankCorrelationTest: (x) => isObject(x) && hasAll(x, 'tau', 'pValue', 'pValueMethod'),
  trimAndFill: (x) => isObject(x) && isArray(x.filled) && x.filled.every(isObject) && hasAll(x, 'k0', 'side', 'estimate'),
  failSafeN: (x) => isObject(x) && isIn(x.type, ['Rosenthal', 'Orwin', 'Rosenberg']) && hasAll(x, 'n', 'alpha'),
  summarize: (x) => isObject(x) && isString(x.kind) && isObject(x.analysis) && isObject(x.ci) && hasAll(x, 'transform', 'scale', 'description', 'estimate'),
  studyTable: (x) => isObject(x) && isString(x.kind) && isArray(x.rows) && x.rows.every(isObject) && hasAll(x, 'transform', 'scale', 'description', 'level'),
  metaAnalysisBatch: (x) =>
    isObject(x) && typeof x.m === 'number' && isIn(x.method, TAU2_METHODS) && isArray(x.warnings) && hasAll(x, 'estimate', 'tau2', 'ciLower', 'tau2CiUpper', 'qPValue') && !isObject(x.ci),
  gosh: (x) => isObject(x) && typeof x.subsets === 'number' && typeof x.exhaustive === 'boolean' && hasAll(x, 'estimate', 'i2', 'included', 'size'),
  effectSizes: (x) => isObject(x) && isString(x.measure) && isArray(x.yi) && isArray(x.vi) && isObject(x.provenanceCounts),
};

function isSubsetFits(x: unknown): x is Fields[] {
  return isArray(x) && x.length > 0 && x.every((r) => isObject(r) && isString(r.label) && typeof r.k === 'number' && isNumberOrNull(r.estimate) && hasAll(r, 'se', 'ci', 'tau2', 'q'));
}

/**
 * Which result of `pooled` a value is, or `null` when it is none of them (see
 * {@link RESULT_KINDS}). Works on results after a JSON round trip too.
 *
 * @example
 * const fit = metaAnalysis({ yi: [0, 1, 2], vi: [1, 1, 1] });
 * resultKind(fit)              // => 'metaAnalysis'
 * resultKind(leaveOneOut(fit)) // => 'leaveOneOut'
 * resultKind({ hello: 1 })     // => null
 */
export function resultKind(value: unknown): ResultKind | null {
  for (const kind of RESULT_KINDS) if (SIGNATURES[kind](value)) return kind;
  return null;
}

/**
 * Every kind whose signature `value` matches (for tests: a result must match exactly one).
 *
 * @example
 * matchingKinds(metaAnalysis({ yi: [0, 1], vi: [1, 1] })) // => ['metaAnalysis']
 */
export function matchingKinds(value: unknown): ResultKind[] {
  return RESULT_KINDS.filter((kind) => SIGNATURES[kind](value));
}
