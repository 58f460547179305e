import { cholesky, choleskyInverse } from '../../numeric/cholesky.ts';
import { binomialObservation, poissonObservation } from './observation.ts';
import type { Observation } from './observation.ts';
import type { StudyTerms } from './study-likelihood.ts';
import { fitDesign } from './fit-design.ts';
import type { GlmmData } from './glmm-data.ts';

/** The saturated fit of the random-study-effects model with the precision of its study effects. */
export interface RandomStudySaturated {
  readonly logLik: number;
  readonly effects: Float64Array;
  /** Row-major m×m inverse covariance of the finite effects, over `kept`. */
  readonly precision: Float64Array;
  readonly kept: number[];
  readonly converged: boolean;
}

/**
 * Saturated model of `UM.RS` (metafor: `glmer(~ 0 + X.QE + (1 | study))` with X.QE the
 * non-aliased columns of X.fit, const and study:group1): logit πᵢ₁ = γ + vᵢ + ωᵢ,
 * logit πᵢ₂ = γ + vᵢ, vᵢ ~ N(0, σ²), one ωᵢ per study. A study whose group-1 count is 0 or
 * all events (OR) or 0 (IRR) has ω̂ᵢ = ∓Infinity; in that limit its group-1 row contributes
 * log 1 = 0 and is left out, and so is its ωᵢ. The precision of the finite ω̂ is the inverse of
 * their block of the inverse observed information.
 */
export function randomStudySaturated(data: GlmmData, measure: 'OR' | 'IRR', nodes: number): RandomStudySaturated {
  const { k } = data;
  const kept: number[] = [];
  for (let i = 0; i < k; i++) {
    const boundary = measure === 'OR' ? data.a[i] === 0 || data.b[i] === 0 : data.a[i] === 0;
    if (!boundary) kept.push(i);
  }
  const m = kept.length;
  const sigmaIndex = 1 + m;
  const z = Float64Array.of(1);
  const studies: StudyTerms[] = [];
  let events = 0;
  let total = 0;
  for (let i = 0; i < k; i++) {
    const position = kept.indexOf(i);
    const observations: Observation[] = [];
    const x1 = Float64Array.of(1, 1);
    const x2 = position >= 0 ? Float64Array.of(1, 0) : Float64Array.of(1);
    if (position >= 0) {
      observations.push(measure === 'OR'
        ? binomialObservation(data.a[i]!, data.a[i]! + data.b[i]!, 0, x1, z)
        : poissonObservation(data.a[i]!, Math.log(data.t1[i]!), x1, z));
    }
    observations.push(measure === 'OR'
      ? binomialObservation(data.c[i]!, data.c[i]! + data.d[i]!, 0, x2, z)
      : poissonObservation(data.c[i]!, Math.log(data.t2[i]!), x2, z));
    const fixed = position >= 0 ? Int32Array.of(0, 1 + position) : Int32Array.of(0);
    studies.push({ fixed, random: Int32Array.of(sigmaIndex), observations });
    events += data.c[i]!;
    total += measure === 'OR' ? data.c[i]! + data.d[i]! : data.t2[i]!;
  }
  const start = new Float64Array(m + 2);
  start[0] = measure === 'OR' ? Math.log((events + 0.5) / (total - events + 0.5)) : Math.log((events + 0.5) / total);
  const fit = fitDesign({ studies, start, tauIndex: null, sigmaIndex, nodes }, 1 + m);
  const effects = new Float64Array(k).fill(NaN);
  kept.forEach((i, r) => { effects[i] = fit.theta[1 + r]!; });
  const precision = omegaPrecision(fit.vb, m);
  return { logLik: fit.logLik, effects, precision: precision ?? new Float64Array(0), kept: precision ? kept : [], converged: fit.converged && precision !== null };
}

/** Inverse of the ω block (rows/columns 1..m) of the (1+m)×(1+m) covariance. */
function omegaPrecision(v: Float64Array | null, m: number): Float64Array | null {
  if (v === null) return null;
  const n = m + 1;
  const block = new Float64Array(m * m);
  for (let r = 0; r < m; r++) for (let c = 0; c < m; c++) block[r * m + c] = v[(r + 1) * n + (c + 1)]!;
  const l = cholesky(block, m);
  return l === null ? null : choleskyInverse(l, m);
}
