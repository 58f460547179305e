import type { Tau2Method } from '../../types.ts';
import type { Tau2Control, Tau2Fit } from '../tau2/tau2-fit.ts';
import type { RegressionDesign } from './design-matrix.ts';
import {
  regressionDerSimonianLaird, regressionEqualEffects, regressionHedges, regressionHunterSchmidt,
  regressionHunterSchmidtK, regressionSidikJonkman,
} from './moment-estimators.ts';
import { regressionPauleMandel } from './paule-mandel.ts';
import {
  regressionEmpiricalBayes, regressionMaximumLikelihood, regressionRestrictedMaximumLikelihood,
} from './scoring-estimators.ts';

/**
 * A residual-τ² estimator for meta-regression: outcomes y, sampling variances v and a design
 * with k > p rows (already validated) to a `Tau2Fit`. Total: NaN rather than a throw.
 */
export type RegressionTau2Estimator = (y: Float64Array, v: Float64Array, design: RegressionDesign, control: Tau2Control) => Tau2Fit;

/**
 * The ten residual-τ² estimators by metafor method code. With an intercept-only design
 * (p = 1) each reduces to the estimator of the same name in src/models/tau2.
 */
export const REGRESSION_TAU2_ESTIMATORS: Readonly<Record<Tau2Method, RegressionTau2Estimator>> = Object.freeze({
  EE: regressionEqualEffects,
  DL: regressionDerSimonianLaird,
  HE: regressionHedges,
  HS: regressionHunterSchmidt,
  HSk: regressionHunterSchmidtK,
  SJ: regressionSidikJonkman,
  ML: regressionMaximumLikelihood,
  REML: regressionRestrictedMaximumLikelihood,
  EB: regressionEmpiricalBayes,
  PM: regressionPauleMandel,
});
