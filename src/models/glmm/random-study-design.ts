import { binomialObservation, poissonObservation } from './observation.ts';
import type { Observation } from './observation.ts';
import type { StudyTerms } from './study-likelihood.ts';
import { designRow, startingLogit } from './glmm-data.ts';
import type { GlmmData, GlmmDesign } from './glmm-data.ts';

/**
 * metafor's unconditional model with random study effects (`UM.RS`, `cor = FALSE`):
 * logit πᵢ₁ = γ + vᵢ + xᵢᵀβ + uᵢ/2, logit πᵢ₂ = γ + vᵢ − uᵢ/2 (log rates with offsets for IRR),
 * vᵢ ~ N(0, σ²) and uᵢ ~ N(0, τ²) independent — lme4's `const + (group || study)`. The EE form
 * keeps the random intercepts vᵢ (uᵢ = 0). θ = (β, γ, σ[, τ]).
 * With both random effects metafor's lme4 fit is restricted to the Laplace approximation
 * (nAGQ = 1), and so is this one; with σ alone the quadrature uses `nodes` points.
 */
export function randomStudyDesign(data: GlmmData, measure: 'OR' | 'IRR', random: boolean, nodes: number): GlmmDesign {
  const { k, p } = data;
  const gamma = p;
  const sigmaIndex = p + 1;
  const tauIndex = random ? p + 2 : null;
  const studies: StudyTerms[] = [];
  let events = 0;
  let total = 0;
  for (let i = 0; i < k; i++) {
    const x1 = designRow(data, i, 1);
    const x2 = new Float64Array(p + 1);
    x2[p] = 1;
    const z1 = random ? Float64Array.of(1, 0.5) : Float64Array.of(1);
    const z2 = random ? Float64Array.of(1, -0.5) : Float64Array.of(1);
    const observations: Observation[] = measure === 'OR'
      ? [
        binomialObservation(data.a[i]!, data.a[i]! + data.b[i]!, 0, x1, z1),
        binomialObservation(data.c[i]!, data.c[i]! + data.d[i]!, 0, x2, z2),
      ]
      : [
        poissonObservation(data.a[i]!, Math.log(data.t1[i]!), x1, z1),
        poissonObservation(data.c[i]!, Math.log(data.t2[i]!), x2, z2),
      ];
    const fixed = Int32Array.from([...Array.from({ length: p }, (_, j) => j), gamma]);
    studies.push({ fixed, random: random ? Int32Array.of(sigmaIndex, tauIndex!) : Int32Array.of(sigmaIndex), observations });
    events += data.a[i]! + data.c[i]!;
    total += measure === 'OR' ? data.a[i]! + data.b[i]! + data.c[i]! + data.d[i]! : data.t1[i]! + data.t2[i]!;
  }
  const start = new Float64Array(p + 2 + (random ? 1 : 0));
  start[gamma] = measure === 'OR' ? startingLogit(events, total) : Math.log(Math.max(events, 0.5) / total);
  start[sigmaIndex] = 1;
  return { studies, start, tauIndex, sigmaIndex, nodes: random ? 1 : nodes };
}
