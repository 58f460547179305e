import { structCovariance, structFromScale, structSize, structStart, type StructParameters } from './covariance-structures.ts';
import type { VarianceComponents } from './marginal-likelihood.ts';
import type { ResolvedTerm } from './random-terms.ts';

/**
 * The optimisation vector θ of `multivariate` and its map to variance components: log σ² for
 * each free nested level (a level with a single group is fixed at 0, as metafor), then each
 * structured term's log τ² and atanh ρ (logit ρ for CAR).
 */
export interface VarianceLayout {
  readonly size: number;
  /** Whether each nested level's σ² is fixed at 0. */
  readonly fixedSigma2: readonly boolean[];
  /** Per structured term, whether each τ² is fixed at 0 (HCS, UN, DIAG, HAR: an inner level found in a single outer group, as metafor). */
  readonly fixedTau2: readonly (readonly boolean[])[];
  readonly start: (variance: number) => number[];
  readonly components: (theta: ArrayLike<number>) => VarianceComponents & { readonly structured: readonly StructParameters[] };
}

const HETEROSCEDASTIC: ReadonlySet<string> = new Set(['HCS', 'UN', 'DIAG', 'HAR']);

/** The layout of θ for these terms. */
export function varianceLayout(terms: readonly ResolvedTerm[]): VarianceLayout {
  const fixedSigma2 = terms.flatMap((t) => (t.kind === 'nested' ? t.counts.map((n) => n === 1) : []));
  const nFree = fixedSigma2.filter((f) => !f).length;
  const structured = terms.filter((t) => t.kind === 'structured');
  const sizes = structured.map((t) => { const s = structSize(t.struct, t.innerLevels.length); return s.tau2 + s.rho; });
  const fixedTau2 = structured.map((t) => {
    const n = structSize(t.struct, t.innerLevels.length).tau2;
    return HETEROSCEDASTIC.has(t.struct) ? t.innerGroups.map((g) => g === 1) : new Array<boolean>(n).fill(false);
  });
  // free[j][i]: whether entry i of term j's scale vector is estimated
  const free = structured.map((_, j) => Array.from({ length: sizes[j]! }, (_, i) => !(fixedTau2[j]![i] ?? false)));
  const size = nFree + free.flat().filter(Boolean).length;
  return {
    size,
    fixedSigma2,
    fixedTau2,
    start: (variance) => [
      ...new Array<number>(nFree).fill(Math.log(variance)),
      ...structured.flatMap((t, j) => structStart(t.struct, t.innerLevels.length, variance).filter((_, i) => free[j]![i])),
    ],
    components: (theta) => {
      let at = 0;
      const sigma2 = fixedSigma2.map((fixed) => (fixed ? 0 : Math.exp(theta[at++]!)));
      const pars = structured.map((t, j) => {
        const scale = free[j]!.map((isFree) => (isFree ? theta[at++]! : -Infinity)); // exp(−∞) = 0
        return structFromScale(t.struct, scale, t.innerLevels.length);
      });
      const g = structured.map((t, j) => structCovariance(t.struct, pars[j]!, t.innerLevels.length, t.times));
      return { sigma2, g, structured: pars };
    },
  };
}
