import { formatFixed } from './format-number.ts';
import { textTable } from './text-table.ts';

/** One variance component of a multilevel model as `print.rma.mv` shows it. */
export interface VarianceComponentRow {
  readonly sigma2: number | null | undefined;
  readonly levels: number;
  readonly fixed: boolean;
  readonly factor: string;
}

/**
 * The head of metafor's `print.rma.mv`: the model line, the log-likelihood (as `showfit = TRUE`)
 * and the table of variance components (σ², √σ², number of levels, whether fixed, factor),
 * followed by an empty line.
 *
 * @example
 * varianceComponentsHeader({ k: 6, method: 'REML', logLik: -1.5 }, [{ sigma2: 0.25, levels: 3, fixed: false, factor: 'outer' }], 4)[2]
 * // => 'logLik (restricted): -1.5000'
 */
export function varianceComponentsHeader(
  r: { readonly k: number; readonly method: string; readonly logLik: number | null },
  components: readonly VarianceComponentRow[],
  digits: number,
): string[] {
  return [
    `Multivariate Meta-Analysis Model (k = ${r.k}; method: ${r.method})`,
    '',
    `logLik (${r.method === 'REML' ? 'restricted' : 'full'}): ${formatFixed(r.logLik, digits)}`,
    '',
    'Variance Components:',
    '',
    ...textTable(
      ['estim', 'sqrt', 'nlvls', 'fixed', 'factor'],
      components.map((c) => [
        formatFixed(c.sigma2, digits), formatFixed(typeof c.sigma2 === 'number' ? Math.sqrt(c.sigma2) : null, digits),
        String(c.levels), c.fixed ? 'yes' : 'no', c.factor,
      ]),
      { rowNames: components.map((_, l) => `sigma^2.${l + 1}`) },
    ),
    '',
  ];
}
