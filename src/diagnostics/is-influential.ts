import { isPlainObject } from '../check-options.ts';
import { chiSquareSf } from '../distributions/chi-square.ts';
import { InputError, numberCode } from '../errors.ts';

const STATISTICS = ['dffits', 'cookD', 'hat', 'dfbetas'] as const;

/**
 * metafor's rule for flagging an influential study in an intercept-only model (p = 1
 * coefficient, k studies; Viechtbauer & Cheung, 2010, Res Synth Methods 1:112; the `inf`
 * column of `influence.rma.uni`): any of
 *
 *   |DFFITS| > 3·√(p/(k − p)),  P(χ²₁ ≤ Cook's D) > 0.5,  hat > 3p/k,  |DFBETAS| > 1.
 *
 * A criterion whose statistic is not available (NaN) does not count, as in R, where
 * `NA | TRUE` is TRUE and an NA result is not flagged. P(χ²₁ ≤ D) > 0.5 is evaluated as the
 * survival function P(χ²₁ > D) < 0.5.
 *
 * @example
 * isInfluential({ dffits: -1.769, cookD: 0.927, hat: 0.370, dfbetas: -1.622 }, 3) // => true (Cook's D > 0.455, the χ²₁ median; |DFBETAS| > 1)
 */
export function isInfluential(
  stats: { readonly dffits: number; readonly cookD: number; readonly hat: number; readonly dfbetas: number },
  k: number,
): boolean {
  checkStatistics(stats, k);
  const p = 1;
  return (
    Math.abs(stats.dffits) > 3 * Math.sqrt(p / (k - p)) ||
    chiSquareSf(stats.cookD, p) < 0.5 ||
    stats.hat > (3 * p) / k ||
    Math.abs(stats.dfbetas) > 1
  );
}

/** `stats` an object of numbers (NaN allowed: a statistic that could not be computed), k an integer ≥ 2. */
function checkStatistics(stats: unknown, k: unknown): void {
  if (!isPlainObject(stats)) throw new InputError('must be an object { dffits, cookD, hat, dfbetas }', { field: 'stats', value: stats, code: 'E_INVALID_TYPE' });
  for (const key of STATISTICS) {
    const x: unknown = stats[key];
    if (typeof x !== 'number') throw new InputError('must be a number (NaN where it could not be computed)', { field: `stats.${key}`, value: x, code: numberCode(x) });
  }
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 2) {
    throw new InputError('must be the number of studies, an integer ≥ 2', { field: 'k', value: k, code: numberCode(k) });
  }
}
