import { normalQuantile } from '../distributions/normal.ts';
import { expectedInterquartileRange, expectedRange } from './five-number-summary.ts';
import type { FiveNumberScenario, FiveNumbers } from './five-number-summary.ts';

/**
 * Methods for the SD from a five-number summary: `wan` (Wan et al. 2014, all scenarios; the
 * default for S1 and S2), `shi` (Shi et al. 2020, S3; the default there), `hozo` (Hozo et al.
 * 2005, S1), `bland` (Bland 2015, S3).
 */
export type FiveNumberSdMethod = 'wan' | 'shi' | 'hozo' | 'bland';

export const FIVE_NUMBER_SD_METHODS: readonly FiveNumberSdMethod[] = Object.freeze(['wan', 'shi', 'hozo', 'bland']);

/** One SD estimator: its value (NaN out of domain), its formula, whether it reads the median. */
export interface SdEstimator {
  readonly estimate: (s: FiveNumbers) => number;
  readonly formula: (s: FiveNumbers) => string;
  readonly needsMedian: (s: FiveNumbers) => boolean;
}

const xi = (n: number): number => expectedRange(n, normalQuantile);
const eta = (n: number): number => expectedInterquartileRange(n, normalQuantile);

const XI = 'ξ(n) = 2·Φ⁻¹((n − 0.375)/(n + 0.25))';
const ETA = 'η(n) = 2·Φ⁻¹((0.75n − 0.125)/(n + 0.25))';
const never = (): boolean => false;

/** Hozo et al. (2005): the SD rule that fits the sample size. */
function hozoSd(s: FiveNumbers): number {
  const range = s.max - s.min;
  if (s.n <= 15) {
    const skew = s.min - 2 * s.median + s.max;
    return Math.sqrt(((skew * skew) / 4 + range * range) / 12);
  }
  return s.n <= 70 ? range / 4 : range / 6;
}

function hozoFormula(s: FiveNumbers): string {
  if (s.n <= 15) return 'SD = √(((min − 2·median + max)²/4 + (max − min)²)/12) (Hozo et al. 2005, n ≤ 15)';
  return s.n <= 70 ? 'SD = (max − min)/4 (Hozo et al. 2005, 15 < n ≤ 70)' : 'SD = (max − min)/6 (Hozo et al. 2005, n > 70)';
}

/** Bland (2015): SD from the five numbers as a grouped distribution with equal quarters. */
function blandSd(s: FiveNumbers): number {
  const { min: a, q1, median: m, q3, max: b } = s;
  const squares = (a * a + 2 * q1 * q1 + 2 * m * m + 2 * q3 * q3 + b * b) / 16;
  const products = (a * q1 + q1 * m + m * q3 + q3 * b) / 8;
  const total = a + 2 * q1 + 2 * m + 2 * q3 + b;
  // Rounding can push an exactly-zero variance slightly below 0.
  return Math.sqrt(Math.max(0, squares + products - (total * total) / 64));
}

/** Shi et al. (2020) eq. 10 weight of the range-based term: 1/(1 + 0.07·n^0.6). */
function shiWeight(n: number): number {
  return 1 / (1 + 0.07 * n ** 0.6);
}

/**
 * The SD estimators by method and scenario; a missing entry means the method does not apply
 * to that scenario.
 */
export const SD_ESTIMATORS: Readonly<Record<FiveNumberSdMethod, Partial<Record<FiveNumberScenario, SdEstimator>>>> = {
  wan: {
    S1: {
      estimate: (s) => (s.max - s.min) / xi(s.n),
      formula: () => `SD = (max − min)/ξ(n), ${XI} (Wan et al. 2014, eq. 9)`,
      needsMedian: never,
    },
    S2: {
      estimate: (s) => (s.q3 - s.q1) / eta(s.n),
      formula: () => `SD = (q3 − q1)/η(n), ${ETA} (Wan et al. 2014, eq. 16)`,
      needsMedian: never,
    },
    S3: {
      estimate: (s) => ((s.max - s.min) / xi(s.n) + (s.q3 - s.q1) / eta(s.n)) / 2,
      formula: () => `SD = ((max − min)/ξ(n) + (q3 − q1)/η(n))/2, ${XI}, ${ETA} (Wan et al. 2014)`,
      needsMedian: never,
    },
  },
  shi: {
    S3: {
      estimate: (s) => {
        const w = shiWeight(s.n);
        return (w * (s.max - s.min)) / xi(s.n) + ((1 - w) * (s.q3 - s.q1)) / eta(s.n);
      },
      formula: () =>
        `SD = w·(max − min)/ξ(n) + (1 − w)·(q3 − q1)/η(n), w = 1/(1 + 0.07·n^0.6), ${XI}, ${ETA} (Shi et al. 2020, eq. 10)`,
      needsMedian: never,
    },
  },
  hozo: {
    S1: { estimate: hozoSd, formula: hozoFormula, needsMedian: (s) => s.n <= 15 },
  },
  bland: {
    S3: {
      estimate: blandSd,
      formula: () =>
        'SD = √((min² + 2·q1² + 2·median² + 2·q3² + max²)/16 + (min·q1 + q1·median + median·q3 + q3·max)/8 − (min + 2·q1 + 2·median + 2·q3 + max)²/64) (Bland 2015)',
      needsMedian: () => true,
    },
  },
};
