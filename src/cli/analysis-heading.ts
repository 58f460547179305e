import { analysisScale } from '../effect-sizes/back-transform.ts';
import type { Analysis } from './run-analysis.ts';

/**
 * One sentence on what was analysed: the file, the measure, how many rows entered the model,
 * the model and its test.
 *
 * @example
 * const request = analyzeRequest({ values: { measure: 'RR', columns: ['ai=tpos', 'bi=tneg', 'ci=cpos', 'di=cneg'], label: 'author' },
 *   positionals: ['datasets/bcg.csv'] });
 * const analysis = runAnalysis(request, { step() {}, done() {} });
 * analysisHeading(analysis);
 * // => 'datasets/bcg.csv: 13 rows, measure RR (log risk ratio); 13 studies in a random-effects model (REML, z test, 95% level)'
 */
export function analysisHeading(a: Analysis): string {
  const m = a.model;
  const scale = analysisScale(a.request.measure).toLowerCase();
  const model = m.method === 'EE' ? 'an equal-effects model' : `a random-effects model (${m.method}`;
  const test = m.test === 'knha' ? 'Knapp-Hartung' : m.test;
  return `${a.file}: ${a.rows} rows, measure ${a.request.measure} (${scale}); `
    + `${m.k} stud${m.k === 1 ? 'y' : 'ies'} in ${model}${m.method === 'EE' ? ' (' : ', '}${test} test, ${Math.round(m.level * 1000) / 10}% level)`;
}
