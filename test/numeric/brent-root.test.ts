// zeroin follows R's uniroot step for step, so it stops on the same point at R's tolerances.
import { describe, expect, it } from 'vitest';
import { zeroin } from '../../src/numeric/brent-root.ts';

describe('zeroin = R uniroot', () => {
  it('sqrt(2), tol 1e-12', () => {
    // R: sprintf("%.17g", uniroot(function(x) x^2-2, c(0,2), tol=1e-12, maxiter=100)$root) -> "1.4142135623731364"
    expect(zeroin((x) => x * x - 2, 0, 2, -2, 2, 1e-12, 100).root).toBe(1.4142135623731364);
  });
  it('exp(x) − 5 + x with the default tolerance ε^¼', () => {
    // R: sprintf("%.17g", uniroot(function(x) exp(x)-5+x, c(-3,4))$root) -> "1.3065351081569643"
    const f = (x: number) => Math.exp(x) - 5 + x;
    expect(zeroin(f, -3, 4, f(-3), f(4), Number.EPSILON ** 0.25, 1000).root).toBe(1.3065351081569643);
  });
  it('returns an end point where f is 0 and reports running out of iterations', () => {
    expect(zeroin((x) => x, 0, 1, 0, 1, 1e-8, 10).root).toBe(0);
    expect(zeroin((x) => x ** 3 - 0.3, 0, 1, -0.3, 0.7, 1e-15, 2).iterations).toBe(-1);
  });
});
