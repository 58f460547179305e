import type { InfluenceRow } from '../diagnostics/influence.ts';
import { formatFixed } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { closingSections } from './printout-sections.ts';
import { textTable } from './text-table.ts';

/**
 * Prints the result of `influence` as metafor's `print.infl.rma.uni`: one row per study with
 * rstudent, dffits, cook.d, cov.r, tau2.del, QE.del, hat, weight, dfbs and `*` in the `inf`
 * column for an influential study. These are diagnostics, not estimates: no back-transformation
 * applies.
 *
 * @example
 * formatInfluence(influence(metaAnalysis({ yi: [0.1, 0.3, 0.5], vi: [0.01, 0.02, 0.015] }, { method: 'DL' })), resolveFormatOptions({})).split('\n')[0]
 * // => 'Influence Diagnostics (k = 3)'
 */
export function formatInfluence(rows: readonly InfluenceRow[], o: ResolvedFormatOptions): string {
  const f = (x: number | null | undefined) => formatFixed(x, o.digits);
  const head = ['rstudent', 'dffits', 'cook.d', 'cov.r', 'tau2.del', 'QE.del', 'hat', 'weight', 'dfbs', 'inf'];
  const cells = rows.map((r) => [
    f(r.rstudent), f(r.dffits), f(r.cookD), f(r.covRatio), f(r.tau2Deleted), f(r.qDeleted), f(r.hat), f(r.weight), f(r.dfbetas),
    r.isInfluential ? '*' : '',
  ]);
  const failed = rows.flatMap((r) => (typeof r.error === 'string' ? [`refit without ${r.label} failed: ${r.error}`] : []));
  const influential = rows.filter((r) => r.isInfluential).length;
  return [
    `Influence Diagnostics (k = ${rows.length})`,
    '',
    ...textTable(head, cells, { rowNames: rows.map((r) => String(r.label)), gap: 1 }),
    ...closingSections({
      notes: [`${influential} of ${rows.length} studies flagged as influential (*), by metafor's rule (Viechtbauer & Cheung, 2010).`],
      warnings: failed,
    }),
  ].join('\n');
}
