import { binomialObservation, hypergeometricObservation } from './observation.ts';
import type { StudyTerms } from './study-likelihood.ts';
import { designRow, indexRange } from './glmm-data.ts';
import type { GlmmData, GlmmDesign } from './glmm-data.ts';

/**
 * The conditional models of metafor's `rma.glmm`, given the total number of events per study:
 * - `CM.EL` for OR: aᵢ follows Fisher's non-central hypergeometric distribution with log odds
 *   ratio xᵢᵀβ + uᵢ (van Houwelingen et al., 1993; Stijnen et al., 2010), the exact conditional
 *   likelihood; metafor integrates uᵢ with `integrate()`, here adaptive Gauss–Hermite with
 *   `nodes` points (callers pass many, so that the integral is exact to rounding);
 * - `CM.AL` for OR: the binomial approximation aᵢ ~ Bin(aᵢ + cᵢ, logit⁻¹(log(n1ᵢ/n2ᵢ) + xᵢᵀβ + uᵢ));
 * - `CM.EL` for IRR: x1ᵢ ~ Bin(x1ᵢ + x2ᵢ, logit⁻¹(log(t1ᵢ/t2ᵢ) + xᵢᵀβ + uᵢ)), exact for Poisson counts.
 * θ = (β, τ), uᵢ ~ N(0, τ²) or 0 in the EE form.
 */
export function conditionalDesign(data: GlmmData, kind: 'hypergeometric' | 'odds' | 'rates', random: boolean, nodes: number): GlmmDesign {
  const { k, p } = data;
  const tauIndex = random ? p : null;
  const z = Float64Array.of(1);
  const studies: StudyTerms[] = [];
  for (let i = 0; i < k; i++) {
    const x = designRow(data, i);
    const [a, b, c, d] = [data.a[i]!, data.b[i]!, data.c[i]!, data.d[i]!];
    const o = kind === 'hypergeometric'
      ? hypergeometricObservation(a, b, c, d, x, z)
      : binomialObservation(a, a + c, kind === 'rates' ? Math.log(data.t1[i]! / data.t2[i]!) : Math.log((a + b) / (c + d)), x, z);
    studies.push({ fixed: indexRange(p), random: random ? Int32Array.of(p) : new Int32Array(0), observations: [o] });
  }
  return { studies, start: new Float64Array(p + (random ? 1 : 0)), tauIndex, sigmaIndex: null, nodes };
}

