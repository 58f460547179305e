import { chiSquareQuantile } from '../../distributions/chi-square.ts';
import { zeroin } from '../../numeric/brent-root.ts';
import { minimizeBfgs } from './minimize-bfgs-stepped.ts';
import { evaluateMarginal, type MarginalModel } from './marginal-likelihood.ts';
import type { ResolvedTerm } from './random-terms.ts';
import { varianceLayout, withFixed, type FixedComponents } from './variance-parameters.ts';

/** A profile-likelihood confidence interval of one variance component (metafor's `confint.rma.mv`). */
export interface ProfileInterval {
  readonly parameter: keyof FixedComponents;
  /** 0-based index within `sigma2`, `tau2`, `rho`, `gamma2` or `phi`. */
  readonly index: number;
  readonly estimate: number;
  /** Bound, the edge of the parameter space (0, ±1) when the profile stays above the cut-off, `null` when not found. */
  readonly lower: number | null;
  readonly upper: number | null;
}

/**
 * Profile-likelihood intervals of every free variance component: the set of values v where
 * 2(ℓ̂ − ℓ_p(v)) ≤ χ²₁(level), ℓ_p(v) the (restricted) log-likelihood maximised over the other
 * components with this one fixed at v (Hardy & Thompson, 1996, Stat Med 15:619; metafor's
 * `confint.rma.mv`). Each side is bracketed (variances: 0 and doubling upwards; correlations: ±1,
 * [0, 1] for CAR) and solved by Brent's method; each ℓ_p evaluation refits from the estimates.
 */
export function profileIntervals(
  model: MarginalModel, terms: readonly ResolvedTerm[], fixed: FixedComponents, reml: boolean,
  thetaHat: Float64Array, logLik: number, level: number,
): ProfileInterval[] {
  const layout = varianceLayout(terms, fixed);
  const fTop = chiSquareQuantile(level, 1) / 2; // g at the estimate: ℓ̂ − cut
  const cut = logLik - fTop;
  const comp = layout.components(thetaHat);
  const struct = terms.filter((t) => t.kind === 'structured');
  return layout.free.map(({ name, index }, i) => {
    const estimate = name === 'sigma2' ? comp.sigma2[index]!
      : comp.structured[name === 'tau2' || name === 'rho' ? 0 : 1]![name === 'tau2' || name === 'gamma2' ? 'tau2' : 'rho'][index]!;
    const start = Array.from(thetaHat).filter((_, j) => j !== i);
    const g = (v: number) => profileLogLik(model, terms, withFixed(fixed, layout.counts, name, index, v), reml, start) - cut;
    const variance = name === 'sigma2' || name === 'tau2' || name === 'gamma2';
    const car = struct[name === 'phi' ? 1 : 0]?.struct === 'CAR';
    const lo = variance ? 0 : car ? 0 : -1;
    const scale = variance ? Math.max(estimate, 1e-8) : 1;
    const tol = 1e-10 * scale;
    const side = (edge: number): number | null => {
      const fEdge = g(edge);
      if (!Number.isFinite(fEdge)) return null;
      if (fEdge >= 0) return edge;
      return zeroin(g, Math.min(edge, estimate), Math.max(edge, estimate), edge < estimate ? fEdge : fTop, edge < estimate ? fTop : fEdge, tol, 200).root;
    };
    const lower = side(lo);
    let upper: number | null;
    if (variance) {
      let hi = 2 * scale;
      let fHi = g(hi);
      for (let t = 0; t < 60 && fHi >= 0; t++) { hi *= 2; fHi = g(hi); }
      upper = fHi < 0 ? zeroin(g, estimate, hi, fTop, fHi, tol, 200).root : null;
    } else {
      upper = side(1);
    }
    return { parameter: name, index, estimate, lower, upper };
  });
}

function profileLogLik(model: MarginalModel, terms: readonly ResolvedTerm[], fixed: FixedComponents, reml: boolean, start: number[]): number {
  const layout = varianceLayout(terms, fixed);
  const objective = (theta: Float64Array) => {
    const ev = evaluateMarginal(model, layout.components(theta), reml);
    return ev === null ? Infinity : -ev.logLik;
  };
  if (layout.size === 0) return -objective(new Float64Array(0));
  return -minimizeBfgs(objective, start.map((x) => (Number.isFinite(x) ? x : 0)), { maxIterations: 500 }).value;
}
