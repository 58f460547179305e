import type { MultilevelInfluence } from '../diagnostics/influence-multilevel.ts';
import { formatFixed } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { closingSections } from './printout-sections.ts';
import { textTable } from './text-table.ts';

/**
 * Prints the result of `influenceMultilevel`: one row per deleted unit (row or cluster) with
 * Cook's distance, the DFBETAS of every coefficient and the re-estimated σ², then the rows' hat
 * values (metafor's `cooks.distance`, `dfbetas`, `hatvalues` for `rma.mv`).
 *
 * @example
 * const fit = multilevel({ yi: [0.1, 0.3, 0.9, 1.1, -0.2, 0, 0.4, 0.5], vi: [0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.02, 0.02] },
 *   { levels: [['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd'], ['1', '2', '1', '2', '1', '2', '1', '2']] });
 * formatInfluenceMultilevel(influenceMultilevel(fit, { cluster: ['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd'] }), resolveFormatOptions({})).split('\n')[0]
 * // => 'Influence Diagnostics of the Multilevel Model (4 deletions; k = 8)'
 */
export function formatInfluenceMultilevel(r: MultilevelInfluence, o: ResolvedFormatOptions): string {
  const f = (x: number | null | undefined) => formatFixed(x, o.digits);
  const names = Object.keys(r.deletions[0]?.dfbetas ?? {});
  const nLevels = Math.max(0, ...r.deletions.map((d) => d.sigma2Deleted?.length ?? 0));
  const head = ['cook.d', ...names.map((n) => `dfbs.${n}`), ...Array.from({ length: nLevels }, (_, l) => `sigma2.${l + 1}.del`)];
  const cells = r.deletions.map((d) => [
    f(d.cookD), ...names.map((n) => f(d.dfbetas[n])), ...Array.from({ length: nLevels }, (_, l) => f(d.sigma2Deleted?.[l])),
  ]);
  const failed = r.deletions.flatMap((d) => (typeof d.error === 'string' ? [`refit without ${d.label} failed: ${d.error}`] : []));
  return [
    `Influence Diagnostics of the Multilevel Model (${r.deletions.length} deletions; k = ${r.hat.length})`,
    '',
    ...textTable(head, cells, { rowNames: r.deletions.map((d) => d.label), gap: 1 }),
    '',
    'Hat values:',
    '',
    ...textTable(['hat'], r.hat.map((h) => [f(h)]), { rowNames: [...r.labels], gap: 1 }),
    ...closingSections({ notes: [], warnings: failed }),
  ].join('\n');
}
