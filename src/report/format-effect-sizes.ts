import type { EffectSizes } from '../types.ts';
import { formatFixed } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { formatStudyTable } from './format-study-table.ts';
import { closingSections } from './printout-sections.ts';
import { studyTable } from './study-table.ts';
import { textTable } from './text-table.ts';

/**
 * Prints an `effectSizes` result as metafor's `print.escalc`: one row per input row with yi and
 * vi (NA where a row is unusable; the reason is among the warnings). When a back-transformation
 * applies (by default the measure's natural one), the per-study table on that scale follows.
 *
 * @example
 * formatEffectSizes(effectSizes('OR', [{ ai: 4, bi: 119, ci: 11, di: 128 }, { ai: 6, bi: 300, ci: 29, di: 274 }]), resolveFormatOptions({})).split('\n')[0]
 * // => 'Effect Sizes (measure OR; 2 rows)'
 */
export function formatEffectSizes(es: EffectSizes, o: ResolvedFormatOptions): string {
  const d = o.digits;
  const lines = [
    `Effect Sizes (measure ${es.measure}; ${es.yi.length} row${es.yi.length === 1 ? '' : 's'})`,
    '',
    ...textTable(['yi', 'vi'], es.yi.map((y, i) => [formatFixed(y, d), formatFixed(es.vi[i], d)]), {
      rowNames: es.yi.map((_, i) => (typeof es.labels?.[i] === 'string' ? es.labels[i]! : `row ${i + 1}`)),
    }),
  ];
  const table = studyTable(es, { transform: o.transform, n: o.n });
  if (table.transform !== 'none') lines.push('', formatStudyTable(table, d));
  lines.push(...closingSections({ notes: [], warnings: es.warnings }));
  return lines.join('\n');
}
