import { formatResult } from '../report/format-result.ts';
import { analysisHeading } from './analysis-heading.ts';
import { textTable } from './render-table.ts';
import {
  allWarnings, coefficientTable, pooledTable, regressionTests, subgroupTable, subgroupTest,
} from './report-tables.ts';
import type { Analysis } from './run-analysis.ts';

/**
 * The text report of `pooled analyze`: what was analysed, metafor's printout of the model
 * (`formatResult`), the estimate back-transformed with a sentence saying how, then subgroups,
 * meta-regression and every warning.
 *
 * @example
 * console.log(renderText(runAnalysis(request, progress)));
 */
export function renderText(a: Analysis): string {
  const out: string[] = [analysisHeading(a), '', formatResult(a.model), ''];
  out.push(textTable(pooledTable(a)), '', transformNote(a));
  const subgroups = subgroupTable(a);
  if (subgroups !== undefined) {
    out.push('', `Subgroups by ${a.request.subgroup} (separate tau^2 per subgroup):`, '', textTable(subgroups), '', subgroupTest(a));
  }
  const coefficients = coefficientTable(a);
  if (coefficients !== undefined) {
    out.push('', `Meta-regression on ${a.request.moderators.join(', ')}:`, '', textTable(coefficients), '', ...regressionTests(a));
  }
  const warnings = allWarnings(a).filter((w) => !a.model.warnings.includes(w));
  if (warnings.length > 0) out.push('', 'Notes on the data:', ...warnings.map((w) => `- ${w}`));
  return `${out.join('\n')}\n`;
}

/**
 * The sentence saying which back-transformation was applied, and how to change it.
 *
 * @example
 * transformNote(analysis); // => 'Estimates and interval bounds are exponentiated … Use --transform none …'
 */
export function transformNote(a: Analysis): string {
  const t = a.summary.transform;
  const hint = t.name === 'none' ? '' : ' Use --transform none to report on the analysis scale only.';
  return `${t.description}${hint}`;
}
