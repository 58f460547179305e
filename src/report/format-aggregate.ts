import type { AggregateResult } from '../models/multivariate/aggregate.ts';
import type { VcalcResult } from '../models/multivariate/vcalc.ts';
import type { MultivariateRandomEffects } from '../models/multivariate/ranef-multivariate.ts';
import { formatFixed } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { closingSections } from './printout-sections.ts';
import { textTable } from './text-table.ts';

/**
 * Prints an `aggregate` result as a table of clusters (estimate, variance, rows aggregated),
 * with the structure used.
 *
 * @example
 * const agg = aggregate({ yi: [0.2, 0.4, 1], vi: [0.04, 0.04, 0.02] }, { cluster: ['a', 'a', 'b'], rho: 0.5 });
 * formatAggregate(agg, resolveFormatOptions({})).split('\n')[0]
 * // => 'Aggregated estimates (2 clusters; struct: CS, inverse-variance weighted)'
 */
export function formatAggregate(r: AggregateResult, o: ResolvedFormatOptions): string {
  const d = o.digits;
  return [
    `Aggregated estimates (${r.cluster.length} clusters; struct: ${r.struct}, ${r.weighted ? 'inverse-variance weighted' : 'unweighted'})`, '',
    ...textTable(['yi', 'vi', 'ki'], r.cluster.map((_, i) => [formatFixed(r.yi[i], d), formatFixed(r.vi[i], d), String(r.ki[i])]), { rowNames: r.cluster }),
    ...closingSections({ notes: [], warnings: r.warnings }),
  ].join('\n');
}

/**
 * Prints a `vcalc` result: each cluster's block of the sampling covariance matrix (rows
 * numbered as in the data, 1-based).
 *
 * @example
 * const v = vcalc({ vi: [0.04, 0.09, 0.01] }, { cluster: ['a', 'a', 'b'], obs: [1, 2, 1], rho: 0.5 });
 * formatVcalc(v, resolveFormatOptions({})).split('\n')[0]
 * // => 'Block-diagonal sampling covariance matrix (k = 3; 2 clusters, largest block 2)'
 */
export function formatVcalc(r: VcalcResult, o: ResolvedFormatOptions): string {
  const lines = [`Block-diagonal sampling covariance matrix (k = ${r.k}; ${r.blocks.length} clusters, largest block ${Math.max(...r.blocks.map((b) => b.index.length))})`];
  for (const b of r.blocks) {
    const names = b.index.map((i) => String(i + 1));
    lines.push('', `cluster ${b.cluster}:`, ...textTable(names, b.matrix.map((row) => row.map((x) => formatFixed(x, o.digits))), { rowNames: names }));
  }
  lines.push(...closingSections({ notes: [], warnings: r.warnings }));
  return lines.join('\n');
}

/**
 * Prints the predicted random effects of a `multivariate` fit (metafor's `ranef.rma.mv`): one
 * table per random term with the prediction, SE and interval of each group.
 *
 * @example
 * const fit = multivariate({ yi: [0, 0, 1, 1], vi: [0.1, 0.1, 0.1, 0.1] }, { random: { levels: [['a', 'a', 'b', 'b']] } });
 * formatRandomEffects(ranefMultivariate(fit), resolveFormatOptions({})).split('\n')[0]
 * // => 'Random effects: id'
 */
export function formatRandomEffects(r: MultivariateRandomEffects, o: ResolvedFormatOptions): string {
  const d = o.digits;
  const pct = `${Math.round(r.level * 1000) / 10}%`;
  return r.terms.flatMap((t, i) => [
    ...(i > 0 ? [''] : []), `Random effects: ${t.term}`, '',
    ...textTable(['estimate', 'se', `pi.lb (${pct})`, 'pi.ub'],
      t.effects.map((e) => [formatFixed(e.estimate, d), formatFixed(e.se, d), formatFixed(e.pi.lower, d), formatFixed(e.pi.upper, d)]),
      { rowNames: t.effects.map((e) => e.label) }),
  ]).join('\n');
}
