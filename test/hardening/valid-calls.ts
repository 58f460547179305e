// A valid argument list for every function exported from src/index.ts: the baseline that the
// adversarial test (adversarial.test.ts) spoils one argument (or one field of an argument) at a
// time. Each entry builds fresh arguments on every call, so that no run sees another run's
// mutation. A new export needs an entry here: the adversarial test fails for an export without one.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as p from '../../src/index.ts';

const yi = [0.1, 0.5, -0.2, 0.8, 0.3];
const vi = [0.04, 0.02, 0.05, 0.03, 0.06];
const tables = () => [{ ai: 4, bi: 119, ci: 11, di: 128 }, { ai: 6, bi: 300, ci: 29, di: 274 }, { ai: 3, bi: 228, ci: 11, di: 209 }];
const fit = () => p.metaAnalysis({ yi, vi });
const reg = () => p.metaRegression({ yi, vi }, { moderators: { x: [1, 2, 3, 4, 5] } });
const outer = ['a', 'a', 'b', 'b', 'c', 'c'];
const inner = ['1', '2', '3', '4', '5', '6'];
const ml = () => p.multilevel({ yi: [...yi, 0.2], vi: [...vi, 0.03] }, { outer, inner });
const mlModel = () => p.multilevelModel({ yi: [...yi, 0.2], vi: [...vi, 0.03] }, { levels: [outer, inner] });

const datasetPath = (name: string) => fileURLToPath(new URL(`../../datasets/${name}`, import.meta.url));
const SEED_PATH = datasetPath('conditioned-medium-hair-loss.json');
const seedText = readFileSync(SEED_PATH, 'utf8');
/** The seed evidence base, as parsed from JSON (a fresh copy each time). */
export const seed = (): Record<string, unknown> => JSON.parse(seedText) as Record<string, unknown>;
const comparison = () => ({ ...(seed().comparisons as p.Comparison[])[0]! });

/** A small evidence base with SDs and sample sizes, from a table (poolByCluster, certainty). */
const tableEvidence = () =>
  p.evidenceFromTable(
    [
      { authors: 'Smith & Jones', year: 2001, ri: 0.3, ni: 100 },
      { authors: 'Jones', year: 2005, ri: 0.25, ni: 80 },
      { authors: 'Lee', year: 2010, ri: 0.1, ni: 120 },
    ],
    {
      title: 'r', asOf: '2026-01-01', citation: 'example', measure: 'ZCOR', effectColumns: { ri: 'ri', ni: 'ni' },
      columns: { label: 'authors', year: 'year', authors: 'authors' }, intervention: 'trait', comparator: 'no association', outcome: 'adherence',
    },
  );

const study = (id: string, group: string) => ({ id, label: id, group, authors: [] as string[], cohort: null });

/** name → a fresh valid argument list. */
export const VALID_CALLS: Readonly<Record<string, () => unknown[]>> = {
  // errors
  numberCode: () => [1],
  isMissing: () => ['NA'],
  // distributions
  normalCdf: () => [1], normalSf: () => [1], normalQuantile: () => [0.2, true], normalPdf: () => [1],
  studentTCdf: () => [1, 5], studentTSf: () => [1, 5], studentTQuantile: () => [0.2, 5, true], studentTPdf: () => [1, 5],
  chiSquareCdf: () => [1, 5], chiSquareSf: () => [1, 5], chiSquareQuantile: () => [0.2, 5, true], chiSquarePdf: () => [1, 5],
  fisherFCdf: () => [1, 5, 6], fisherFSf: () => [1, 5, 6], fisherFQuantile: () => [0.2, 5, 6, true], fisherFPdf: () => [1, 5, 6],
  // conversions
  countProvenance: () => [[{ kind: 'reported' }, { kind: 'assumed', value: 10 }]],
  sdFromSe: () => [{ se: 0.5, n: 25 }],
  sdFromCi: () => [{ lower: 1, upper: 3, n: 25 }],
  pooledSdFromSe: () => [{ se: 0.5, n1: 20, n2: 22 }],
  pooledSdFromT: () => [{ t: 2.1, meanDifference: 1.5, n1: 20, n2: 22 }],
  pooledSdFromP: () => [{ pValue: 0.03, meanDifference: 1.5, n1: 20, n2: 22 }],
  pooledSdFromCi: () => [{ lower: 0.2, upper: 2.8, n1: 20, n2: 22 }],
  changeScoreSd: () => [{ sdBaseline: 4, sdFinal: 5, correlation: 0.5 }],
  changeScoreCorrelation: () => [{ sdBaseline: 4, sdFinal: 5, sdChange: 4.5 }],
  estimateMeanSd: () => [{ n: 50, q1: 3, median: 5, q3: 8 }],
  fromEstimateAndCi: () => [{ estimate: 1.5, lower: 1.1, upper: 2.2, transform: 'log' }],
  imputeSd: () => [[{ study: 'A', sd1i: 2, n1i: 10 }, { study: 'B', sd1i: 4, n1i: 10 }, { study: 'C', n1i: 8 }], { method: 'median' }],
  sensitivity: () => [{ parameter: 'sd', values: [1, 2], analyse: (sd: number) => sd * sd }],
  maxSdForSignificance: () => [{ meanDifference: 1.5, n1: 20, n2: 22 }],
  // effect sizes
  effectSizes: () => ['OR', tables().map((t, i) => ({ ...t, study: `S${i}` })), { label: 'study' }],
  pairArms: () => [[{ study: 'Lee', arm: 'CM', mean: 12, sd: 4, n: 20 }, { study: 'Lee', arm: 'placebo', mean: 9, sd: 4, n: 21 }], { treatment: 'CM', control: 'placebo' }],
  hedgesCorrection: () => [10],
  worstProvenance: () => [{ kind: 'reported' }, { kind: 'imputed', method: 'median SD', sources: ['A'] }],
  backTransform: () => ['OR', 'auto', {}],
  naturalTransform: () => ['OR'],
  analysisScale: () => ['OR'],
  // models
  metaAnalysis: () => [{ yi, vi, labels: ['A', 'B', 'C', 'D', 'E'] }, { method: 'DL' }],
  metaAnalysisBatch: () => [{ yi: [0.1, 0.3, 0.5, 0.2, 0.4], vi: [0.01, 0.02, 0.015, 0.01, 0.01], offsets: [0, 3, 5] }, { method: 'DL' }],
  subgroupAnalysis: () => [{ yi, vi }, ['a', 'a', 'b', 'b', 'b'], { method: 'DL' }],
  mantelHaenszel: () => [tables(), { measure: 'OR' }],
  peto: () => [tables(), {}],
  metaRegression: () => [{ yi, vi }, { moderators: { x: [1, 2, 3, 4, 5] } }],
  predict: () => [reg(), { newmods: { x: 2 } }],
  blup: () => [fit(), {}],
  anova: () => [reg(), { coefficients: ['x'] }],
  fitStatistics: () => [fit()],
  multilevel: () => [{ yi: [...yi, 0.2], vi: [...vi, 0.03] }, { outer, inner }],
  robust: () => [ml(), { cluster: outer, adjust: 'CR1' }],
  multilevelModel: () => [{ yi: [...yi, 0.2], vi: [...vi, 0.03] }, { levels: [outer, inner] }],
  tau2Interval: () => [p.metaAnalysis({ yi, vi }, { method: 'ML' }), { type: 'Wald' }],
  permutationTest: () => [fit(), { progress: false, iterations: 20, seed: 1, exact: false }],
  // diagnostics
  gosh: () => [fit(), { subsets: 50, seed: 2 }],
  leaveOneOut: () => [fit()],
  cumulative: () => [fit(), [5, 4, 3, 2, 1], {}],
  influenceRegression: () => [reg()],
  influenceMultilevel: () => [mlModel(), {}],
  cumulativeTables: () => [tables(), { method: 'PETO', order: [1950, 1948, 1950] }],
  leaveOneOutTables: () => [tables(), { method: 'MH', measure: 'OR' }],
  influence: () => [fit()],
  isInfluential: () => [{ dffits: -1.769, cookD: 0.927, hat: 0.37, dfbetas: -1.622 }, 3],
  baujat: () => [fit()],
  standardizedResiduals: () => [fit()],
  // bias
  eggerTest: () => [fit(), {}],
  rankCorrelationTest: () => [fit()],
  trimAndFill: () => [fit(), { estimator: 'R0' }],
  failSafeN: () => [{ yi, vi }, { type: 'Orwin' }],
  kendallTau: () => [[1, 2, 3, 4], [1, 3, 2, 4]],
  // evidence
  loadEvidence: () => [seed()],
  describeComparison: () => [comparison()],
  nameKey: () => ['Seoul  National'],
  sameName: () => ['SNU', 'snu'],
  matchComparison: () => [seed(), comparison()],
  claimsFor: () => {
    const base = p.loadEvidence(seed());
    return [[...base.claims], base.studies[0]!.id, comparison()];
  },
  studyLinks: () => [{ label: 'Trial 2022', group: 'SNU', authors: [], cohort: null }, { label: 'Follow-up 2024', group: 'snu', authors: [], cohort: null }],
  independenceClusters: () => [[study('a', 'SNU'), study('b', 'SNU'), study('c', 'US')]],
  detectOverlaps: () => [seed()],
  comparisonEffects: () => [seed(), comparison(), { assume: { sd: 10, splitStudyN: true, armN: 20 } }],
  parseExpectedWindow: () => ['2026–2027'],
  resultsTiming: () => ['2026/2027', '2026-11-25'],
  assessReplication: () => [seed(), {}],
  poolIndependent: () => [seed(), comparison(), { assume: { sd: 10, armN: 20 }, measure: 'SMD' }],
  assessCertainty: () => [tableEvidence(), {}],
  whatWouldChange: () => [seed(), comparison(), {}],
  evidenceFromTable: () => [
    [{ authors: 'Smith & Jones', year: 2001, ri: 0.3, ni: 100 }, { authors: 'Jones et al.', year: 2005, ri: 0.25, ni: 80 }],
    {
      title: 'r', asOf: '2026-01-01', citation: 'example', measure: 'ZCOR', effectColumns: { ri: 'ri', ni: 'ni' },
      columns: { label: 'authors', year: 'year', authors: 'authors', n: 'ni' }, intervention: 'trait', comparator: 'no association', outcome: 'adherence',
    },
  ],
  splitAuthors: () => ['Smith & Jones'],
  poolByCluster: () => {
    const e = tableEvidence();
    return [e, { ...e.comparisons[0]! }, {}];
  },
  // plots
  forestPlot: () => [fit(), {}],
  funnelPlot: () => [fit(), {}],
  sensitivityPlot: () => [{ panels: [{ title: 'a', points: [{ x: 1, estimate: 0, lower: -1, upper: 1 }, { x: 2, estimate: 0, lower: -1, upper: 1 }] }], xTitle: 'x', yTitle: 'y' }],
  evidenceMap: () => [seed(), {}],
  radialData: () => [fit(), {}],
  normalQqData: () => [fit(), { reps: 100, seed: 1 }],
  bubbleData: () => [reg(), { steps: 11 }],
  labbeData: () => [p.metaAnalysis(p.effectSizes('OR', tables())), tables(), {}],
  baujatPlot: () => [fit(), {}],
  radialPlot: () => [fit(), {}],
  qqPlot: () => [fit(), { reps: 100 }],
  bubblePlot: () => [reg(), {}],
  labbePlot: () => [p.metaAnalysis(p.effectSizes('OR', tables())), tables(), {}],
  influencePlot: () => [fit(), {}],
  cumulativePlot: () => [fit(), {}],
  leaveOneOutPlot: () => [fit(), {}],
  // report
  formatResult: () => [fit(), { digits: 3 }],
  describeProvenance: () => [{ reported: 2, derived: 0, imputed: 0, assumed: 1 }],
  formatFixed: () => [1.23456, 2],
  formatPValue: () => [0.0123],
  resultKind: () => [fit()],
  studyTable: () => [fit(), {}],
  formatStudyTable: () => [p.studyTable(fit()), 3],
  summarize: () => [fit(), {}],
  certaintyMarkdown: () => [p.assessCertainty(tableEvidence()), { headingLevel: 2 }],
  summaryOfFindings: () => [p.assessCertainty(tableEvidence())],
  formatCertainty: () => [p.assessCertainty(tableEvidence())],
  formatWhatWouldChange: () => [p.whatWouldChange(seed(), comparison()), { markdown: true }],
  replicationMarkdown: () => [p.assessReplication(seed()), {}],
  replicationText: () => [p.assessReplication(seed()), 80],
  replicationEvidenceTable: () => [seed()],
  replicationStatusLabel: () => ['pending'],
  htmlReport: () => [[{ kind: 'heading', text: 'BCG' }, { kind: 'text', text: 'Risk ratios.' }], { title: 't' }],
  // io
  readTable: () => ['a,b\n1,2\n', {}],
  column: () => [p.readTable('a,b\n1,2\n'), 'a'],
  columnNames: () => [p.readTable('a,b\n1,2\n')],
  readJsonFile: () => [datasetPath('bcg.json')],
  readEvidenceFile: () => [SEED_PATH],
  // added with issues #12 and #13
  bivariateNormalCdf: () => [0.5, -0.2, 0.3],
  toLong: () => [tables(), 'OR', {}],
  toTable: () => [tables(), 'OR', {}],
  henmiCopas: () => [p.metaAnalysis({ yi: [...yi, 0.4, 0.6], vi: [...vi, 0.01, 0.02] }, { method: 'DL' })],
  selectionModel: () => [fit(), { type: 'stepfun', steps: [0.05, 1] }],
  selectionFunctionPlot: () => [p.selectionModel(fit(), { type: 'stepfun', steps: [0.05, 1] }), {}],
  goshPlot: () => [p.gosh(fit()), { out: 2 }],
  simulate: () => [{ k: 5, tau2: 0.05, vi: [0.04, 0.02, 0.05, 0.03, 0.06], replications: 20, seed: 1 }, { method: 'DL' }, { progress: false }],
  glmm: () => [[{ xi: 3, ni: 20 }, { xi: 5, ni: 25 }, { xi: 1, ni: 30 }, { xi: 8, ni: 22 }], { measure: 'PLO', method: 'EE' }],
  vcalc: () => [{ vi: [0.04, 0.02, 0.05, 0.03], cluster: ['a', 'a', 'b', 'b'], type: ['x', 'y', 'x', 'y'] }, { cluster: 'cluster', type: 'type', rho: 0.5 }],
  aggregate: () => [{ yi: [0.1, 0.3, 0.2, 0.5], vi: [0.04, 0.02, 0.05, 0.03], cluster: ['a', 'a', 'b', 'b'] }, { cluster: 'cluster', rho: 0.5 }],
  multivariate: () => [{ yi: [...yi, 0.2], vi: [...vi, 0.03] }, { random: { levels: [outer, inner] } }],
  multivariateLikelihoodRatio: () => {
    const full = p.multivariate({ yi: [...yi, 0.2], vi: [...vi, 0.03] }, { random: { levels: [outer, inner] }, method: 'ML' });
    return [full, p.multivariate({ yi: [...yi, 0.2], vi: [...vi, 0.03] }, { random: { levels: [outer, inner] }, method: 'ML', sigma2: [0, null] })];
  },
  robustMultivariate: () => [p.multivariate({ yi: [...yi, 0.2], vi: [...vi, 0.03] }, { random: { levels: [outer, inner] } }), { cluster: outer, adjust: 'CR1' }],
  ranefMultivariate: () => [p.multivariate({ yi: [...yi, 0.2], vi: [...vi, 0.03] }, { random: { levels: [outer, inner] } })],
};

/** Exports that are classes (called with `new`): their constructors take any message. */
export const CLASSES: ReadonlySet<string> = new Set(['InputError', 'TableError', 'UsageError']);
