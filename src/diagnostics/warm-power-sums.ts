import { addCompensated, compensatedValue, compensatedValueWithout } from '../numeric/compensated-sum.ts';
import { POWER_SUMS } from './power-sums.ts';

/** Highest power of the weights kept at the warm point. */
const WARM_POWERS = 12;
/**
 * Largest |δ|·max aᵢ for which the series are used: their truncation error is then below
 * C(12, 9)·0.005⁹ ≈ 4e-19 relative (the sums up to m = 4 keep at least 9 terms).
 */
const RADIUS = 0.005;

/** C(m + j − 1, j) for m = 1..4, j = 0..WARM_POWERS − m: the coefficients of (1 + x)^−m. */
const BINOMIAL: readonly (readonly number[])[] = [1, 2, 3, 4].map((m) => {
  const row = [1];
  for (let j = 1; m + j <= WARM_POWERS; j++) row.push((row[j - 1]! * (m + j - 1)) / j);
  return row;
});

/**
 * The power sums Σaᵐyᵖ (m = 1..12, p = 0..2) of the studies at one τ² = t₀ (compensated), from
 * which the power sums (see `POWER_SUMS`, m ≤ 4) of any subset that leaves out one study follow
 * at every τ² = t₀ + δ near t₀ without a pass over the data, by the series
 *
 *   Σ aᵢ(δ)ᵐyᵢᵖ = Σⱼ C(m + j − 1, j)(−δ)ʲ Σ aᵢᵐ⁺ʲyᵢᵖ,  aᵢ(δ) = 1/(vᵢ + t₀ + δ) = aᵢ/(1 + aᵢδ),
 *
 * truncated at m + j = 12: exact to rounding while |δ|·max aᵢ ≤ 0.005. So each leave-one-out
 * Newton iteration near the full τ̂² costs O(1) instead of a pass over the studies, and so does
 * each cumulative one near the τ² the running sums were anchored at.
 *
 * @example
 * const warm = new WarmPowerSums(1);
 * warm.add(1 / (1 + 1), 2); warm.add(1 / (3 + 1), -1); warm.add(1 / (2 + 1), 0);
 * const s = warm.series(warm.without(1 / (2 + 1), 0), 0.01, new Float64Array(POWER_SUMS));
 * s[0] // => 0.746888996… (1/2.01 + 1/4.01: Σa of the first two studies at τ² = 1.01)
 */
export class WarmPowerSums {
  private readonly acc = new Float64Array(2 * 3 * WARM_POWERS);
  private readonly subset = new Float64Array(3 * WARM_POWERS);
  /** The largest weight added. */
  private aMax = 0;

  /** @param t0 the τ² of the kept sums */
  constructor(readonly t0: number) {}

  /** Adds the terms of one study (weight a = 1/(vᵢ + t₀), centred outcome y). */
  add(a: number, y: number): void {
    this.aMax = Math.max(this.aMax, a);
    let am = 1;
    for (let m = 0; m < WARM_POWERS; m++) {
      am *= a;
      addCompensated(this.acc, 3 * m, am);
      addCompensated(this.acc, 3 * m + 1, am * y);
      addCompensated(this.acc, 3 * m + 2, am * y * y);
    }
  }

  /** The kept sums without one study (its weight a and centred outcome y), in a reused buffer. */
  without(a: number, y: number): Float64Array {
    let am = 1;
    for (let m = 0; m < WARM_POWERS; m++) {
      am *= a;
      this.subset[3 * m] = compensatedValueWithout(this.acc, 3 * m, am);
      this.subset[3 * m + 1] = compensatedValueWithout(this.acc, 3 * m + 1, am * y);
      this.subset[3 * m + 2] = compensatedValueWithout(this.acc, 3 * m + 2, am * y * y);
    }
    return this.subset;
  }

  /** The kept sums of every study added, in a reused buffer. */
  all(): Float64Array {
    for (let s = 0; s < 3 * WARM_POWERS; s++) this.subset[s] = compensatedValue(this.acc, s);
    return this.subset;
  }

  /** Whether the series are exact to rounding at τ² = t₀ + δ. */
  covers(delta: number): boolean {
    return Math.abs(delta) * this.aMax <= RADIUS;
  }

  /** The power sums (m ≤ 4) at τ² = t₀ + δ from sums `w` of `without`, into `out`. */
  series(w: Float64Array, delta: number, out: Float64Array): Float64Array {
    for (let m = 1; m <= 4; m++) {
      const c = BINOMIAL[m - 1]!;
      for (let p = 0; p < 3; p++) {
        let sum = 0;
        let power = 1;
        for (let j = 0; j < c.length; j++) {
          sum += c[j]! * power * w[3 * (m + j - 1) + p]!;
          power *= -delta;
        }
        out[3 * (m - 1) + p] = sum;
      }
    }
    return out;
  }
}
