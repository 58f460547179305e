// Properties of glmm() checked against direct computations, not against its own output:
// closed forms of the equal-effects fits, invariance to the order of the studies, the
// equivalence of models that must coincide, Gauss–Hermite exactness, convergence reporting on
// sparse tables and all-zero arms, bad input, printing and JSON.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../../fast-check-seed.ts';
import { glmm } from '../../../src/models/glmm/glmm.ts';
import { gaussHermite } from '../../../src/numeric/gauss-hermite.ts';
import { formatResult } from '../../../src/report/format-result.ts';
import { resultKind } from '../../../src/report/result-kind.ts';
import { InputError } from '../../../src/errors.ts';
import { GLMM_CASES } from './fixture-cases.ts';

const nielweise2007 = GLMM_CASES['nielweise2007-PLO-control-ML']!.rows as Record<string, number>[];

describe('closed forms of the equal-effects fits', () => {
  it('PLO: pooled logit of Σx/Σn with SE 1/√(N·p(1−p)), QE.LRT the binomial deviance', () => {
    const rows = [{ xi: 16, ni: 17 }, { xi: 10, ni: 12 }, { xi: 4, ni: 8 }, { xi: 13, ni: 20 }];
    const x = 43;
    const n = 57;
    const p = x / n;
    const f = glmm(rows, { measure: 'PLO', method: 'EE' });
    expect(f.estimate).toBeCloseTo(Math.log(x / (n - x)), 12);
    expect(f.se! / (1 / Math.sqrt(n * p * (1 - p))) - 1).toBeLessThan(1e-7);
    const dev = 2 * rows.reduce((s, r) => s + r.xi * Math.log(r.xi / (r.ni * p)) + (r.ni - r.xi ? (r.ni - r.xi) * Math.log((r.ni - r.xi) / (r.ni * (1 - p))) : 0), 0);
    expect(f.qeLrt! / dev - 1).toBeLessThan(1e-10);
  });
  it('IRLN: pooled log rate of Σx/Σt with SE 1/√Σx', () => {
    const rows = [{ xi: 5, ti: 2.5 }, { xi: 9, ti: 3 }, { xi: 2, ti: 1.5 }];
    const f = glmm(rows, { measure: 'IRLN', method: 'EE' });
    expect(f.estimate).toBeCloseTo(Math.log(16 / 7), 12);
    expect(Math.abs(f.se! * Math.sqrt(16) - 1)).toBeLessThan(1e-7);
  });
  it('CM.AL with one table: the conditional binomial MLE log(a·n2 / (c·n1)) with variance 1/a + 1/c', () => {
    const f = glmm([{ ai: 7, n1i: 40, ci: 12, n2i: 50 }], { measure: 'OR', model: 'CM.AL', method: 'EE' });
    expect(f.estimate).toBeCloseTo(Math.log((7 * 50) / (12 * 40)), 11);
    expect(Math.abs(f.se! ** 2 / (1 / 7 + 1 / 12) - 1)).toBeLessThan(1e-7);
  });
  it('UM.FS EE with one table is the log odds ratio with Woolf variance', () => {
    const f = glmm([{ ai: 7, bi: 33, ci: 12, di: 38 }], { measure: 'OR', method: 'EE' });
    expect(f.estimate).toBeCloseTo(Math.log((7 * 38) / (33 * 12)), 11);
    expect(Math.abs(f.se! ** 2 / (1 / 7 + 1 / 33 + 1 / 12 + 1 / 38) - 1)).toBeLessThan(1e-7);
  });
  it('IRR: the conditional model (CM.EL) and the Poisson model with fixed study effects (UM.FS) give the same EE estimate', () => {
    const rows = GLMM_CASES['nielweise2008-IRR-UM.FS-EE']!.rows;
    const a = glmm(rows, { measure: 'IRR', model: 'CM.EL', method: 'EE' });
    const b = glmm(rows, { measure: 'IRR', model: 'UM.FS', method: 'EE' });
    expect(a.estimate).toBeCloseTo(b.estimate, 9);
    expect(a.se!).toBeCloseTo(b.se!, 6);
  });
});

describe('Gauss–Hermite rules', () => {
  it('integrate polynomials of degree ≤ 2n − 1 exactly against e^{−x²}', () => {
    // ∫ x^{2m} e^{−x²} dx = Γ(m + 1/2) = √π·(2m − 1)!!/2^m
    for (const n of [1, 3, 7, 20]) {
      const { nodes, weights } = gaussHermite(n);
      for (let m = 0; 2 * m <= 2 * n - 1; m++) {
        let doubleFactorial = 1;
        for (let j = 2 * m - 1; j > 1; j -= 2) doubleFactorial *= j;
        const exact = (Math.sqrt(Math.PI) * doubleFactorial) / 2 ** m;
        let sum = 0;
        nodes.forEach((x, i) => { sum += weights[i]! * x ** (2 * m); });
        expect(Math.abs(sum / exact - 1)).toBeLessThan(1e-12);
      }
    }
  });
});

describe('invariance', () => {
  it('the fit does not depend on the order of the studies (PLO, ML)', () => {
    const rows = nielweise2007.slice(0, 10).map((r) => ({ xi: r.ci, ni: r.n2i }));
    const reference = glmm(rows, { measure: 'PLO' });
    fc.assert(fc.property(fc.shuffledSubarray(rows.map((_, i) => i), { minLength: rows.length }), (order) => {
      const f = glmm(order.map((i) => rows[i]!), { measure: 'PLO' });
      return Math.abs(f.estimate - reference.estimate) < 1e-7 && Math.abs(f.tau2 - reference.tau2) < 1e-6;
    }), { numRuns: 5 });
  });
  it('a moderator shifted and scaled changes only its own coefficient by the scale (CM.AL, ML)', () => {
    const rows = GLMM_CASES['bcg-OR-ablat-CM.AL-ML']!.rows as Record<string, number>[];
    const ablat = rows.map((r) => r.ablat!);
    const a = glmm(rows, { measure: 'OR', model: 'CM.AL', moderators: { ablat } });
    const b = glmm(rows, { measure: 'OR', model: 'CM.AL', moderators: { ablat: ablat.map((x) => 10 + x / 2) } });
    expect(b.coefficients[1]!.estimate / a.coefficients[1]!.estimate).toBeCloseTo(2, 6);
    expect(b.tau2).toBeCloseTo(a.tau2, 7);
    expect(b.qeLrt!).toBeCloseTo(a.qeLrt!, 8);
  });
});

describe('maximum likelihood', () => {
  it.each(['UM.FS', 'UM.RS', 'CM.EL', 'CM.AL'] as const)('%s: the random-effects fit has at least the likelihood of the nested equal-effects fit', (model) => {
    const rows = GLMM_CASES['bcg-OR-ablat-CM.AL-ML']!.rows as Record<string, number>[];
    const moderators = { ablat: rows.map((r) => r.ablat!) };
    const ml = glmm(rows, { measure: 'OR', model, moderators });
    const ee = glmm(rows, { measure: 'OR', model, moderators, method: 'EE' });
    expect(ml.converged && ee.converged).toBe(true);
    expect(ml.marginalLogLik).toBeGreaterThanOrEqual(ee.marginalLogLik - 1e-9);
  }, 30_000);
});

describe('sparse tables and all-zero arms', () => {
  const sparse = [{ ai: 1, n1i: 50, ci: 3, n2i: 50 }, { ai: 0, n1i: 40, ci: 2, n2i: 45 }, { ai: 0, n1i: 30, ci: 0, n2i: 30 }, { ai: 2, n1i: 60, ci: 0, n2i: 60 }, { ai: 0, n1i: 60, ci: 1, n2i: 60 }];
  it.each(['UM.FS', 'UM.RS', 'CM.EL', 'CM.AL'] as const)('%s converges and drops the double-zero study with a warning', (model) => {
    const f = glmm(sparse, { measure: 'OR', model });
    expect(f.converged).toBe(true);
    expect(f.k).toBe(4);
    expect(f.warnings.some((w) => w.startsWith('Row 3 (row 3) omitted: no events in either group'))).toBe(true);
    expect(Number.isFinite(f.estimate) && f.se! > 0 && f.tau2 >= 0).toBe(true);
  }, 20_000);
  it.each(['UM.FS', 'CM.EL'] as const)('%s: no events in the treated group of any study: not converged, and the warning says why', (model) => {
    const rows = sparse.map((r) => ({ ...r, ai: 0 }));
    const f = glmm(rows, { measure: 'OR', model, method: 'EE' });
    expect(f.converged).toBe(false);
    expect(f.warnings.some((w) => /did not converge.*runs off towards -Infinity/.test(w))).toBe(true);
  }, 20_000);
  it('PLO with no events anywhere: not converged, said in the warnings', () => {
    const f = glmm([{ xi: 0, ni: 10 }, { xi: 0, ni: 20 }], { measure: 'PLO' });
    expect(f.converged).toBe(false);
    expect(f.warnings.join(' ')).toMatch(/did not converge/);
  }, 20_000);
});

describe('bad input', () => {
  const rows = [{ ai: 1, n1i: 10, ci: 2, n2i: 10 }, { ai: 3, n1i: 10, ci: 2, n2i: 10 }];
  const fails = (f: () => unknown, message: RegExp) => {
    expect(f).toThrow(InputError);
    expect(f).toThrow(message);
  };
  it('names the field and row', () => {
    fails(() => glmm([{ ai: 1, n1i: 10, ci: -2, n2i: 10 }], { measure: 'OR' }), /ci, study "row 1", row 1: must be a count/);
    fails(() => glmm([{ xi: 11, ni: 10 }], { measure: 'PLO' }), /xi, study "row 1", row 1: must not exceed ni/);
    fails(() => glmm([{ xi: 1.5, ti: 10 }], { measure: 'IRLN' }), /xi, .*row 1: must be a count/);
    fails(() => glmm([{ xi: 1, ti: 0 }], { measure: 'IRLN' }), /ti, .*row 1: must be a positive person-time/);
    fails(() => glmm([{ x1i: 'a', t1i: 1, x2i: 1, t2i: 1 }], { measure: 'IRR' }), /x1i, .*row 1: must be a number/);
    fails(() => glmm(rows, { measure: 'OR', columns: { ai: 'events' } }), /needs the column "events"/);
  });
  it('rejects unknown options, measures, models and bad settings', () => {
    fails(() => glmm(rows, { measure: 'OR', modle: 'UM.FS' } as never), /unknown option "modle" \(did you mean "model"\?\)/);
    fails(() => glmm(rows, { measure: 'RR' } as never), /measure: unknown measure/);
    fails(() => glmm(rows, { measure: 'OR', model: 'CM.XX' } as never), /model: unknown model/);
    fails(() => glmm(rows, { measure: 'IRR', model: 'CM.AL' } as never), /model: unknown model/);
    fails(() => glmm([{ xi: 1, ni: 2 }], { measure: 'PLO', model: 'UM.FS' }), /model: applies to the two-group measures/);
    fails(() => glmm(rows, { measure: 'OR', nAGQ: 0 }), /nAGQ: must be an integer/);
    fails(() => glmm(rows, { measure: 'OR', level: 95 }), /level: must be a proportion/);
    fails(() => glmm(rows, {} as never), /measure: is required/);
    fails(() => glmm(rows, { measure: 'OR', moderators: { x: [1] } }), /moderators.x: has 1 values for 2 rows/);
    fails(() => glmm(rows, { measure: 'OR', moderators: { x: [1, 1] } }), /moderators.x: moderator "x" is constant/);
  });
  it('omits a row with a missing count, with a warning', () => {
    const f = glmm([...rows, { ai: null, n1i: 10, ci: 2, n2i: 10 }, { ai: 2, n1i: 12, ci: 4, n2i: 11 }], { measure: 'OR', method: 'EE' });
    expect(f.k).toBe(3);
    expect(f.warnings).toContain('Row 3 (row 3) omitted: a count or moderator is missing.');
  });
});

describe('printing and JSON', () => {
  it('formatResult prints it as metafor does and resultKind recognises it after a JSON round trip', () => {
    const f = glmm(nielweise2007, { measure: 'OR', model: 'CM.AL' });
    const text = formatResult(f);
    expect(text).toMatch(/^Random-Effects Model \(k = 17; tau\^2 estimator: ML\)\nModel Type: Conditional Model with Approximate Likelihood/);
    expect(text).toMatch(/Wld\(df = 16\) = 11\.1155, p-val = /);
    expect(text).toMatch(/LRT\(df = 16\) = 27\.3917, p-val = /);
    const copy = JSON.parse(JSON.stringify(f)) as typeof f;
    expect(resultKind(copy)).toBe('glmm');
    expect(formatResult(copy)).toBe(text);
  }, 20_000);
});
