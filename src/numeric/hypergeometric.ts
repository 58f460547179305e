import gammaln from '@stdlib/math-base-special-gammaln';

/**
 * Gauss's hypergeometric function ₂F₁(a, b; c; x) for 0 ≤ x ≤ 1, a ≥ 0 and c > b > 0: the
 * power series Σ (a)ₖ(b)ₖ/((c)ₖ k!) xᵏ (all terms positive) when it reaches 1e-17 of its sum
 * within 20 000 terms, else Euler's integral (Abramowitz & Stegun, 1964, 15.3.1)
 * ₂F₁ = Γ(c)/(Γ(b)Γ(c−b)) ∫₀¹ t^(b−1) (1−t)^(c−b−1) (1 − x·t)^(−a) dt,
 * by tanh-sinh (double-exponential) quadrature, which absorbs the endpoint singularities; the
 * step is halved until two successive sums agree to 1e-15. `oneMinusX` is 1 − x given exactly
 * (e.g. r² for x = 1 − r²), so that 1 − x·t loses no digits near x = 1. NaN outside the domain,
 * and at x = 1 when c − a − b ≤ 0 (where the series diverges).
 *
 * @example
 * hypergeometric2F1(1, 1, 2, 0.5, 0.5) // => 1.38629436111989 (−ln(1 − x)/x = 2 ln 2)
 */
export function hypergeometric2F1(a: number, b: number, c: number, x: number, oneMinusX = 1 - x): number {
  if (!(c > b && b > 0) || !(x >= 0 && x <= 1)) return NaN;
  if (oneMinusX === 0 && !(c - a - b > 0)) return NaN;
  const series = powerSeries(a, b, c, x);
  if (series !== null) return series;
  const prefactor = Math.exp(gammaln(c) - gammaln(b) - gammaln(c - b));
  const integrand = (t: number, u: number): number =>
    t ** (b - 1) * u ** (c - b - 1) * (oneMinusX + x * u) ** -a;
  let h = 0.5;
  let previous = tanhSinh(integrand, h);
  for (let level = 0; level < 10; level++) {
    h /= 2;
    const next = tanhSinh(integrand, h);
    if (Math.abs(next - previous) <= 1e-15 * Math.abs(next)) return prefactor * next;
    previous = next;
  }
  return prefactor * previous;
}

/** The power series of ₂F₁, or null when it has not converged within 20 000 terms. */
function powerSeries(a: number, b: number, c: number, x: number): number | null {
  let term = 1;
  let sum = 1;
  for (let k = 0; k < 20000; k++) {
    term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * x;
    sum += term;
    if (term <= 1e-17 * sum) return sum;
  }
  return null;
}

/**
 * ∫₀¹ f(t) dt by the tanh-sinh rule of step h, f called as f(t, 1 − t) with both computed
 * without cancellation: t = 1/(1 + e^(−2s)), 1 − t = 1/(1 + e^(2s)), s = (π/2)·sinh(v).
 */
function tanhSinh(f: (t: number, u: number) => number, h: number): number {
  let sum = 0;
  const limit = 4.5;
  for (let v = -limit; v <= limit + 1e-12; v += h) {
    const s = (Math.PI / 2) * Math.sinh(v);
    const t = 1 / (1 + Math.exp(-2 * s));
    const u = 1 / (1 + Math.exp(2 * s));
    if (t === 0 || u === 0) continue;
    const weight = (Math.PI / 2) * Math.cosh(v) * t * u * 2;
    const value = f(t, u) * weight;
    if (Number.isFinite(value)) sum += value;
  }
  return sum * h;
}
