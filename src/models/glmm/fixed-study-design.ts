import { binomialObservation, poissonObservation } from './observation.ts';
import type { Observation } from './observation.ts';
import type { StudyTerms } from './study-likelihood.ts';
import { designRow, startingLogit } from './glmm-data.ts';
import type { GlmmData, GlmmDesign } from './glmm-data.ts';

/**
 * metafor's unconditional model with fixed study effects (`UM.FS`): for study i and group
 * g (1 = treated, 2 = control), logit πᵢ₁ = αᵢ + xᵢᵀβ + uᵢ/2 and logit πᵢ₂ = αᵢ − uᵢ/2 for OR
 * (binomial: aᵢ of n1ᵢ, cᵢ of n2ᵢ), or log λ with offsets log t1ᵢ, log t2ᵢ for IRR (Poisson),
 * uᵢ ~ N(0, τ²) — the ±½ coding of lme4's `(0 + group | study)` in metafor (Turner et al., 2000;
 * Jackson et al., 2018, model 4). θ = (β, α₁..α_k, τ); each study touches β, its αᵢ and τ.
 */
export function fixedStudyDesign(data: GlmmData, measure: 'OR' | 'IRR', random: boolean, nodes: number): GlmmDesign {
  const { k, p } = data;
  const tauIndex = random ? p + k : null;
  const studies: StudyTerms[] = [];
  const start = new Float64Array(p + k + (random ? 1 : 0));
  for (let i = 0; i < k; i++) {
    const x1 = designRow(data, i, 1);
    const x2 = new Float64Array(p + 1);
    x2[p] = 1;
    const observations: Observation[] = measure === 'OR'
      ? [
        binomialObservation(data.a[i]!, data.a[i]! + data.b[i]!, 0, x1, Float64Array.of(0.5)),
        binomialObservation(data.c[i]!, data.c[i]! + data.d[i]!, 0, x2, Float64Array.of(-0.5)),
      ]
      : [
        poissonObservation(data.a[i]!, Math.log(data.t1[i]!), x1, Float64Array.of(0.5)),
        poissonObservation(data.c[i]!, Math.log(data.t2[i]!), x2, Float64Array.of(-0.5)),
      ];
    const fixed = Int32Array.from([...Array.from({ length: p }, (_, j) => j), p + i]);
    studies.push({ fixed, random: random ? Int32Array.of(tauIndex!) : new Int32Array(0), observations });
    const events = data.a[i]! + data.c[i]!;
    start[p + i] = measure === 'OR'
      ? startingLogit(events, events + data.b[i]! + data.d[i]!)
      : Math.log(Math.max(events, 0.5) / (data.t1[i]! + data.t2[i]!));
  }
  return { studies, start, tauIndex, sigmaIndex: null, nodes };
}
