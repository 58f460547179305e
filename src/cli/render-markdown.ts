import { analysisHeading } from './analysis-heading.ts';
import { transformHint } from './render-text.ts';
import { markdownTable } from './render-table.ts';
import {
  allWarnings, coefficientTable, heterogeneityTable, pooledTable, regressionTests, studyRows, subgroupTable, subgroupTest,
} from './report-tables.ts';
import type { Analysis } from './run-analysis.ts';

/**
 * The Markdown report of `pooled analyze`: pooled estimate (and back-transformed), heterogeneity,
 * the studies, subgroups, meta-regression and warnings, as GitHub-flavoured tables.
 *
 * @example
 * const request = analyzeRequest({ values: { measure: 'RR', columns: ['ai=tpos', 'bi=tneg', 'ci=cpos', 'di=cneg'], label: 'author' },
 *   positionals: ['datasets/bcg.csv'] });
 * const analysis = runAnalysis(request, { step() {}, done() {} });
 * renderMarkdown(analysis) // => '# Meta-analysis of datasets/bcg.csv…| Risk Ratio (exp) | 0.4894 |…' (metafor: predict(res, transf = exp) gives 0.4894)
 */
export function renderMarkdown(a: Analysis): string {
  const out: string[] = [`# Meta-analysis of ${a.file}`, '', analysisHeading(a), ''];
  out.push('## Pooled estimate', '', markdownTable(pooledTable(a)), '', a.summary.description, ...(a.summary.transform === 'none' ? [] : ['', transformHint(a)]), '');
  out.push('## Heterogeneity', '', markdownTable(heterogeneityTable(a)), '');
  out.push('## Studies', '', markdownTable(studyRows(a)), '');
  const subgroups = subgroupTable(a);
  if (subgroups !== undefined) {
    out.push(`## Subgroups by ${a.request.subgroup}`, '', markdownTable(subgroups), '', subgroupTest(a), '');
  }
  const coefficients = coefficientTable(a);
  if (coefficients !== undefined) {
    out.push(`## Meta-regression on ${a.request.moderators.join(', ')}`, '', markdownTable(coefficients), '', ...regressionTests(a).map((l) => `${l}  `), '');
  }
  const warnings = allWarnings(a);
  if (warnings.length > 0) out.push('## Warnings', '', ...warnings.map((w) => `- ${w}`), '');
  return out.join('\n');
}
