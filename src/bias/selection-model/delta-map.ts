/**
 * Maps an unbounded optimiser coordinate x onto (lower, upper) as metafor's selmodel does
 * (its `.mapfun`): δ = lower + (upper − lower)/(1 + e^(−x)).
 *
 * @example
 * deltaFromCoordinate(0, 0, 100) // => 50
 */
export function deltaFromCoordinate(x: number, lower: number, upper: number): number {
  return lower + (upper - lower) / (1 + Math.exp(-x));
}

/**
 * The inverse of {@link deltaFromCoordinate}: x = log((δ − lower)/(upper − δ)).
 *
 * @example
 * coordinateFromDelta(50, 0, 100) // => 0
 */
export function coordinateFromDelta(delta: number, lower: number, upper: number): number {
  return Math.log((delta - lower) / (upper - delta));
}
