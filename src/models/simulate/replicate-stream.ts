import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { ResolvedDesign } from './simulation-design.ts';

/**
 * The simulated data of a design, one replicate after another, from one seeded stream: the
 * xoroshiro128+ generator of pure-rand (Blackman & Vigna, 2021, ACM Trans Math Softw 47:36),
 * 53-bit uniforms, normals by the Box–Muller transform (Box & Muller, 1958, Ann Math Stat
 * 29:610). For each study in turn: vᵢ (drawn uniformly on [min, max] when the design gives a
 * distribution), then yᵢ = μ + τ·z₁ + √vᵢ·z₂. The same seed gives the same replicates, whether
 * they are analysed one by one or packed for a batch.
 *
 * @example
 * const design = resolveSimulationDesign({ k: 2, tau2: 0, vi: [1e-12, 1e-12], mu: 0.5, replications: 1, seed: 3 });
 * const next = replicateStream(design);
 * const y = new Float64Array(2), v = new Float64Array(2);
 * next(y, v);
 * Math.abs(y[0] - 0.5) < 1e-4 // => true (vᵢ ≈ 0, τ² = 0: every yᵢ is μ up to noise)
 */
export function replicateStream(design: ResolvedDesign): (yi: Float64Array, vi: Float64Array, offset?: number) => void {
  const rng = xoroshiro128plus(design.seed);
  let spare = NaN;
  const normal = (): number => {
    if (!Number.isNaN(spare)) {
      const z = spare;
      spare = NaN;
      return z;
    }
    const r = Math.sqrt(-2 * Math.log(1 - uniformFloat64(rng)));
    const angle = 2 * Math.PI * uniformFloat64(rng);
    spare = r * Math.sin(angle);
    return r * Math.cos(angle);
  };
  const { k, mu, vi: fixed, viDistribution: spread } = design;
  const tau = Math.sqrt(design.tau2);
  return (yi, vi, offset = 0) => {
    for (let i = 0; i < k; i++) {
      const v = fixed !== null ? fixed[i]! : spread!.min + (spread!.max - spread!.min) * uniformFloat64(rng);
      vi[offset + i] = v;
      yi[offset + i] = mu + tau * normal() + Math.sqrt(v) * normal();
    }
  };
}
