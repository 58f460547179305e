import type { Tau2Method } from '../../types.ts';
import { tau2EqualEffects } from './equal-effects.ts';
import { tau2DerSimonianLaird } from './dersimonian-laird.ts';
import { tau2Hedges } from './hedges.ts';
import { tau2HunterSchmidt, tau2HunterSchmidtK } from './hunter-schmidt.ts';
import { tau2SidikJonkman } from './sidik-jonkman.ts';
import { tau2MaximumLikelihood } from './maximum-likelihood.ts';
import { tau2RestrictedMaximumLikelihood } from './restricted-maximum-likelihood.ts';
import { tau2EmpiricalBayes } from './empirical-bayes.ts';
import { tau2PauleMandel } from './paule-mandel.ts';
import { tau2MedianPauleMandel } from './median-paule-mandel.ts';
import { tau2IteratedDerSimonianLaird } from './iterated-dersimonian-laird.ts';
import { tau2IteratedSidikJonkman } from './iterated-sidik-jonkman.ts';
import type { Tau2Estimator } from './tau2-fit.ts';

/**
 * The tau² estimators by metafor method code, each written once against a weighted model
 * (intercept-only or design matrix).
 */
export const TAU2_ESTIMATORS: Readonly<Record<Tau2Method, Tau2Estimator>> = Object.freeze({
  EE: tau2EqualEffects,
  DL: tau2DerSimonianLaird,
  HE: tau2Hedges,
  HS: tau2HunterSchmidt,
  HSk: tau2HunterSchmidtK,
  SJ: tau2SidikJonkman,
  ML: tau2MaximumLikelihood,
  REML: tau2RestrictedMaximumLikelihood,
  EB: tau2EmpiricalBayes,
  PM: tau2PauleMandel,
  PMM: tau2MedianPauleMandel,
  DLIT: tau2IteratedDerSimonianLaird,
  SJIT: tau2IteratedSidikJonkman,
});

/** Methods whose weights are 1/vᵢ at some stage and so need every vᵢ > 0 (as in metafor). */
export const NEEDS_POSITIVE_VI: ReadonlySet<Tau2Method> = new Set<Tau2Method>(['EE', 'DL', 'HS', 'HSk', 'PM', 'PMM', 'DLIT']);
