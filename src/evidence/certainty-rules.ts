/**
 * Every threshold `assessCertainty` uses, in one place, each with its source. GRADE handbook:
 * Schünemann H, Brożek J, Guyatt G, Oxman A (eds.), GRADE Handbook, 2013, section 5.2;
 * GRADE guidelines: Guyatt GH et al., J Clin Epidemiol 2011;64:407 (risk of bias), 64:1277
 * (publication bias), 64:1283 (imprecision), 64:1294 (inconsistency), 64:1303 (indirectness).
 */
export const CERTAINTY_RULES = Object.freeze({
  /**
   * Inconsistency: I² of 50% or more is "substantial" heterogeneity, 75% or more
   * "considerable" (Cochrane Handbook 10.10.2, the bands GRADE handbook 5.2.3 and
   * Guyatt et al. 2011, 64:1294 refer to). Rated down one level at ≥ 50% when the prediction
   * interval also crosses the null, two at ≥ 75% when it does.
   */
  i2Substantial: 50,
  i2Considerable: 75,
  /**
   * Imprecision: the optimal information size (OIS) is the total sample size of one adequately
   * powered trial (Guyatt et al. 2011, 64:1283; GRADE handbook 5.2.4.1): two-sided
   * alpha 0.05, power 0.80, and a small standardised effect of 0.2 SD (Cohen's small effect):
   * 2 × 2(z₀.₉₇₅ + z₀.₈₀)² / 0.2² ≈ 785 participants.
   */
  oisAlpha: 0.05,
  oisPower: 0.8,
  oisEffectSd: 0.2,
  /**
   * Publication bias: small-study tests (Egger's regression) only with at least 10 independent
   * estimates (Sterne et al., BMJ 2011;343:d4002; Cochrane Handbook 13.3.5.4), and read at
   * p < 0.10 (Egger et al., BMJ 1997;315:629), as GRADE handbook 5.2.5 suggests.
   */
  smallStudyMinK: 10,
  smallStudyAlpha: 0.1,
  /**
   * Risk of bias: the share of the information (inverse-variance weight when known, else one
   * share per study) from studies at high risk: at least half rates down two levels; from
   * studies at high risk or with some concerns: at least half rates down one (GRADE handbook
   * 5.2.1 "most information from studies at ... risk"; Guyatt et al. 2011, 64:407).
   */
  riskOfBiasShare: 0.5,
});

/** GRADE's four certainty levels, from the top (GRADE handbook 5.1). */
export const CERTAINTY_LEVELS = Object.freeze(['high', 'moderate', 'low', 'very low'] as const);
export type CertaintyLevel = (typeof CERTAINTY_LEVELS)[number];

/** Total participants of an adequately powered two-arm trial for a standardised effect `effectSd` (two-sided). */
export function optimalInformationSize(zAlpha: number, zPower: number, effectSd: number): number {
  return 2 * Math.ceil((2 * (zAlpha + zPower) ** 2) / (effectSd * effectSd));
}
