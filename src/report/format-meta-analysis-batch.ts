import type { MetaAnalysisBatchResult } from '../models/batch/meta-analysis-batch.ts';
import { formatFixed, formatPValue } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { textTable } from './text-table.ts';

/** Analyses printed in full; the rest are summarised. */
const SHOWN = 10;

/**
 * Prints a `metaAnalysisBatch` result: the model, how many analyses were fitted or refused, and
 * a table of the first ten (k, estimate, SE, CI, τ², I², Q and its p-value), then how many
 * analyses have warnings and the first of them. Reads the columns by index, so a result after
 * `JSON.stringify` (arrays with null) prints the same.
 *
 * @example
 * formatMetaAnalysisBatch(metaAnalysisBatch({ yi: [0.1, 0.3, 0.5], vi: [0.01, 0.02, 0.015], offsets: [0, 3] }, { method: 'DL' }), resolveFormatOptions({}))
 * // => 'Batch of 1 meta-analysis (tau² estimator: DL, z test, 95% level)…0.2922…'
 */
export function formatMetaAnalysisBatch(r: MetaAnalysisBatchResult, o: ResolvedFormatOptions): string {
  const at = (column: ArrayLike<number | null>, j: number) => column[j] ?? NaN;
  const f = (x: number) => formatFixed(Number.isFinite(x) ? x : null, o.digits);
  // loops run over the columns as they are (a damaged `m` cannot make them run away)
  const m = r.estimate.length;
  let fitted = 0;
  for (let j = 0; j < m; j++) if (Number.isFinite(at(r.estimate, j))) fitted++;
  const lines = [
    `Batch of ${r.m} meta-analys${r.m === 1 ? 'is' : 'es'} (tau² estimator: ${r.method}, ${r.test} test, ${100 * r.level}% level)`,
    `Fitted: ${fitted}; refused: ${m - fitted}.`,
    '',
  ];
  const rows: string[][] = [];
  for (let j = 0; j < Math.min(SHOWN, m); j++) {
    rows.push([
      String(at(r.k, j)), f(at(r.estimate, j)), f(at(r.se, j)), f(at(r.ciLower, j)), f(at(r.ciUpper, j)),
      f(at(r.tau2, j)), formatFixed(Number.isFinite(at(r.i2, j)) ? at(r.i2, j) : null, 2), f(at(r.q, j)),
      Number.isFinite(at(r.qPValue, j)) ? formatPValue(at(r.qPValue, j)) : 'NA',
    ]);
  }
  const names = rows.map((_, j) => String(j + 1));
  lines.push(...textTable(['k', 'estimate', 'se', 'ci.lb', 'ci.ub', 'tau2', 'I2', 'Q', 'Qp'], rows, { rowNames: names }));
  if (m > SHOWN) lines.push(`… and ${m - SHOWN} more analyses (the result holds every column for all of them).`);
  const warned = r.warnings.map((w, j) => ({ j, w })).filter((x) => x.w.length > 0);
  if (warned.length > 0) {
    lines.push('', `Warnings in ${warned.length} analys${warned.length === 1 ? 'is' : 'es'}; first: analysis ${warned[0]!.j + 1}: ${warned[0]!.w[0]}`);
  }
  return lines.join('\n');
}
