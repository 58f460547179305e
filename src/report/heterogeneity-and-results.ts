import { coefficientTable, type CoefficientRow } from './coefficient-table.ts';
import { formatTestStatistic } from './format-test-statistic.ts';

/**
 * The middle of metafor's printout of an intercept-only model (`print.rma.uni`,
 * `print.rma.mv`): the test for heterogeneity, then the model results with their stars.
 *
 * @example
 * heterogeneityAndResults({ q: 152.233, qDf: 12, qPValue: 2e-26 }, row, false, 4)[1]
 * // => 'Q(df = 12) = 152.2330, p-val = 2.00e-26'
 */
export function heterogeneityAndResults(
  het: { readonly q: number | null; readonly qDf: number; readonly qPValue: number | null },
  row: CoefficientRow,
  t: boolean,
  digits: number,
): string[] {
  return [
    'Test for Heterogeneity:',
    formatTestStatistic('Q', het.q, het.qDf, het.qPValue, digits),
    '',
    'Model Results:',
    '',
    ...coefficientTable([row], { t, digits }),
  ];
}
