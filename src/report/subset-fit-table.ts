import type { SubsetFit } from '../diagnostics/subset-fit.ts';
import { formatFixed, formatPValue } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { closingSections } from './printout-sections.ts';
import { printoutTransform, transformInterval, transformValue } from './printout-transform.ts';
import { textTable } from './text-table.ts';

/**
 * The table metafor's `print.list.rma` prints for `leave1out` and `cumul`: one row per refit
 * with estimate, se, zval (tval), pval, ci.lb, ci.ub, Q, Qp, tau2, I2, H2 (and k first for
 * cumulative), row names the study labels. With a back-transformation (pass `measure` for the
 * natural one, or `transform`) the estimate and CI bounds are transformed and the SE column
 * stays on the analysis scale, as the closing sentence says. Refits that failed print NA and
 * are listed with their reason.
 *
 * @example
 * subsetFitTable(leaveOneOut(metaAnalysis({ yi: [0.1, 0.3, 0.5], vi: [0.01, 0.02, 0.015] }, { method: 'DL' })), resolveFormatOptions({}), { title: 'Leave-One-Out', withK: false }).split('\n')[2]
 * // => '      estimate     se   zval    pval   ci.lb  ci.ub      Q     Qp   tau2      I2     H2'
 */
export function subsetFitTable(
  rows: readonly SubsetFit[],
  o: ResolvedFormatOptions,
  layout: { readonly title: string; readonly withK: boolean },
): string {
  const d = o.digits;
  const f = (x: number | null | undefined) => formatFixed(x, d);
  const { transform, note } = printoutTransform(o.measure, o.transform, o.n);
  const apply = transform?.apply ?? ((x: number) => x);
  const t = rows.some((r) => r.df !== null && r.df !== undefined);
  const head = [
    ...(layout.withK ? ['k'] : []), 'estimate', 'se', t ? 'tval' : 'zval', ...(t ? ['df'] : []), 'pval', 'ci.lb', 'ci.ub',
    'Q', 'Qp', 'tau2', 'I2', 'H2',
  ];
  const cells = rows.map((r) => {
    const ci = transformInterval(apply, r.ci);
    return [
      ...(layout.withK ? [String(r.k)] : []), f(transformValue(apply, r.estimate)), f(r.se), f(r.statistic),
      ...(t ? [r.df === null || r.df === undefined ? 'NA' : String(r.df)] : []), formatPValue(r.pValue), f(ci.lower), f(ci.upper),
      f(r.q), formatPValue(r.qPValue), f(r.tau2), f(r.i2), f(r.h2),
    ];
  });
  const failed = rows.flatMap((r) => (typeof r.error === 'string' ? [`${r.label}: ${r.error}`] : []));
  const lines = [layout.title, '', ...textTable(head, cells, { rowNames: rows.map((r) => String(r.label)), gap: 1 })];
  const notes = [transform?.description ?? null, note];
  lines.push(...closingSections({ notes, warnings: failed.length ? failed.map((x) => `refit failed: ${x}`) : [] }));
  return lines.join('\n');
}
