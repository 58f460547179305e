import type { FiveNumberScenario, FiveNumbers } from './five-number-summary.ts';

/**
 * Methods for the mean from a five-number summary: `luo` (Luo et al. 2018, the default, all
 * scenarios), `wan` (Wan et al. 2014, all scenarios), `hozo` (Hozo et al. 2005, S1 only),
 * `bland` (Bland 2015, S3 only).
 */
export type FiveNumberMeanMethod = 'luo' | 'wan' | 'hozo' | 'bland';

export const FIVE_NUMBER_MEAN_METHODS: readonly FiveNumberMeanMethod[] = Object.freeze(['luo', 'wan', 'hozo', 'bland']);

/** One mean estimator: its value (NaN out of domain) and its formula text. */
export interface MeanEstimator {
  readonly estimate: (s: FiveNumbers) => number;
  readonly formula: (s: FiveNumbers) => string;
}

const mid = (a: number, b: number): number => (a + b) / 2;

/** Luo et al. (2018) eq. 7: w·(min + max)/2 + (1 − w)·median, w = 4/(4 + n^0.75). */
function luoS1(s: FiveNumbers): number {
  const w = 4 / (4 + s.n ** 0.75);
  return w * mid(s.min, s.max) + (1 - w) * s.median;
}

/** Luo et al. (2018) eq. 11: w·(q1 + q3)/2 + (1 − w)·median, w = 0.7 + 0.39/n. */
function luoS2(s: FiveNumbers): number {
  const w = 0.7 + 0.39 / s.n;
  return w * mid(s.q1, s.q3) + (1 - w) * s.median;
}

/**
 * Luo et al. (2018) eq. 15: w1·(min + max)/2 + w2·(q1 + q3)/2 + (1 − w1 − w2)·median,
 * w1 = 2.2/(2.2 + n^0.75), w2 = 0.7 − 0.72/n^0.55.
 */
function luoS3(s: FiveNumbers): number {
  const w1 = 2.2 / (2.2 + s.n ** 0.75);
  const w2 = 0.7 - 0.72 / s.n ** 0.55;
  return w1 * mid(s.min, s.max) + w2 * mid(s.q1, s.q3) + (1 - w1 - w2) * s.median;
}

/** (min + 2·median + max)/4 (Hozo et al. 2005; Wan et al. 2014 S1). */
function quarterWeights(s: FiveNumbers): number {
  return (s.min + 2 * s.median + s.max) / 4;
}

/** (min + 2·q1 + 2·median + 2·q3 + max)/8 (Bland 2015; Wan et al. 2014 S3). */
function eighthWeights(s: FiveNumbers): number {
  return (s.min + 2 * s.q1 + 2 * s.median + 2 * s.q3 + s.max) / 8;
}

const S3_EIGHTHS = '(min + 2·q1 + 2·median + 2·q3 + max)/8';

/**
 * The mean estimators by method and scenario; a missing entry means the method does not apply
 * to that scenario.
 */
export const MEAN_ESTIMATORS: Readonly<Record<FiveNumberMeanMethod, Partial<Record<FiveNumberScenario, MeanEstimator>>>> = {
  luo: {
    S1: { estimate: luoS1, formula: () => 'mean = w·(min + max)/2 + (1 − w)·median, w = 4/(4 + n^0.75) (Luo et al. 2018, eq. 7)' },
    S2: { estimate: luoS2, formula: () => 'mean = w·(q1 + q3)/2 + (1 − w)·median, w = 0.7 + 0.39/n (Luo et al. 2018, eq. 11)' },
    S3: {
      estimate: luoS3,
      formula: () =>
        'mean = w1·(min + max)/2 + w2·(q1 + q3)/2 + (1 − w1 − w2)·median, w1 = 2.2/(2.2 + n^0.75), w2 = 0.7 − 0.72/n^0.55 (Luo et al. 2018, eq. 15)',
    },
  },
  wan: {
    S1: { estimate: quarterWeights, formula: () => 'mean = (min + 2·median + max)/4 (Wan et al. 2014)' },
    S2: { estimate: (s) => (s.q1 + s.median + s.q3) / 3, formula: () => 'mean = (q1 + median + q3)/3 (Wan et al. 2014)' },
    S3: { estimate: eighthWeights, formula: () => `mean = ${S3_EIGHTHS} (Wan et al. 2014)` },
  },
  hozo: {
    S1: {
      estimate: (s) => (s.n <= 25 ? quarterWeights(s) : s.median),
      formula: (s) =>
        s.n <= 25
          ? 'mean = (min + 2·median + max)/4 (Hozo et al. 2005, n ≤ 25)'
          : 'mean = median (Hozo et al. 2005, n > 25)',
    },
  },
  bland: {
    S3: { estimate: eighthWeights, formula: () => `mean = ${S3_EIGHTHS} (Bland 2015)` },
  },
};
