import { closedForm, type Tau2Fit } from './tau2-fit.ts';

/**
 * Equal-effects ("fixed-effect", metafor `method = "EE"`) model: τ² = 0 by assumption.
 *
 * @example
 * tau2EqualEffects().tau2 // => 0
 */
export function tau2EqualEffects(): Tau2Fit {
  return closedForm(0, null);
}
