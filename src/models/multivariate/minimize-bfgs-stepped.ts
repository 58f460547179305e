import { minimizeBfgs as minimize, type BfgsOptions, type BfgsResult } from '../../numeric/minimize-bfgs.ts';

export type { BfgsResult } from '../../numeric/minimize-bfgs.ts';

/** The settings of `multivariate`'s variance-component optimiser (see {@link minimizeBfgs}). */
export const VARIANCE_BFGS = Object.freeze({
  stopping: 'absolute', gradientTolerance: 1e-8, maxIterations: 500, maxStep: 4, gradientStep: 1e-5, hessianUpdate: 'skip',
} as const satisfies BfgsOptions);

/**
 * The variance-component optimiser of `multivariate`: the shared BFGS of
 * `src/numeric/minimize-bfgs.ts` with {@link VARIANCE_BFGS}: steps capped at 4 in max-norm so
 * that a log or atanh scale cannot overflow, gradient steps 1e-5·max(1, |xⱼ|), and the
 * 'absolute' stopping rule (every |∂f/∂xⱼ| < 1e-8, or 1e3 times that on a flat ridge such as a
 * correlation near ±1), the 'skip' form of the Hessian update, at most 500 iterations unless
 * `options` say otherwise.
 *
 * @example
 * minimizeBfgs((x) => (x[0] - 1) ** 2 + 10 * (x[1] + 2) ** 2, [0, 0]).x // => Float64Array [1.0000000, -2.0000000]
 */
export function minimizeBfgs(f: (x: Float64Array) => number, start: ArrayLike<number>, options: BfgsOptions = {}): BfgsResult {
  return minimize(f, start, { ...VARIANCE_BFGS, ...options });
}
