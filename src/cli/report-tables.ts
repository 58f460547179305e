import { backTransform } from '../effect-sizes/back-transform.ts';
import { formatFixed, formatPValue } from '../report/format-number.ts';
import { studyTable } from '../report/study-table.ts';
import type { Analysis } from './run-analysis.ts';
import type { TextTable } from './render-table.ts';

const f = (x: number | null | undefined, digits = 4) => formatFixed(x, digits);
const interval = (lower: number | null, upper: number | null, digits = 4) => `[${f(lower, digits)}, ${f(upper, digits)}]`;

/** `95%` for a level of 0.95. */
export function percent(level: number): string {
  return `${Math.round(level * 1000) / 10}%`;
}

/**
 * The pooled estimate on the analysis scale and, when a transform applies, back-transformed.
 *
 * @example
 * const request = analyzeRequest({ values: { measure: 'RR', columns: ['ai=tpos', 'bi=tneg', 'ci=cpos', 'di=cneg'], label: 'author' },
 *   positionals: ['datasets/bcg.csv'] });
 * const analysis = runAnalysis(request, { step() {}, done() {} });
 * pooledTable(analysis).rows;
 * // => [['Log Risk Ratio', '-0.7145', '0.1798', '[-1.0669, -0.3622]', '[-1.8667, 0.4376]', '7.05e-5'],
 * //     ['Risk Ratio (exp)', '0.4894', '', '[0.3441, 0.6962]', '[0.1546, 1.5490]', '']] (metafor: rma and predict(transf = exp) on dat.bcg)
 */
export function pooledTable(a: Analysis): TextTable {
  const m = a.model;
  const s = a.summary;
  const level = percent(m.level);
  const pi = (p: { lower: number | null; upper: number | null } | null) => (p === null ? '' : interval(p.lower, p.upper));
  const rows: string[][] = [[
    s.analysis.scale, f(m.estimate), f(m.se), interval(m.ci.lower, m.ci.upper), pi(m.predictionInterval), formatPValue(m.pValue),
  ]];
  if (s.transform !== 'none') rows.push([`${s.scale} (${s.transform})`, f(s.estimate), '', interval(s.ci.lower, s.ci.upper), pi(s.predictionInterval), '']);
  return { head: ['scale', 'estimate', 'se', `${level} CI`, `${level} prediction interval`, 'p'], rows };
}

/**
 * Heterogeneity: τ², τ, I², H² with their Q-profile intervals, and Cochran's Q.
 *
 * @example
 * const request = analyzeRequest({ values: { measure: 'RR', columns: ['ai=tpos', 'bi=tneg', 'ci=cpos', 'di=cneg'], label: 'author' },
 *   positionals: ['datasets/bcg.csv'] });
 * const analysis = runAnalysis(request, { step() {}, done() {} });
 * heterogeneityTable(analysis).head; // => ['statistic', 'value', '95% CI']
 */
export function heterogeneityTable(a: Analysis): TextTable {
  const m = a.model;
  const ci = (c: { lower: number | null; upper: number | null } | undefined, digits = 4) => (c ? interval(c.lower, c.upper, digits) : '');
  return {
    head: ['statistic', 'value', `${percent(m.level)} CI`],
    rows: [
      ['tau^2', f(m.tau2), ci(m.tau2Ci)],
      ['tau', f(m.tau), m.tau2Ci ? interval(root(m.tau2Ci.lower), root(m.tau2Ci.upper)) : ''],
      ['I^2 (%)', f(m.i2, 2), ci(m.i2Ci, 2)],
      ['H^2', f(m.h2, 2), ci(m.h2Ci, 2)],
      [`Q (df = ${m.qDf})`, f(m.q), `p = ${formatPValue(m.qPValue)}`],
    ],
  };
}

function root(x: number | null): number | null {
  return x === null ? null : Math.sqrt(x);
}

/**
 * One row per study of the model (`studyTable` of the fit): estimate and Wald interval,
 * back-transformed as the summary, its SE on the analysis scale and its weight (percent).
 *
 * @example
 * const request = analyzeRequest({ values: { measure: 'RR', columns: ['ai=tpos', 'bi=tneg', 'ci=cpos', 'di=cneg'], label: 'author' },
 *   positionals: ['datasets/bcg.csv'] });
 * const analysis = runAnalysis(request, { step() {}, done() {} });
 * studyRows(analysis).rows[0]; // => ['Aronson', '0.4109', '0.5706', '[0.1343, 1.2574]', '5.06'] (metafor: exp(yi), sei, exp(CI), weights(res) for dat.bcg row 1)
 */
export function studyRows(a: Analysis): TextTable {
  const t = studyTable(a.model, { transform: a.summary.transform, ...(a.n === undefined ? {} : { n: a.n }) });
  return {
    head: ['study', t.scale, 'se', `${percent(t.level)} CI`, 'weight %'],
    rows: t.rows.map((r) => [r.label, f(r.estimate), f(r.se), interval(r.ci.lower, r.ci.upper), f(r.weight, 2)]),
  };
}

/**
 * Subgroups: each one's pooled estimate (and back-transformed), τ², I² and k.
 *
 * @example
 * const request = analyzeRequest({ values: { measure: 'RR', columns: ['ai=tpos', 'bi=tneg', 'ci=cpos', 'di=cneg'], subgroup: 'alloc' },
 *   positionals: ['datasets/bcg.csv'] });
 * const analysis = runAnalysis(request, { step() {}, done() {} });
 * subgroupTable(analysis)?.rows.map((row) => row[0]); // => ['alternate', 'random', 'systematic']
 */
export function subgroupTable(a: Analysis): TextTable | undefined {
  const s = a.subgroups;
  if (s === undefined) return undefined;
  const bt = backTransform(a.request.measure, a.summary.transform, a.n === undefined ? {} : { n: a.n });
  const extra = bt.name === 'none' ? [] : [bt.scale, `${percent(a.model.level)} CI (${bt.name})`];
  return {
    head: [a.request.subgroup ?? 'subgroup', 'k', 'estimate', 'se', `${percent(a.model.level)} CI`, 'tau^2', 'I^2 (%)', ...extra],
    rows: s.groups.map((g) => [
      g.level, String(g.k), f(g.estimate), f(g.se), interval(g.ci.lower, g.ci.upper), f(g.tau2), f(g.i2, 2),
      ...(bt.name === 'none' ? [] : [f(bt.apply(g.estimate)), interval(nullable(bt.apply, g.ci.lower), nullable(bt.apply, g.ci.upper))]),
    ]),
  };
}

function nullable(g: (x: number) => number, x: number | null): number | null {
  return x === null ? null : g(x);
}

/**
 * Meta-regression coefficients with their tests.
 *
 * @example
 * const request = analyzeRequest({ values: { measure: 'RR', columns: ['ai=tpos', 'bi=tneg', 'ci=cpos', 'di=cneg'], moderators: ['ablat'] },
 *   positionals: ['datasets/bcg.csv'] });
 * const analysis = runAnalysis(request, { step() {}, done() {} });
 * coefficientTable(analysis)?.rows.map((row) => row[0]); // => ['intercept', 'ablat']
 */
export function coefficientTable(a: Analysis): TextTable | undefined {
  const r = a.regression;
  if (r === undefined) return undefined;
  return {
    head: ['coefficient', 'estimate', 'se', r.test === 'z' ? 'zval' : 'tval', 'p', `${percent(r.level)} CI`],
    rows: r.coefficients.map((c) => [c.name, f(c.estimate), f(c.se), f(c.statistic), formatPValue(c.pValue), interval(c.ci.lower, c.ci.upper)]),
  };
}

/**
 * The line under the subgroup table: the test of subgroup differences.
 *
 * @example
 * const request = analyzeRequest({ values: { measure: 'RR', columns: ['ai=tpos', 'bi=tneg', 'ci=cpos', 'di=cneg'], subgroup: 'alloc' },
 *   positionals: ['datasets/bcg.csv'] });
 * const analysis = runAnalysis(request, { step() {}, done() {} });
 * subgroupTest(analysis); // => 'Test for subgroup differences: Q(df = 2) = 1.8614, p-val = 0.3943'
 * // (metafor: QM of rma(est, sei = se, mods = ~ alloc, method = 'FE') over the three REML subgroup fits)
 */
export function subgroupTest(a: Analysis): string {
  const b = a.subgroups!.between;
  return `Test for subgroup differences: Q(df = ${b.df}) = ${f(b.q)}, p-val = ${formatPValue(b.pValue)}`;
}

/**
 * The lines under the coefficient table: residual heterogeneity and the omnibus test.
 *
 * @example
 * const request = analyzeRequest({ values: { measure: 'RR', columns: ['ai=tpos', 'bi=tneg', 'ci=cpos', 'di=cneg'], moderators: ['ablat'] },
 *   positionals: ['datasets/bcg.csv'] });
 * const analysis = runAnalysis(request, { step() {}, done() {} });
 * regressionTests(analysis)[1]; // => 'Test of moderators: QM(df = 1) = 16.3582, p-val = 5.24e-5'
 * // (metafor 5.1-12: rma(yi, vi, mods = ~ ablat, control = list(threshold = 1e-12)); its default threshold stops at 16.3571)
 */
export function regressionTests(a: Analysis): string[] {
  const r = a.regression!;
  const qm = r.test === 'z' ? `QM(df = ${r.qmDf})` : `F(df1 = ${r.qmDf}, df2 = ${r.df})`;
  return [
    `k = ${r.k}; residual tau^2 = ${f(r.tau2)}, I^2 = ${f(r.i2, 2)}%, R^2 = ${f(r.r2, 2)}%; QE(df = ${r.qeDf}) = ${f(r.qe)}, p-val = ${formatPValue(r.qePValue)}`,
    `Test of moderators: ${qm} = ${f(r.qm)}, p-val = ${formatPValue(r.qmPValue)}`,
  ];
}

/**
 * Every warning of the analysis once, in order: effect sizes, model, subgroups, regression.
 *
 * @example
 * const request = analyzeRequest({ values: { measure: 'RR', columns: ['ai=tpos', 'bi=tneg', 'ci=cpos', 'di=cneg'], subgroup: 'alloc' },
 *   positionals: ['datasets/bcg.csv'] });
 * const analysis = runAnalysis(request, { step() {}, done() {} });
 * allWarnings(analysis); // => ['[alternate] A Q-profile bound for tau² lies beyond metafor…']
 */
export function allWarnings(a: Analysis): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const w of [...a.effects.warnings, ...a.model.warnings, ...(a.subgroups?.warnings ?? []), ...(a.regression?.warnings ?? [])]) {
    if (!seen.has(w)) {
      seen.add(w);
      out.push(w);
    }
  }
  return out;
}
