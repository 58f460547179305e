import { minimizeBfgs } from '../../numeric/minimize-bfgs.ts';
import { coordinateFromDelta, deltaFromCoordinate } from './delta-map.ts';
import { selectionLogLikelihood, type SelectionData } from './selection-log-likelihood.ts';
import type { SelectionSpec } from './selection-spec.ts';

/** What {@link fitSelection} maximises over and where it starts. */
export interface SelectionFitSetup {
  readonly data: SelectionData;
  readonly spec: SelectionSpec;
  /** τ² held at this value, or `null` to estimate it. */
  readonly tau2Fixed: number | null;
  readonly betaStart: ArrayLike<number>;
  readonly tau2Start: number;
}

/** The maximum of the selection-model likelihood. */
export interface SelectionFit {
  readonly beta: Float64Array;
  readonly tau2: number;
  readonly delta: readonly number[];
  readonly logLik: number;
  readonly converged: boolean;
  readonly iterations: number;
}

/** τ² below this is 0 (metafor's selmodel: 10ε). */
const TAU2_ZERO = 10 * Number.EPSILON;

/**
 * Maximum-likelihood fit of a selection model, parameterised as metafor's `selmodel` does for
 * its optimiser: β as is, log τ² (when τ² is estimated; τ² < 10ε counts as 0) and each free δⱼ
 * through the logistic map onto (δ_min, δ_max) (see `deltaFromCoordinate`), so that the bounds
 * hold without constraints. Maximised by BFGS ({@link minimizeBfgs}) from β̂ and τ̂² of the ML
 * random-effects fit (log(τ̂² + 10⁻³), as metafor) and metafor's starting δ.
 *
 * @example
 * import { selectionSpec } from './src/bias/selection-model/selection-spec.ts';
 * import { selectionData } from './src/bias/selection-model/selection-data.ts';
 * const spec = selectionSpec('stepfun', [0.05, 1]);
 * const data = selectionData([0.1, 0.3, 0.5, 0.05], [0.01, 0.02, 0.04, 0.03], [[1], [1], [1], [1]], [1, 1, 1, 1], spec, 'greater');
 * const fit = fitSelection({ data, spec, tau2Fixed: 0, betaStart: [0.2], tau2Start: 0 });
 * fit.converged // => true
 */
export function fitSelection(setup: SelectionFitSetup): SelectionFit {
  const { spec } = setup;
  const p = setup.betaStart.length;
  const estimateTau2 = setup.tau2Fixed === null;
  const free = spec.fixed.map((f, j) => (f === null ? j : -1)).filter((j) => j >= 0);
  const unpack = (x: Float64Array) => {
    const beta = x.subarray(0, p);
    const tau2Raw = estimateTau2 ? Math.exp(x[p]!) : setup.tau2Fixed!;
    const tau2 = tau2Raw < TAU2_ZERO ? 0 : tau2Raw;
    const delta = spec.fixed.map((f) => f ?? 0);
    free.forEach((j, m) => { delta[j] = deltaFromCoordinate(x[p + (estimateTau2 ? 1 : 0) + m]!, spec.min[j]!, spec.max[j]!); });
    return { beta, tau2, delta };
  };
  const start = [
    ...Array.from(setup.betaStart),
    ...(estimateTau2 ? [Math.log(setup.tau2Start + 1e-3)] : []),
    ...free.map((j) => coordinateFromDelta(spec.start[j]!, spec.min[j]!, spec.max[j]!)),
  ];
  const objective = (x: Float64Array) => {
    const { beta, tau2, delta } = unpack(x);
    return -selectionLogLikelihood(setup.data, spec, beta, tau2, delta);
  };
  const result = minimizeBfgs(objective, start, { gradientTolerance: 1e-10 });
  const { beta, tau2, delta } = unpack(result.x);
  return {
    beta: Float64Array.from(beta), tau2, delta, logLik: -result.value,
    converged: result.converged && Number.isFinite(result.value), iterations: result.iterations,
  };
}
