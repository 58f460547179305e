import type { GoshResult } from '../diagnostics/gosh.ts';
import { formatFixed } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { textTable } from './text-table.ts';

/**
 * Prints a `gosh` result as metafor's `print.gosh.rma`: the model and the number of subsets
 * fitted, then the mean, minimum, quartiles and maximum of Q, I², τ² and the estimate over the
 * subsets (subsets the engine refused are left out). Reads the columns by index, so a result
 * after `JSON.stringify` prints the same.
 *
 * @example
 * formatGosh(gosh(metaAnalysis({ yi: [0.1, 0.3, 0.5], vi: [0.01, 0.02, 0.015] }, { method: 'DL' })), resolveFormatOptions({}))
 * // => 'Model fits attempted: 7…estimate…'
 */
export function formatGosh(r: GoshResult, o: ResolvedFormatOptions): string {
  const columns: [string, ArrayLike<number | null>][] = [['Q', r.q], ['I2', r.i2], ['tau2', r.tau2], ['estimate', r.estimate]];
  // loops run over the columns as they are (a damaged `subsets` count cannot make them run away)
  const n = r.estimate.length;
  let fitted = 0;
  for (let s = 0; s < n; s++) if (Number.isFinite(r.estimate[s] ?? NaN)) fitted++;
  const rows = columns.map(([, values]) => {
    const x: number[] = [];
    for (let s = 0; s < values.length; s++) {
      const value = values[s] ?? NaN;
      if (Number.isFinite(value)) x.push(value);
    }
    x.sort((a, b) => a - b);
    const at = (p: number) => (x.length === 0 ? null : x[Math.min(x.length - 1, Math.floor(p * (x.length - 1)))]!);
    const mean = x.length === 0 ? null : x.reduce((a, b) => a + b, 0) / x.length;
    return [mean, at(0), at(0.25), at(0.5), at(0.75), at(1)].map((v) => formatFixed(v, o.digits));
  });
  return [
    `Model fits attempted: ${r.subsets}${r.exhaustive ? ' (every subset)' : ` (random subsets, seed ${r.seed})`}`,
    `Model fits succeeded: ${fitted}`,
    `tau² estimator: ${r.method}; k = ${r.k}`,
    '',
    ...textTable(['mean', 'min', 'q1', 'median', 'q3', 'max'], rows, { rowNames: columns.map(([name]) => name) }),
  ].join('\n');
}
