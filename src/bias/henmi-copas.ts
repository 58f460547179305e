import { InputError, numberCode } from '../errors.ts';
import type { Interval, MetaAnalysisResult, Settings, Tau2Method, Warnings } from '../types.ts';
import { readFitView, type FitLike } from '../models/read-fit.ts';
import { normalPdf } from '../distributions/normal.ts';
import { regularizedGamma } from '../distributions/incomplete-gamma.ts';
import { integrateUpper } from '../numeric/integrate-upper.ts';
import { zeroin } from '../numeric/brent-root.ts';
import { compensatedSum } from '../numeric/compensated-sum.ts';
import { checkOptions, optionKeys } from '../check-options.ts';
import { freezeResult } from '../freeze-result.ts';

/** Options of {@link henmiCopas}. */
export interface HenmiCopasOptions {
  /**
   * Absolute tolerance of the root t₀ (default 1e-12, the exact solution; metafor's `hc` uses
   * `uniroot`'s ε^¼ ≈ 1.2e-4 unless `control = list(tol = ...)` is given).
   */
  readonly tol?: number;
}

/** The valid keys of {@link HenmiCopasOptions} (any other key is an `E_UNKNOWN_OPTION` error). */
export const HENMI_COPAS_OPTION_KEYS = optionKeys<HenmiCopasOptions>()('tol');

/** The fit `henmiCopas` started from (metafor's `beta.rma`, `se.rma`, ... of `hc`). */
export interface HenmiCopasFit {
  readonly method: Tau2Method;
  readonly estimate: number;
  readonly se: number;
  readonly ci: Interval;
  readonly tau2: number;
}

/** Result of {@link henmiCopas} (metafor's `hc`). */
export interface HenmiCopasResult extends Settings, Warnings {
  /** Always `'DL'`: the method works with the DerSimonian–Laird τ² whatever the fit's method. */
  readonly method: 'DL';
  /** The fit's test (the Henmi–Copas interval itself does not use it). */
  readonly test: string;
  readonly level: number;
  readonly k: number;
  /** The fixed-effect (inverse-variance) estimate θ̂ = Σwᵢyᵢ/Σwᵢ, wᵢ = 1/vᵢ. */
  readonly estimate: number;
  /** Its standard error under the random-effects model, √((τ̂²W₂ + 1)/W₁). */
  readonly se: number;
  /** The Henmi–Copas confidence interval θ̂ ± u₀·se. */
  readonly ci: Interval;
  /** The DerSimonian–Laird τ². */
  readonly tau2: number;
  /** t₀: the root of the defining equation (the percentage point of R/√Var R). */
  readonly t0: number;
  /** u₀ = √(1 + τ̂²W₂)·t₀: the percentage point of U that multiplies the standard error. */
  readonly u0: number;
  /** Evaluations of the equation by Brent's root finder. */
  readonly iterations: number;
  /** The fit the method was applied to: its method, estimate, se, CI and τ². */
  readonly fit: HenmiCopasFit;
  readonly warnings: readonly string[];
}

/**
 * Henmi & Copas (2010, Stat Med 29:2969) confidence interval for the fixed-effect estimate
 * under a random-effects model, robust to publication bias, metafor 5.1's `hc`. With
 * wᵢ = 1/vᵢ, W₁ = Σwᵢ, Wⱼ = Σwᵢʲ/W₁ (j = 2, 3, 4), θ̂ = Σwᵢyᵢ/W₁, Q = Σwᵢ(yᵢ − θ̂)² and the
 * DerSimonian–Laird τ̂² = max(0, (Q − (k − 1))/(W₁ − W₂)):
 *
 *   se = √((τ̂²W₂ + 1)/W₁), Var R = 1 + τ̂²W₂;
 *   given R = r, Q is approximated by a gamma law with the conditional mean E(Q|r) and variance
 *   V(Q|r) of Henmi & Copas (eqs. in their appendix: polynomials in τ̂², r²/Var R and W₁…W₄);
 *   t₀ solves ∫_{t₀}^∞ G(f⁻¹(r/t₀) | shape = E²/V, scale = V/E at √Var R·r) φ(r) dr = α/2, with
 *   f⁻¹(f) = (W₁/W₂ − 1)(f² − 1) + (k − 1) and α = 1 − level;
 *   CI = θ̂ ± u₀·se, u₀ = √Var R · t₀.
 *
 * The integral is computed by adaptive Gauss–Kronrod quadrature and t₀ by Brent's method on
 * [0, 2]. The fit's own method, estimate, se, CI and τ² are reported beside (`fit`).
 * Scale: that of the fit (e.g. log odds ratios).
 *
 * @param fit  a `metaAnalysis` result (any τ² method; its yi, vi and level are used)
 * @param options `{ tol = 1e-12 }`
 * @throws InputError for an unknown option, a tol that is not a positive number, a fit with
 *   k < 2 or a vᵢ ≤ 0 (naming the row), and when the equation has no root in [0, 2].
 * @example
 * // Lee & Done (2004; metadat's dat.lee2004): events and group sizes, log odds ratios
 * const counts = [[18, 100, 20, 100], [5, 50, 18, 50], [9, 20, 7, 20], [32, 135, 31, 139], [9, 23, 10, 23], [11, 18, 12, 18],
 *   [69, 122, 80, 122], [3, 25, 12, 25], [1, 30, 1, 30], [11, 30, 19, 30], [7, 44, 16, 39], [4, 47, 6, 47], [1, 30, 13, 30],
 *   [24, 40, 71, 80], [16, 50, 53, 88], [28, 110, 25, 111]];
 * const es = effectSizes('OR', counts.map(([ai, n1i, ci, n2i]) => ({ ai, n1i, ci, n2i })));
 * const hc = henmiCopas(metaAnalysis(es, { method: 'DL' }));
 * hc.estimate // => -0.51446022…  (Henmi & Copas 2010, p. 2978: -0.5145; metafor hc(): -0.51446023)
 * hc.ci       // => { lower: -0.99938…, upper: -0.029536… }  (paper: -0.9994, -0.0295)
 * hc.fit.estimate // => -0.6787…  (the DerSimonian–Laird fit: -0.6787, CI -1.0664 to -0.2911)
 */
export function henmiCopas(fit: MetaAnalysisResult | FitLike, options: HenmiCopasOptions = {}): HenmiCopasResult {
  checkOptions(options, HENMI_COPAS_OPTION_KEYS);
  if (options === null || typeof options !== 'object') throw new InputError('must be an options object', { field: 'options', value: options, code: 'E_INVALID_TYPE' });
  const tol = options.tol ?? 1e-12;
  if (typeof tol !== 'number' || !(tol > 0) || !Number.isFinite(tol)) {
    throw new InputError('must be a positive finite number', { field: 'tol', value: tol, code: numberCode(tol) });
  }
  const view = readFitView(fit, 'henmiCopas', 2);
  const { yi, vi, k, level } = view;
  for (let i = 0; i < k; i++) {
    if (!(vi[i]! > 0)) throw new InputError('henmiCopas needs every sampling variance > 0 (its weights are 1/vi)', { field: 'fit.vi', row: i + 1, study: view.labels[i], value: vi[i], code: numberCode(vi[i]) });
  }
  const w = Array.from(vi, (v) => 1 / v);
  const w1 = compensatedSum(w);
  const moment = (j: number) => compensatedSum(w.map((x) => x ** j)) / w1;
  const [w2, w3, w4] = [moment(2), moment(3), moment(4)];
  const estimate = compensatedSum(w.map((x, i) => x * yi[i]!)) / w1;
  const q = compensatedSum(w.map((x, i) => x * (yi[i]! - estimate) ** 2));
  const tau2 = Math.max(0, (q - (k - 1)) / (w1 - w2));
  const se = Math.sqrt((tau2 * w2 + 1) / w1);
  const varR = 1 + tau2 * w2;
  const sdR = Math.sqrt(varR);
  const alpha = 1 - level;

  const d3 = w3 - w2 * w2;
  const meanQ = (r: number) => (k - 1) + tau2 * (w1 - w2) + tau2 * tau2 * ((r * r) / (varR * varR) - 1 / varR) * d3;
  const varQ = (r: number) => {
    const s = (r * r) / (varR * varR) - 1 / varR;
    return 2 * (k - 1) + 4 * tau2 * (w1 - w2) + 2 * tau2 ** 2 * (w1 * w2 - 2 * w3 + w2 * w2) + 4 * tau2 ** 2 * s * d3
      + 4 * tau2 ** 3 * s * (w4 - 2 * w2 * w3 + w2 ** 3) + 2 * tau2 ** 4 * (1 / (varR * varR) - (2 * r * r) / varR ** 3) * d3 * d3;
  };
  const fInverse = (f: number) => (w1 / w2 - 1) * (f * f - 1) + (k - 1);
  const equation = (t: number): number => {
    if (t === 0) return 0.5 - alpha / 2;
    const integrand = (r: number) => {
      const m = meanQ(sdR * r);
      const v = varQ(sdR * r);
      return regularizedGamma((m * m) / v, fInverse(r / t) / (v / m), false) * normalPdf(r);
    };
    return integrateUpper(integrand, t) - alpha / 2;
  };
  const upper = equation(2);
  if (!(upper < 0)) {
    throw new InputError(`the Henmi–Copas equation has no root in [0, 2] (its value at 2 is ${upper}); the interval cannot be computed`, { field: 'fit', code: 'E_NOT_ESTIMABLE' });
  }
  const root = zeroin(equation, 0, 2, equation(0), upper, tol, 1000);
  const t0 = root.root;
  const u0 = sdR * t0;
  return freezeResult({
    method: 'DL', test: view.test, level, k,
    estimate, se, ci: { lower: estimate - u0 * se, upper: estimate + u0 * se }, tau2,
    t0, u0, iterations: root.iterations,
    fit: { method: view.method, estimate: view.estimate, se: view.se, ci: fitCi(fit), tau2: view.tau2 },
    warnings: [],
  });
}

function fitCi(fit: unknown): Interval {
  const ci = (fit as { ci?: unknown }).ci;
  const bound = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
  if (ci === null || typeof ci !== 'object') return { lower: null, upper: null };
  return { lower: bound((ci as Interval).lower), upper: bound((ci as Interval).upper) };
}
