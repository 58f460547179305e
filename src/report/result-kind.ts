import { TAU2_METHODS } from '../types.ts';

/**
 * The results `formatResult` prints, named after the function that returns them.
 */
export const RESULT_KINDS = Object.freeze([
  'metaAnalysis', 'metaRegression', 'subgroupAnalysis', 'mantelHaenszel', 'peto', 'multilevel', 'robust',
  'robustRegression', 'multilevelModel', 'influenceRegression',
  'influenceMultilevel', 'leaveOneOut', 'cumulative', 'influence', 'eggerTest', 'rankCorrelationTest', 'trimAndFill', 'selectionModel', 'failSafeN', 'henmiCopas',
  'effectSizes', 'summarize', 'studyTable', 'assessCertainty', 'whatWouldChange',
  'predict', 'blup', 'coefficientTest', 'contrastTest', 'likelihoodRatioTest', 'fitStatistics',
  'tau2Interval', 'permutationTest',
  'metaAnalysisBatch', 'gosh',
  // reshaped study data (issue #13, part A)
  'toLong', 'toTable',
  'glmm', 'simulate',
  'multivariate', 'aggregate', 'vcalc', 'multivariateRandomEffects',
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
 * refits differ in their `k`: leave-one-out rows all have k − 1 studies, cumulative rows have increasing k.
 */
const SIGNATURES: Readonly<Record<ResultKind, (x: unknown) => boolean>> = {
  mantelHaenszel: (x) => isObject(x) && x.method === 'MH',
  peto: (x) => isObject(x) && x.method === 'PETO',
  metaRegression: (x) => isObject(x) && isArray(x.coefficients) && x.coefficients.every(isObject) && hasAll(x, 'qm', 'qe', 'tau2', 'k') && x.model !== 'multivariate',
  metaAnalysis: (x) =>
    isObject(x) && (isIn(x.method, TAU2_METHODS) || x.method === 'GENQ') && isObject(x.predictionInterval) && isObject(x.ci) && !('coefficients' in x),
  subgroupAnalysis: (x) => isObject(x) && isArray(x.groups) && x.groups.every(isObject) && isObject(x.between),
  multilevel: (x) => isObject(x) && isArray(x.sigma2) && x.sigma2.length === 2 && hasAll(x, 'nOuter', 'nInner', 'logLik'),
  robust: (x) => isObject(x) && isIn(x.adjust, ['CR0', 'CR1', 'CR2']) && hasAll(x, 'nClusters', 'estimate', 'se'),
  robustRegression: (x) => isObject(x) && isIn(x.adjust, ['CR0', 'CR1', 'CR2']) && isArray(x.coefficients) && hasAll(x, 'nClusters', 'robustCovariance', 'qm'),
  multilevelModel: (x) => isObject(x) && isArray(x.sigma2) && isArray(x.coefficients) && hasAll(x, 'nGroups', 'logLik', 'qe'),
  influenceMultilevel: (x) => isObject(x) && isArray(x.deletions) && isArray(x.hat) && x.deletions.every((d) => isObject(d) && hasAll(d, 'cookD', 'dfbetas')),
  leaveOneOut: (x) => isSubsetFits(x) && x.every((r) => r.k === x.length - 1),
  // row j pools j + 1 studies, or (ties collapsed) at least that many, more with every row
  cumulative: (x) => isSubsetFits(x) && x.every((r, j) => (r.k as number) >= j + 1 && (j === 0 || (r.k as number) > (x[j - 1]!.k as number))),
  influence: (x) => isArray(x) && x.length > 0 && x.every((r) => isObject(r) && hasAll(r, 'rstudent', 'dffits', 'cookD', 'covRatio', 'hat') && !isObject(r.dfbetas)),
  influenceRegression: (x) => isArray(x) && x.length > 0 && x.every((r) => isObject(r) && hasAll(r, 'rstudent', 'dffits', 'cookD', 'covRatio', 'hat') && isObject(r.dfbetas)),
  eggerTest: (x) => isObject(x) && isIn(x.predictor, ['sei', 'vi', 'ni', 'ninv', 'sqrtni', 'sqrtninv']) && hasAll(x, 'limitEstimate', 'slope', 'statistic'),
  rankCorrelationTest: (x) => isObject(x) && hasAll(x, 'tau', 'pValue', 'pValueMethod'),
  trimAndFill: (x) => isObject(x) && isArray(x.filled) && x.filled.every(isObject) && hasAll(x, 'k0', 'side', 'estimate'),
  failSafeN: (x) => isObject(x) && isIn(x.type, ['Rosenthal', 'Orwin', 'Rosenberg', 'Binomial', 'General']) && hasAll(x, 'n', 'alpha'),
  henmiCopas: (x) => isObject(x) && x.method === 'DL' && isObject(x.fit) && isObject(x.ci) && hasAll(x, 't0', 'u0', 'estimate', 'tau2'),
  selectionModel: (x) => isObject(x) && isIn(x.type, ['stepfun', 'beta', 'halfnorm', 'negexp', 'logistic', 'power']) && isArray(x.delta) && isObject(x.selectionTest) && hasAll(x, 'estimate', 'tau2', 'logLik'),
  summarize: (x) => isObject(x) && isString(x.kind) && isObject(x.analysis) && isObject(x.ci) && hasAll(x, 'transform', 'scale', 'description', 'estimate'),
  studyTable: (x) => isObject(x) && isString(x.kind) && isArray(x.rows) && x.rows.every(isObject) && hasAll(x, 'transform', 'scale', 'description', 'level'),
  tau2Interval: (x) => isObject(x) && isIn(x.intervalType, ['QP', 'PL', 'Wald']) && isObject(x.tau2Ci) && hasAll(x, 'tau2', 'i2Ci', 'h2Ci'),
  permutationTest: (x) => isObject(x) && isArray(x.coefficients) && hasAll(x, 'permutations', 'exact', 'qmPermutationPValue'),
  metaAnalysisBatch: (x) =>
    isObject(x) && typeof x.m === 'number' && isIn(x.method, TAU2_METHODS) && isArray(x.warnings) && hasAll(x, 'estimate', 'tau2', 'ciLower', 'tau2CiUpper', 'qPValue') && !isObject(x.ci),
  gosh: (x) => isObject(x) && typeof x.subsets === 'number' && typeof x.exhaustive === 'boolean' && hasAll(x, 'estimate', 'i2', 'included', 'size'),
  glmm: (x) => isObject(x) && isIn(x.method, ['ML', 'EE']) && isIn(x.measure, ['PLO', 'IRLN', 'OR', 'IRR']) && isArray(x.coefficients) && hasAll(x, 'qeWald', 'qeLrt', 'nAGQ', 'marginalLogLik'),
  simulate: (x) => isObject(x) && isObject(x.design) && typeof x.replications === 'number' && typeof x.batch === 'boolean' && hasAll(x, 'bias', 'rmse', 'coverage', 'power'),
  multivariate: (x) => isObject(x) && x.model === 'multivariate' && isArray(x.coefficients) && isArray(x.components) && hasAll(x, 'logLik', 'qe', 'sigma2'),
  aggregate: (x) => isObject(x) && isArray(x.cluster) && isArray(x.ki) && isArray(x.yi) && isArray(x.vi) && hasAll(x, 'struct', 'weighted'),
  multivariateRandomEffects: (x) => isObject(x) && isArray(x.terms) && typeof x.level === 'number' && x.terms.every((t) => isObject(t) && isString(t.term) && isArray(t.effects)),
  vcalc: (x) => isObject(x) && typeof x.k === 'number' && isArray(x.blocks) && x.blocks.every((b) => isObject(b) && isArray(b.index) && isArray(b.matrix)),
  effectSizes: (x) => isObject(x) && isString(x.measure) && isArray(x.yi) && isArray(x.vi) && isObject(x.provenanceCounts),
  whatWouldChange: (x) => isObject(x) && isArray(x.changes) && isString(x.status) && isArray(x.assumptions) && 'certainty' in x,
  assessCertainty: (x) => isObject(x) && isArray(x.findings) && typeof x.optimalInformationSize === 'number' && x.findings.every((f) => isObject(f) && isArray(f.domains)),
  predict: (x) => isObject(x) && isArray(x.predictions) && x.predictions.every(isObject) && hasAll(x, 'transform', 'heterogeneity', 'level'),
  blup: (x) => isObject(x) && isArray(x.blups) && x.blups.every(isObject) && hasAll(x, 'transform', 'level'),
  coefficientTest: (x) => isObject(x) && isArray(x.tested) && hasAll(x, 'qm', 'qmDf', 'pValue', 'test'),
  contrastTest: (x) => isObject(x) && isArray(x.contrasts) && x.contrasts.every(isObject) && hasAll(x, 'qm', 'qmDf', 'qmPValue', 'test'),
  likelihoodRatioTest: (x) => isObject(x) && isObject(x.full) && isObject(x.reduced) && hasAll(x, 'lrt', 'df', 'pValue', 'likelihood'),
  fitStatistics: (x) => isObject(x) && isObject(x.ml) && isObject(x.reml) && hasAll(x, 'parameters', 'aicc', 'likelihood'),
  toLong: (x) => isObject(x) && isString(x.measure) && isArray(x.rows) && x.rows.every(isObject) && isArray(x.warnings) && Object.keys(x).length === 3,
  toTable: (x) => isObject(x) && isString(x.measure) && isArray(x.tables) && isArray(x.rowNames) && isArray(x.colNames) && isArray(x.studies),
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
