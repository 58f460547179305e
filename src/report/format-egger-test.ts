import type { EggerTestResult } from '../bias/egger-test.ts';
import { formatFixed } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { formatTestStatistic } from './format-test-statistic.ts';
import { closingSections } from './printout-sections.ts';
import { printoutTransform, transformInterval, transformValue } from './printout-transform.ts';

const PREDICTOR = {
  sei: 'standard error', vi: 'sampling variance', ni: 'sample size', ninv: 'inverse of the sample size',
  sqrtni: 'square root sample size', sqrtninv: 'inverse of the square root sample size',
} as const;
const LIMIT: Readonly<Record<string, string>> = { sei: 'sei -> 0', vi: 'vi -> 0', ninv: 'ni -> inf', sqrtninv: 'ni -> inf' };

/**
 * Prints an `eggerTest` result as metafor's `print.regtest`: the model, the predictor, the test
 * for funnel plot asymmetry (z, or t with its df) and the limit estimate as the predictor goes
 * to 0 (or nᵢ to infinity) with its CI, left out for the predictors `ni` and `sqrtni` as in
 * metafor. With a back-transformation (pass `measure` for the natural one, or
 * `transform`) the limit estimate and its CI are also given on that scale.
 *
 * @example
 * formatEggerTest(eggerTest(metaAnalysis({ yi: [0.3, 0.1, 0.8, 0.45, 0.2, 0.62, 0.95], vi: [0.02, 0.05, 0.11, 0.07, 0.03, 0.09, 0.15] })), resolveFormatOptions({})).split('\n')[5]
 * // => 'Test for Funnel Plot Asymmetry: z = 2.1133, p = 0.0346'  (metafor regtest: z = 2.1133, p = 0.0346)
 */
export function formatEggerTest(r: EggerTestResult, o: ResolvedFormatOptions): string {
  const d = o.digits;
  const f = (x: number | null | undefined) => formatFixed(x, d);
  const model = r.model === 'lm'
    ? 'weighted regression with multiplicative dispersion'
    : `${r.method === 'EE' ? 'fixed-effects' : 'mixed-effects'} meta-regression model`;
  const stat = formatTestStatistic(r.df === null ? 'z' : 't', r.statistic, null, r.pValue, d, 'p');
  const test = r.df === null ? stat : stat.replace(', p = ', `, df = ${r.df}, p = `);
  const lines = [
    'Regression Test for Funnel Plot Asymmetry',
    '',
    `Model:     ${model}`,
    `Predictor: ${PREDICTOR[r.predictor] ?? r.predictor}`,
    '',
    `Test for Funnel Plot Asymmetry: ${test}`,
  ];
  if (r.limitEstimate !== null && r.limitEstimate !== undefined) {
    const limit = `Limit Estimate (as ${LIMIT[r.predictor] ?? `${r.predictor} -> 0`}):`.padEnd(32);
    lines.push(`${limit}b = ${f(r.limitEstimate)} (CI: ${f(r.limitCi?.lower)}, ${f(r.limitCi?.upper)})`);
    const { transform, note } = printoutTransform(o.measure, o.transform, o.n);
    if (transform) {
      const ci = transformInterval(transform.apply, r.limitCi);
      lines.push(
        `${`Limit Estimate (${transform.scale}):`.padEnd(32)}${f(transformValue(transform.apply, r.limitEstimate))} (CI: ${f(ci.lower)}, ${f(ci.upper)})`,
        '',
        transform.description,
      );
    }
    lines.push(...closingSections({ notes: [note], warnings: r.warnings }));
    return lines.join('\n');
  }
  lines.push(...closingSections({ notes: [], warnings: r.warnings }));
  return lines.join('\n');
}
