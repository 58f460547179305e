import type { InfluenceRegressionRow } from '../diagnostics/influence-regression.ts';
import { formatFixed } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { closingSections } from './printout-sections.ts';
import { textTable } from './text-table.ts';

/**
 * Prints the result of `influenceRegression` as metafor's `print.infl.rma.uni` for a model with
 * moderators: rstudent, dffits, cook.d, cov.r, tau2.del, QE.del, hat, weight and `*` for an
 * influential study, then the DFBETAS of every coefficient.
 *
 * @example
 * const fit = metaRegression({ yi: [0, 2, 1, 5, 3], vi: [1, 1, 1, 1, 1] }, { moderators: { x: [0, 1, 2, 3, 4] }, method: 'EE' });
 * formatInfluenceRegression(influenceRegression(fit), resolveFormatOptions({})).split('\n')[0]
 * // => 'Influence Diagnostics (k = 5; p = 2)'
 */
export function formatInfluenceRegression(rows: readonly InfluenceRegressionRow[], o: ResolvedFormatOptions): string {
  const f = (x: number | null | undefined) => formatFixed(x, o.digits);
  const names = Object.keys(rows[0]?.dfbetas ?? {});
  const head = ['rstudent', 'dffits', 'cook.d', 'cov.r', 'tau2.del', 'QE.del', 'hat', 'weight', 'inf'];
  const cells = rows.map((r) => [
    f(r.rstudent), f(r.dffits), f(r.cookD), f(r.covRatio), f(r.tau2Deleted), f(r.qDeleted), f(r.hat), f(r.weight), r.isInfluential ? '*' : '',
  ]);
  const rowNames = rows.map((r) => String(r.label));
  const failed = rows.flatMap((r) => (typeof r.error === 'string' ? [`refit without ${r.label} failed: ${r.error}`] : []));
  const influential = rows.filter((r) => r.isInfluential).length;
  return [
    `Influence Diagnostics (k = ${rows.length}; p = ${names.length})`,
    '',
    ...textTable(head, cells, { rowNames, gap: 1 }),
    '',
    'DFBETAS:',
    '',
    ...textTable(names, rows.map((r) => names.map((n) => f(r.dfbetas[n]))), { rowNames, gap: 1 }),
    ...closingSections({
      notes: [`${influential} of ${rows.length} studies flagged as influential (*), by metafor's rule (Viechtbauer & Cheung, 2010).`],
      warnings: failed,
    }),
  ].join('\n');
}
