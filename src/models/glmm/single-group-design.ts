import { binomialObservation, poissonObservation } from './observation.ts';
import type { StudyTerms } from './study-likelihood.ts';
import { designRow, indexRange, startingLogit } from './glmm-data.ts';
import type { GlmmData, GlmmDesign } from './glmm-data.ts';

/**
 * The one-group models of metafor's `rma.glmm`: `PLO`, the binomial-normal model
 * xᵢ ~ Bin(nᵢ, logit⁻¹(xᵢᵀβ + uᵢ)), and `IRLN`, the Poisson-normal model
 * xᵢ ~ Poisson(tᵢ·exp(xᵢᵀβ + uᵢ)), with uᵢ ~ N(0, τ²) (`random`) or uᵢ = 0 (the EE form, a
 * logistic or Poisson regression). θ = (β, τ). For PLO, `b` holds nᵢ − xᵢ; for IRLN, `t1` holds tᵢ.
 */
export function singleGroupDesign(data: GlmmData, measure: 'PLO' | 'IRLN', random: boolean, nodes: number): GlmmDesign {
  const { k, p } = data;
  const tauIndex = random ? p : null;
  const z = Float64Array.of(1);
  const studies: StudyTerms[] = [];
  let events = 0;
  let total = 0;
  for (let i = 0; i < k; i++) {
    const x = designRow(data, i);
    const a = data.a[i]!;
    const o = measure === 'PLO'
      ? binomialObservation(a, a + data.b[i]!, 0, x, z)
      : poissonObservation(a, Math.log(data.t1[i]!), x, z);
    events += a;
    total += measure === 'PLO' ? a + data.b[i]! : data.t1[i]!;
    studies.push({ fixed: indexRange(p), random: random ? Int32Array.of(p) : new Int32Array(0), observations: [o] });
  }
  const start = new Float64Array(p + (random ? 1 : 0));
  start[0] = measure === 'PLO' ? startingLogit(events, total) : Math.log(Math.max(events, 0.5) / total);
  return { studies, start, tauIndex, sigmaIndex: null, nodes };
}
