import { log1pmx } from './log1pmx.ts';
import { LN_SQRT_2PI, stirlingError } from './stirling-error.ts';

/**
 * One factor of a power term, c^a·e^{a − c}·… written as e^{a·[log(1 + t) − t]} with t = d/a,
 * d = c − a. Near t = 0 the exponent comes from `log1pmx` (no cancellation); far from it the
 * factor is split into Math.pow(1 + t, a) (one rounding, however small the result) and
 * e^{−d}, so a term like x^a for x = 1e-200 keeps full relative accuracy instead of the
 * ~ulp(460) absolute error of its logarithm.
 */
interface Factor {
  readonly power: number; // multiply by Math.pow(base, a) … already evaluated (1 if unused)
  readonly log: number; // plus this in the exponent
  readonly logPower: number; // log of `power`, for the log form
}

function factor(a: number, d: number, base: number): Factor {
  const t = d / a;
  if (Math.abs(t) <= 0.5) return { power: 1, log: a * log1pmx(t), logPower: 0 };
  return { power: Math.pow(base, a), log: -d, logPower: a * Math.log(base) };
}

/** A value far from under- and overflow. */
function normal(v: number): boolean {
  return v > 1e-300 && v < Infinity;
}

/** Combines factors and an exponent; falls back to pure logs when a piece over/underflows. */
function combine(f: Factor, g: Factor, rest: number): number {
  const scale = Math.exp(f.log + g.log + rest);
  const value = f.power * g.power * scale;
  if (normal(f.power) && normal(g.power) && normal(scale) && normal(value)) return value;
  return Math.exp(f.logPower + g.logPower + f.log + g.log + rest);
}

const NO_FACTOR: Factor = { power: 1, log: 0, logPower: 0 };

function gammaFactor(a: number, x: number): Factor {
  return factor(a, x - a, x / a);
}

function gammaRest(a: number): number {
  return 0.5 * Math.log(a) - LN_SQRT_2PI - stirlingError(a);
}

/**
 * Logarithm of the gamma "power term" x^a·e^{−x}/Γ(a), the factor in front of the series and
 * continued fraction of the incomplete gamma ratios and (divided by x) the gamma density.
 *
 * With Stirling's formula log Γ(a) = (a − ½)·log a − a + log √(2π) + δ(a) (δ from
 * `stirlingError`), log(x^a e^{−x}/Γ(a)) = a·[log(1 + t) − t] + ½·log(a/(2π)) − δ(a) with
 * t = (x − a)/a (Loader 2000, "Fast and accurate computation of binomial probabilities"): no
 * large terms cancel, so the result is accurate to a few ulps of its own size even for
 * a = 5e5. a > 0, x ≥ 0; x = 0 gives −Infinity.
 *
 * @throws never.
 * @example
 * logGammaPowerTerm(1, 2) // => -1.3068528194400546 (log(2·e^{-2}))
 */
export function logGammaPowerTerm(a: number, x: number): number {
  const f = gammaFactor(a, x);
  return f.logPower + f.log + gammaRest(a);
}

/**
 * The gamma power term x^a·e^{−x}/Γ(a) itself (see `logGammaPowerTerm`), with relative error
 * a few ulps also when it is tiny because x ≪ a (x^a is taken by Math.pow, not through its
 * logarithm). a > 0, x ≥ 0.
 *
 * @throws never.
 * @example
 * gammaPowerTerm(1, 2) // => 0.2706705664732254 (2·e^{-2})
 */
export function gammaPowerTerm(a: number, x: number): number {
  return combine(gammaFactor(a, x), NO_FACTOR, gammaRest(a));
}

function betaParts(x: number, y: number, a: number, b: number, d: number): [Factor, Factor, number] {
  const n = a + b;
  const rest =
    0.5 * Math.log((a / n) * b) - LN_SQRT_2PI - stirlingError(a) - stirlingError(b) + stirlingError(n);
  return [factor(a, d, (n * x) / a), factor(b, -d, (n * y) / b), rest];
}

/**
 * Logarithm of the beta "power term" x^a·y^b/B(a, b), where y = 1 − x is passed separately
 * (each of x and y accurate to a few ulps, so tails near x = 1 keep their precision).
 *
 * Writing n = a + b and d = b·x − a·y (= n·x − a), log Γ through Stirling gives
 * log(x^a y^b / B(a, b)) = a·[log(1 + d/a) − d/a] + b·[log(1 − d/b) + d/b]
 *                          + ½·log(a·b/(2π·n)) − δ(a) − δ(b) + δ(n)
 * (the linear terms d and −d cancel exactly; cf. DiDonato & Morris 1992, ACM TOMS 18:360,
 * function BRCOMP, and Loader 2000). a, b > 0; x, y in [0, 1]. The deviation d may be passed
 * when the caller knows it more accurately than b·x − a·y in doubles (near the mean of large
 * a, b that difference cancels: its rounding costs ~|z|·√n·ε relative at z standard errors).
 *
 * @throws never.
 * @example
 * logBetaPowerTerm(0.5, 0.5, 1, 1) // => -1.38629436111989 (log ¼)
 */
export function logBetaPowerTerm(x: number, y: number, a: number, b: number, d = b * x - a * y): number {
  const [f, g, rest] = betaParts(x, y, a, b, d);
  return f.logPower + f.log + g.logPower + g.log + rest;
}

/**
 * The beta power term x^a·y^b/B(a, b) itself (see `logBetaPowerTerm`, also for the optional
 * deviation d); far from the mean the powers are taken by Math.pow, so x^a for tiny x keeps
 * its relative accuracy.
 *
 * @throws never.
 * @example
 * betaPowerTerm(0.5, 0.5, 1, 1) // => 0.25
 */
export function betaPowerTerm(x: number, y: number, a: number, b: number, d = b * x - a * y): number {
  const [f, g, rest] = betaParts(x, y, a, b, d);
  return combine(f, g, rest);
}
