import { column } from '../io/column.ts';
import { forestPlot } from '../plots/forest-plot.ts';
import { funnelPlot } from '../plots/funnel-plot.ts';
import type { Analysis } from './run-analysis.ts';

/**
 * The forest plot of the analysis as SVG (`forestPlot`), back-transformed as the report, with
 * subgroup blocks when `--subgroup` was given and every study in the model has a subgroup label.
 *
 * @example
 * const request = analyzeRequest({ values: { measure: 'RR', columns: ['ai=tpos', 'bi=tneg', 'ci=cpos', 'di=cneg'], label: 'author' },
 *   positionals: ['datasets/bcg.csv'] });
 * const analysis = runAnalysis(request, { step() {}, done() {} });
 * forestFigure(analysis) // => '<svg xmlns="http://www.w3.org/2000/svg"…Aronson…</svg>' (what --forest FILE.svg writes)
 */
export function forestFigure(a: Analysis): string {
  const groups = subgroupOfModelRows(a);
  return forestPlot(a.model, {
    transform: a.summary.transform, ...(a.n === undefined ? {} : { n: a.n }), ...(groups === undefined ? {} : { groups }),
  });
}

/**
 * The funnel plot of the analysis as SVG (`funnelPlot`), back-transformed as the report.
 *
 * @example
 * const request = analyzeRequest({ values: { measure: 'RR', columns: ['ai=tpos', 'bi=tneg', 'ci=cpos', 'di=cneg'], label: 'author' },
 *   positionals: ['datasets/bcg.csv'] });
 * const analysis = runAnalysis(request, { step() {}, done() {} });
 * funnelFigure(analysis) // => '<svg xmlns="http://www.w3.org/2000/svg"…</svg>' (what --funnel FILE.svg writes)
 */
export function funnelFigure(a: Analysis): string {
  return funnelPlot(a.model, { transform: a.summary.transform, ...(a.n === undefined ? {} : { n: a.n }) });
}

/** The subgroup of each study in the model (rows with a finite yi and vi), or undefined. */
function subgroupOfModelRows(a: Analysis): string[] | undefined {
  if (a.request.subgroup === undefined) return undefined;
  const labels = column(a.table, a.request.subgroup);
  const inModel = labels.filter((_, i) => Number.isFinite(a.effects.yi[i]) && Number.isFinite(a.effects.vi[i]));
  return inModel.every((g) => g !== null) ? inModel.map(String) : undefined;
}
