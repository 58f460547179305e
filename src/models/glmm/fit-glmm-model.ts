import { chiSquareSf } from '../../distributions/chi-square.ts';
import { conditionalDesign } from './conditional-design.ts';
import { fitDesign } from './fit-design.ts';
import type { DesignFit } from './fit-design.ts';
import { fixedStudyDesign } from './fixed-study-design.ts';
import { randomStudyDesign } from './random-study-design.ts';
import { randomStudySaturated } from './random-study-saturated.ts';
import { closedSaturatedFit } from './saturated-fit.ts';
import { singleGroupDesign } from './single-group-design.ts';
import { studyConditionalLogLikelihood } from './study-likelihood.ts';
import { diagonalPrecision, waldHeterogeneity } from './wald-heterogeneity.ts';
import type { GlmmData, GlmmDesign } from './glmm-data.ts';
import type { ResolvedGlmmOptions } from './glmm-options.ts';

/** Quadrature points for CM.EL with OR, where metafor integrates with `integrate()` (exact to ~1e-10). */
export const EXACT_NODES = 21;

/** The fits behind one `glmm` result. */
export interface ModelFits {
  /** The fit whose coefficients are reported (ML or EE). */
  readonly fit: DesignFit;
  readonly ee: DesignFit;
  /** metafor's log-likelihood of the reported fit (see `glmm`'s `logLik`). */
  readonly logLik: number;
  /** The integrated (marginal) log-likelihood with all normalising constants. */
  readonly marginalLogLik: number;
  /** metafor's log-likelihood of the saturated model, null when k = 1 or it did not converge. */
  readonly saturatedLogLik: number | null;
  readonly heterogeneity: Heterogeneity;
  readonly parameters: number;
  readonly kEff: number;
  readonly pEff: number;
  readonly warnings: readonly string[];
}

/** metafor's heterogeneity tests of `rma.glmm` (QE.Wld, QE.LRT), null where NA. */
export interface Heterogeneity {
  readonly wald: number | null;
  readonly waldPValue: number | null;
  readonly lrt: number | null;
  readonly lrtPValue: number | null;
  readonly df: number | null;
}

/** Builds the likelihood of the chosen model, EE (`random` false) or ML. */
export function glmmDesign(data: GlmmData, o: ResolvedGlmmOptions, random: boolean): GlmmDesign {
  const { measure, model, nAGQ } = o;
  if (measure === 'PLO' || measure === 'IRLN') return singleGroupDesign(data, measure, random, nAGQ);
  switch (model) {
    case 'UM.RS': return randomStudyDesign(data, measure, random, nAGQ);
    case 'CM.AL': return conditionalDesign(data, 'odds', random, nAGQ);
    case 'CM.EL': return measure === 'OR' ? conditionalDesign(data, 'hypergeometric', random, EXACT_NODES) : conditionalDesign(data, 'rates', random, nAGQ);
    default: return fixedStudyDesign(data, measure, random, nAGQ);
  }
}

/**
 * Fits the equal-effects model, the random-effects model (method ML, started at the EE
 * estimates) and the saturated model, and computes metafor's heterogeneity tests and
 * log-likelihoods.
 */
export function fitGlmmModel(data: GlmmData, o: ResolvedGlmmOptions): ModelFits {
  const warnings: string[] = [];
  const eeDesign = glmmDesign(data, o, false);
  const ee = fitDesign(eeDesign, data.p);
  note(ee, 'equal-effects', warnings);
  let fit = ee;
  let mlDesign: GlmmDesign | null = null;
  if (o.method === 'ML') {
    const design = glmmDesign(data, o, true);
    const start = Float64Array.from(design.start);
    start.set(ee.theta.subarray(0, Math.min(ee.theta.length, start.length)));
    mlDesign = { ...design, start };
    fit = fitDesign(mlDesign, data.p);
    note(fit, 'random-effects', warnings);
    if (o.model === 'UM.RS' && o.nAGQ > 1) warnings.push('model UM.RS has two random effects per study: the likelihood uses the Laplace approximation (nAGQ = 1), as metafor (lme4) does.');
  }
  const rowsSaturated = o.model === 'UM.RS' ? closedSaturatedFit(data, o.measure === 'OR' ? 'UM.FS-OR' : 'UM.FS-IRR').logLik : 0;
  const lme4Constant = (nodes: number) => (nodes > 1 ? rowsSaturated : 0);
  const eeLogLik = o.model === 'UM.RS' ? ee.logLik - lme4Constant(o.nAGQ) : ee.logLik;
  const saturated = data.k > 1 ? saturatedTests(data, o, warnings) : null;
  const saturatedLogLik = saturated === null ? null : o.model === 'UM.RS' ? saturated.logLik - lme4Constant(o.nAGQ) : saturated.logLik;
  const logLik = mlDesign === null ? eeLogLik : metaforRandomLogLik(mlDesign, fit, o);
  return {
    fit, ee, logLik, marginalLogLik: fit.logLik, saturatedLogLik,
    heterogeneity: heterogeneity(saturated?.wald ?? null, saturatedLogLik, eeLogLik, data.k - data.p),
    ...counts(data, o), warnings,
  };
}

function note(fit: DesignFit, what: string, warnings: string[]): void {
  if (!fit.converged) warnings.push(`The ${what} model did not converge after ${fit.iterations} iterations: ${fit.reason ?? 'unknown reason'}.`);
  else if (fit.vb === null) warnings.push(`The ${what} model's information matrix is singular: no standard errors.`);
}

/** metafor: lme4's Laplace logLik for UM.RS, the exact marginal for CM.EL (OR), else ll.QE − deviance/2. */
function metaforRandomLogLik(design: GlmmDesign, fit: DesignFit, o: ResolvedGlmmOptions): number {
  if (o.model === 'UM.RS' || (o.model === 'CM.EL' && o.measure === 'OR')) return fit.logLik;
  let sum = 0;
  for (const study of design.studies) sum += studyConditionalLogLikelihood(study, fit.theta);
  return sum;
}

function saturatedTests(data: GlmmData, o: ResolvedGlmmOptions, warnings: string[]): { logLik: number; wald: number | null } | null {
  if (o.model === 'UM.RS') {
    const s = randomStudySaturated(data, o.measure as 'OR' | 'IRR', o.nAGQ);
    if (!s.converged) {
      warnings.push('The saturated model did not converge: no heterogeneity tests.');
      return null;
    }
    return { logLik: s.logLik, wald: waldHeterogeneity(s.effects, s.precision, data.x, data.p, s.kept) };
  }
  const kind = o.measure === 'PLO' || o.measure === 'IRLN' ? o.measure
    : o.model === 'UM.FS' ? (o.measure === 'OR' ? 'UM.FS-OR' : 'UM.FS-IRR')
      : o.model === 'CM.AL' ? 'CM-odds' : o.measure === 'OR' ? 'CM.EL-OR' : 'CM-rates';
  const s = closedSaturatedFit(data, kind);
  const { precision, kept } = diagonalPrecision(s.weights);
  if (kept.length < data.k) {
    warnings.push(`${data.k - kept.length} ${data.k - kept.length === 1 ? 'study has' : 'studies have'} an infinite estimate in the saturated model (a zero cell); left out of the Wald-type heterogeneity test.`);
  }
  return { logLik: s.logLik, wald: waldHeterogeneity(s.effects, precision, data.x, data.p, kept) };
}

function heterogeneity(wald: number | null, saturated: number | null, ee: number, df: number): Heterogeneity {
  if (saturated === null) return { wald: null, waldPValue: null, lrt: null, lrtPValue: null, df: null };
  const lrt = Math.max(0, -2 * (ee - saturated));
  const p = (q: number | null) => (q === null ? null : df > 0 ? chiSquareSf(q, df) : 1);
  return { wald, waldPValue: p(wald), lrt, lrtPValue: p(lrt), df };
}

/** metafor's parms, k.eff and p.eff of each model. */
function counts(data: GlmmData, o: ResolvedGlmmOptions): { parameters: number; kEff: number; pEff: number } {
  const { k, p } = data;
  const ml = o.method === 'ML' ? 1 : 0;
  if (o.model === 'UM.FS') return { parameters: p + k + ml, kEff: 2 * k, pEff: p + k };
  if (o.model === 'UM.RS') return { parameters: p + 2 + ml, kEff: 2 * k, pEff: p + 1 };
  return { parameters: p + ml, kEff: k, pEff: p };
}
