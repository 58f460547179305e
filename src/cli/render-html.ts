import { htmlReport, type ReportSection } from '../report/html-report.ts';
import { analysisHeading } from './analysis-heading.ts';
import { forestFigure, funnelFigure } from './figures.ts';
import type { TextTable } from './render-table.ts';
import { transformHint } from './render-text.ts';
import {
  allWarnings, coefficientTable, heterogeneityTable, pooledTable, regressionTests, studyRows, subgroupTable, subgroupTest,
} from './report-tables.ts';
import type { Analysis } from './run-analysis.ts';

const table = (t: TextTable, caption?: string): ReportSection =>
  ({ kind: 'table', columns: t.head, rows: t.rows, ...(caption === undefined ? {} : { caption }) });

/**
 * The HTML report of `pooled analyze` (`htmlReport`: one self-contained file, inline CSS and
 * SVG, no script): the tables of the Markdown report with the forest and funnel plots.
 *
 * @example
 * const request = analyzeRequest({ values: { measure: 'RR', columns: ['ai=tpos', 'bi=tneg', 'ci=cpos', 'di=cneg'], label: 'author' },
 *   positionals: ['datasets/bcg.csv'] });
 * const analysis = runAnalysis(request, { step() {}, done() {} });
 * renderHtml(analysis) // => '<!DOCTYPE html>…<svg…</html>\n' (what --format html writes)
 */
export function renderHtml(a: Analysis): string {
  const s: ReportSection[] = [
    { kind: 'heading', text: `Meta-analysis of ${a.file}`, level: 1 },
    { kind: 'text', text: analysisHeading(a) },
    { kind: 'heading', text: 'Pooled estimate', level: 2 },
    table(pooledTable(a)),
    { kind: 'text', text: a.summary.transform === 'none' ? a.summary.description : `${a.summary.description}\n\n${transformHint(a)}` },
    { kind: 'heading', text: 'Heterogeneity', level: 2 },
    table(heterogeneityTable(a)),
    { kind: 'heading', text: 'Studies', level: 2 },
    { kind: 'figure', svg: forestFigure(a), caption: 'Forest plot' },
    table(studyRows(a)),
    { kind: 'figure', svg: funnelFigure(a), caption: 'Funnel plot' },
  ];
  const subgroups = subgroupTable(a);
  if (subgroups !== undefined) s.push({ kind: 'heading', text: `Subgroups by ${a.request.subgroup}`, level: 2 }, table(subgroups), { kind: 'text', text: subgroupTest(a) });
  const coefficients = coefficientTable(a);
  if (coefficients !== undefined) {
    s.push({ kind: 'heading', text: `Meta-regression on ${a.request.moderators.join(', ')}`, level: 2 }, table(coefficients), { kind: 'text', text: regressionTests(a).join('\n\n') });
  }
  const warnings = allWarnings(a);
  if (warnings.length > 0) s.push({ kind: 'heading', text: 'Warnings', level: 2 }, { kind: 'text', text: warnings.join('\n\n') });
  return htmlReport(s, { title: `Meta-analysis of ${a.file}` });
}
