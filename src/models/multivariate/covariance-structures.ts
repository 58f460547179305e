/** Structures of a `~ inner | outer` random effect (metafor's `struct`). */
export const MULTIVARIATE_STRUCTS = Object.freeze(['ID', 'DIAG', 'CS', 'HCS', 'UN', 'AR', 'HAR', 'CAR'] as const);
export type MultivariateStruct = (typeof MULTIVARIATE_STRUCTS)[number];

/** The variances (τ²) and correlations (ρ) of one structured random effect. */
export interface StructParameters {
  readonly tau2: readonly number[];
  readonly rho: readonly number[];
}

/** Number of τ² and of ρ of a structure over m inner levels. */
export function structSize(struct: MultivariateStruct, m: number): { tau2: number; rho: number } {
  const heteroscedastic = struct === 'DIAG' || struct === 'HCS' || struct === 'UN' || struct === 'HAR';
  const rho = struct === 'UN' ? (m * (m - 1)) / 2 : struct === 'ID' || struct === 'DIAG' ? 0 : 1;
  return { tau2: heteroscedastic ? m : 1, rho };
}

/**
 * Maps the unconstrained optimisation scale to (τ², ρ) as metafor does: τ² = exp(θ), ρ = tanh(θ)
 * (ρ = logistic(θ) in [0, 1] for CAR).
 */
export function structFromScale(struct: MultivariateStruct, theta: ArrayLike<number>, m: number): StructParameters {
  const size = structSize(struct, m);
  const tau2 = Array.from({ length: size.tau2 }, (_, i) => Math.exp(theta[i]!));
  const rho = Array.from({ length: size.rho }, (_, i) => {
    const t = theta[size.tau2 + i]!;
    return struct === 'CAR' ? 1 / (1 + Math.exp(-t)) : Math.tanh(t);
  });
  return { tau2, rho };
}

/** The inverse of {@link structFromScale} at a starting point: τ² = `variance`, ρ = 0 (0.5 for CAR). */
export function structStart(struct: MultivariateStruct, m: number, variance: number): number[] {
  const size = structSize(struct, m);
  return [...new Array<number>(size.tau2).fill(Math.log(variance)), ...new Array<number>(size.rho).fill(0)];
}

/**
 * The m×m covariance G of the random effects of one outer group (row-major), metafor's `.con.E`:
 * ID/DIAG diagonal; CS τ²(ρ off the diagonal); HCS ρ τ_a τ_b; UN ρ_ab τ_a τ_b (ρ in R's
 * lower-triangle order: column by column); AR τ² ρ^|a − b| and HAR τ_a τ_b ρ^|a − b| over the
 * positions of the sorted inner levels; CAR τ² ρ^|t_a − t_b| over their numeric values.
 */
export function structCovariance(struct: MultivariateStruct, par: StructParameters, m: number, times: readonly number[]): Float64Array {
  const g = new Float64Array(m * m);
  const tau = (a: number) => Math.sqrt(par.tau2.length === 1 ? par.tau2[0]! : par.tau2[a]!);
  const unIndex = (a: number, b: number) => { const [i, j] = a > b ? [a, b] : [b, a]; return j * m - (j * (j + 1)) / 2 + (i - j - 1); };
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      const s = tau(a) * tau(b);
      let r: number;
      if (a === b) r = 1;
      else if (struct === 'ID' || struct === 'DIAG') r = 0;
      else if (struct === 'CS' || struct === 'HCS') r = par.rho[0]!;
      else if (struct === 'UN') r = par.rho[unIndex(a, b)]!;
      else if (struct === 'AR' || struct === 'HAR') r = par.rho[0]! ** Math.abs(a - b);
      else r = par.rho[0]! ** Math.abs(times[a]! - times[b]!);
      g[a * m + b] = a === b ? (par.tau2.length === 1 ? par.tau2[0]! : par.tau2[a]!) : r * s;
    }
  }
  return g;
}
