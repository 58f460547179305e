import { heterogeneityAbout } from './heterogeneity-about.ts';
import type { HeterogeneityAbout } from './heterogeneity-about.ts';
import type { StudyEffects } from './study-effects.ts';

/** The per-study effects that enter the heterogeneity test, and the test. */
export interface HeterogeneityOfEffects {
  /** Input rows (0-based) whose effect entered Q. */
  readonly inQ: readonly number[];
  readonly yi: Float64Array;
  readonly vi: Float64Array;
  readonly het: HeterogeneityAbout;
}

/**
 * Cochran's Q of the per-study effects of the complete rows about a pooled value (the
 * Mantel–Haenszel estimate, as metafor's `rma.mh`); each complete row whose effect is undefined
 * is left out, with a warning pushed onto `warnings`.
 *
 * @example
 * heterogeneityOfEffects({ yi: Float64Array.of(0, 2, NaN), vi: Float64Array.of(1, 1, NaN), reasons: [undefined, undefined, 'a count is missing'] },
 *   [0, 1, 2], (i) => `row ${i + 1}`, 0.5, []).het.q // => 2.5
 */
export function heterogeneityOfEffects(
  effects: StudyEffects,
  completeRows: readonly number[],
  describe: (i: number) => string,
  centre: number,
  warnings: string[],
): HeterogeneityOfEffects {
  const inQ: number[] = [];
  for (const i of completeRows) {
    const reason = effects.reasons[i];
    if (reason === undefined) inQ.push(i);
    else warnings.push(`${describe(i)} left out of the heterogeneity test: ${reason}`);
  }
  const yi = Float64Array.from(inQ, (i) => effects.yi[i]!);
  const vi = Float64Array.from(inQ, (i) => effects.vi[i]!);
  return { inQ, yi, vi, het: heterogeneityAbout(yi, vi, centre) };
}
