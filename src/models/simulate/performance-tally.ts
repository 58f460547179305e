import { CompensatedAccumulator } from '../../numeric/compensated-sum.ts';

/** What one analysis of one replicate reports (NaN or null where it has no such number). */
export interface ReplicateOutcome {
  readonly estimate: number | null;
  readonly se?: number | null;
  readonly pValue?: number | null;
  readonly ci?: { readonly lower: number | null; readonly upper: number | null };
  readonly tau2?: number | null;
}

/** The performance measures of an analysis over the replicates (Morris, White & Crowther, 2019). */
export interface PerformanceMeasures {
  /** Replicates with a finite estimate (the others are counted in `failures`). */
  readonly fitted: number;
  readonly meanEstimate: number | null;
  /** Mean estimate − μ, and its Monte Carlo SE (empirical SD/√n). */
  readonly bias: number | null;
  readonly biasMcse: number | null;
  /** √(mean of (estimate − μ)²). */
  readonly rmse: number | null;
  /** SD of the estimates over the replicates. */
  readonly empiricalSe: number | null;
  /** Mean of the reported SEs (compare with `empiricalSe`). */
  readonly meanSe: number | null;
  /** Share of CIs that contain μ, and its Monte Carlo SE √(c(1 − c)/n). */
  readonly coverage: number | null;
  readonly coverageMcse: number | null;
  /** Share of p-values below α = 1 − level: power, or the type I error rate when μ = 0. */
  readonly power: number | null;
  readonly powerMcse: number | null;
  /** Mean τ̂², its bias and RMSE against the true τ²; null when the analysis reports no τ². */
  readonly tau2Mean: number | null;
  readonly tau2Bias: number | null;
  readonly tau2Rmse: number | null;
}

/**
 * Running tallies of the performance measures of an analysis: add each replicate's outcome,
 * then read the measures (Morris, White & Crowther, 2019, Stat Med 38:2074, Table 6): bias
 * θ̄ − μ with MCSE s/√n, RMSE √(Σ(θ̂ᵣ − μ)²/n), empirical SE s (SD of θ̂ᵣ), coverage and power
 * (rejection at α) as proportions p with MCSE √(p(1 − p)/n). Sums are compensated.
 *
 * @example
 * const t = new PerformanceTally(0, 0.05, 0);
 * t.add({ estimate: 0.1, pValue: 0.01, ci: { lower: -0.1, upper: 0.3 } });
 * t.add({ estimate: -0.1, pValue: 0.5, ci: { lower: -0.3, upper: 0.1 } });
 * t.measures().rmse // => 0.1
 */
export class PerformanceTally {
  private n = 0;
  private readonly sum = new CompensatedAccumulator();
  private readonly sumSquares = new CompensatedAccumulator();
  private readonly sumSe = new CompensatedAccumulator();
  private nSe = 0;
  private covered = 0;
  private nCi = 0;
  private rejected = 0;
  private nP = 0;
  private readonly sumTau2 = new CompensatedAccumulator();
  private readonly sumTau2Squares = new CompensatedAccumulator();
  private nTau2 = 0;

  constructor(
    private readonly mu: number,
    private readonly alpha: number,
    private readonly tau2: number,
  ) {}

  add(o: ReplicateOutcome): void {
    const e = o.estimate;
    if (typeof e !== 'number' || !Number.isFinite(e)) return;
    this.n++;
    const d = e - this.mu;
    this.sum.add(d);
    this.sumSquares.add(d * d);
    if (isFiniteNumber(o.se)) {
      this.sumSe.add(o.se);
      this.nSe++;
    }
    if (o.ci !== undefined && isFiniteNumber(o.ci.lower) && isFiniteNumber(o.ci.upper)) {
      this.nCi++;
      if (o.ci.lower <= this.mu && this.mu <= o.ci.upper) this.covered++;
    }
    if (isFiniteNumber(o.pValue)) {
      this.nP++;
      if (o.pValue < this.alpha) this.rejected++;
    }
    if (isFiniteNumber(o.tau2)) {
      const t = o.tau2 - this.tau2;
      this.sumTau2.add(t);
      this.sumTau2Squares.add(t * t);
      this.nTau2++;
    }
  }

  measures(): PerformanceMeasures {
    const n = this.n;
    const bias = n > 0 ? this.sum.value() / n : null;
    const meanSquare = n > 0 ? this.sumSquares.value() / n : null;
    const variance = bias !== null && meanSquare !== null && n > 1 ? Math.max(0, ((meanSquare - bias * bias) * n) / (n - 1)) : null;
    const empiricalSe = variance === null ? null : Math.sqrt(variance);
    const proportion = (x: number, m: number) => (m > 0 ? x / m : null);
    const mcse = (p: number | null, m: number) => (p === null ? null : Math.sqrt((p * (1 - p)) / m));
    const coverage = proportion(this.covered, this.nCi);
    const power = proportion(this.rejected, this.nP);
    const tau2Bias = this.nTau2 > 0 ? this.sumTau2.value() / this.nTau2 : null;
    return {
      fitted: n,
      meanEstimate: bias === null ? null : this.mu + bias,
      bias,
      biasMcse: empiricalSe === null ? null : empiricalSe / Math.sqrt(n),
      rmse: meanSquare === null ? null : Math.sqrt(meanSquare),
      empiricalSe,
      meanSe: this.nSe > 0 ? this.sumSe.value() / this.nSe : null,
      coverage,
      coverageMcse: mcse(coverage, this.nCi),
      power,
      powerMcse: mcse(power, this.nP),
      tau2Mean: tau2Bias === null ? null : this.tau2 + tau2Bias,
      tau2Bias,
      tau2Rmse: tau2Bias === null ? null : Math.sqrt(this.sumTau2Squares.value() / this.nTau2),
    };
  }
}

function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}
