import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { multivariate } from '../../../src/models/multivariate/multivariate.ts';
import { multivariateLikelihoodRatio } from '../../../src/models/multivariate/multivariate-likelihood-ratio.ts';
import { resultKind } from '../../../src/report/result-kind.ts';
import { anova, metaAnalysis } from '../../../src/index.ts';
import { ranefMultivariate } from '../../../src/models/multivariate/ranef-multivariate.ts';
import { vcalc } from '../../../src/models/multivariate/vcalc.ts';
import { multilevelModel } from '../../../src/models/multilevel/multilevel-model.ts';
import { fixtureCall, fixtureVi, type MvFixture } from './fixture-call.ts';

const dir = new URL('../../fixtures/metafor-multivariate/', import.meta.url);
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`mv-${name}.json`, dir), 'utf8')) as MvFixture;
const round = (x: number, d = 4) => Number(x.toFixed(d));

// Values that metafor's tests/testthat/test_analysis_example_berkey1998.r check against
// Berkey et al. (1998, Stat Med 17:2537, Table II, p. 2545), to the 4 digits printed there.
describe('published: Berkey et al. (1998), multiple-outcomes models by ML', () => {
  it('random-effects model ~ 0 + outcome, UN', () => {
    const fit = multivariate(...fixtureCall(fixture('berkey-un-ml')));
    expect(fit.coefficients.map((c) => round(c.estimate))).toEqual([-0.3379, 0.3448]);
    expect(fit.coefficients.map((c) => round(c.se))).toEqual([0.0798, 0.0495]);
    expect(fit.tau2!.map((t) => round(t))).toEqual([0.0261, 0.0070]);
    expect(round(fit.rho![0]!)).toBe(0.6992);
  });
  it('meta-regression ~ 0 + outcome + outcome:I(year − 1983), UN (Table II)', () => {
    const fit = multivariate(...fixtureCall(fixture('berkey-un-year-ml')));
    expect(fit.coefficients.map((c) => round(c.estimate))).toEqual([-0.3351, 0.3479, -0.0108, 0.0010]);
    expect(fit.coefficients.map((c) => round(c.se))).toEqual([0.0787, 0.0520, 0.0243, 0.0154]);
    expect(fit.tau2!.map((t) => round(t))).toEqual([0.0250, 0.0080]);
    expect(round(fit.rho![0]!)).toBe(0.6587);
    expect(round(fit.rho![0]! * Math.sqrt(fit.tau2![0]! * fit.tau2![1]!))).toBe(0.0093);
  });
});

// metafor's test of the same file: LRTs of the variance structure (values not in the paper, checked by metafor at 4 digits)
describe('published: likelihood-ratio tests of the Berkey (1998) structures (metafor tests)', () => {
  const [input, opts] = fixtureCall(fixture('berkey-un-ml'));
  const un = multivariate(input, opts);
  it('CS against UN: p = 0.2597', () => {
    const cs = multivariate(input, { ...opts, struct: 'CS' });
    const t = multivariateLikelihoodRatio(cs, un);
    expect(t.df).toBe(1);
    expect(round(t.pValue)).toBe(0.2597);
  });
  it('UN with ρ fixed at 0 against UN: p = 0.2452', () => {
    const rho0 = multivariate(input, { ...opts, rho: 0 });
    expect(rho0.rho).toEqual([0]);
    expect(rho0.fitStatistics.parameters).toBe(un.fitStatistics.parameters - 1);
    expect(round(multivariateLikelihoodRatio(un, rho0).pValue)).toBe(0.2452);
  });
  it('anova(full, reduced) on two multivariate fits is the same test (metafor: anova(res1, res0) on rma.mv)', () => {
    const rho0 = multivariate(input, { ...opts, rho: 0 });
    expect(round(anova(un, rho0).pValue)).toBe(0.2452);
    expect(() => anova(un, metaAnalysis({ yi: [0, 1, 2], vi: [1, 1, 1] }) as never)).toThrow(expect.objectContaining({ code: 'E_UNSUPPORTED' }));
  });
  it('prints as a likelihood-ratio test', () => {
    const rho0 = multivariate(input, { ...opts, rho: 0 });
    expect(resultKind(multivariateLikelihoodRatio(un, rho0))).toBe('likelihoodRatioTest');
  });
});

// metafor's tests/testthat/test_analysis_example_konstantopoulos2011.r (Konstantopoulos, 2011, Res Synth Methods 2:61)
describe('published: Konstantopoulos (2011) three-level model by REML, ~ 1 | district/study', () => {
  const kon = fixture('konstantopoulos-cs-reml');
  const [input, opts] = fixtureCall(kon);
  const term = (opts.random as { inner: string[]; outer: string[] }[])[0]!;
  const fit = multivariate(input, { V: opts.V, random: { levels: [term.outer, term.inner] }, profile: true });
  it('estimates, log-likelihood and profile-likelihood intervals of σ² (4 digits)', () => {
    expect(round(fit.coefficients[0]!.estimate)).toBe(0.1847);
    expect(round(fit.coefficients[0]!.se)).toBe(0.0846);
    expect(fit.sigma2.map((s) => round(s))).toEqual([0.0651, 0.0327]);
    expect(round(fit.logLik)).toBe(-7.9587);
    expect(fit.profileIntervals!.map((c) => [round(c.lower!), round(c.upper!)])).toEqual([[0.0222, 0.2072], [0.0163, 0.0628]]);
  });
  it('BLUPs of the district effects (ranef)', () => {
    const want = [-0.18998596, -0.08467077, 0.1407273, 0.24064814, -0.1072942, -0.23650899, 0.5342778, -0.2004695, 0.05711692, -0.14168396, -0.01215679];
    const wantSe = [0.16653966, 0.12407891, 0.13724053, 0.11885896, 0.11895233, 0.10112845, 0.1297891, 0.101322, 0.11104458, 0.12485549, 0.15042221];
    const districts = ranefMultivariate(fit).terms[0]!.effects;
    districts.forEach((e, j) => {
      expect(e.estimate).toBeCloseTo(want[j]!, 6);
      expect(e.se).toBeCloseTo(wantSe[j]!, 6);
    });
  });
});

describe('published: a τ² per district (metafor test, ~ 1 | district + ~ factor(district) | study, DIAG)', () => {
  it('reproduces the 11 τ² and the estimate to 4 digits', () => {
    const kon = fixture('konstantopoulos-crossed-ml');
    const [, opts] = fixtureCall(kon);
    const [district, study] = (opts.random as { levels: string[][] }[]).map((t) => t.levels[0]!);
    const fit = multivariate({ yi: kon.yi, vi: fixtureVi(kon) }, { random: [{ levels: [district!] }, { inner: district!.map(Number), outer: study!, struct: 'DIAG' }] });
    expect(fit.tau2!.map((t) => round(t))).toEqual([0.0000, 0.0402, 0.0000, 0.0582, 0.0082, 0.0000, 0.5380, 0.0008, 0.0606, 0.1803, 0.0000]);
    expect([round(fit.coefficients[0]!.estimate), round(fit.coefficients[0]!.se)]).toEqual([0.1270, 0.0588]);
  });
});

describe('profile-likelihood intervals reproduce metafor 5.1 confint.rma.mv (uniroot tol 1e-8)', () => {
  it('dat.berkey1998, UN by REML: τ²₁, τ²₂ (upper) and ρ', () => {
    const fit = multivariate(...(([i, o]) => [i, { ...o, profile: true }] as const)(fixtureCall(fixture('berkey-un-reml'))));
    const [t1, t2, rho] = fit.profileIntervals!;
    const close = (got: number | null, want: number) => expect(Math.abs(got! - want)).toBeLessThanOrEqual(1e-5 * Math.abs(want));
    close(t1!.lower, 0.009496446); close(t1!.upper, 0.206776601);
    close(t2!.upper, 0.11143963); // metafor: lower bound not found ("convergence problems")
    close(rho!.lower, -0.5996182);
    expect(rho!.upper).toBe(1);
  });
});

describe('multivariate: properties', () => {
  const kon = fixture('konstantopoulos-cs-reml');
  it('~ school | district with CS equals the nested ~ 1 | district/school (σ²_district = ρτ², σ²_school = (1 − ρ)τ²)', () => {
    const fit = multivariate(...fixtureCall(kon));
    const [, opts] = fixtureCall(kon);
    const term = (opts.random as { inner: string[]; outer: string[] }[])[0]!;
    const nested = multilevelModel({ yi: kon.yi, vi: fixtureVi(kon) }, { levels: [term.outer, term.inner] });
    const tau2 = fit.tau2![0]!;
    const rho = fit.rho![0]!;
    expect(rho * tau2).toBeCloseTo(nested.sigma2[0]!, 6);
    expect((1 - rho) * tau2).toBeCloseTo(nested.sigma2[1]!, 6);
    expect(fit.logLik).toBeCloseTo(nested.logLik, 7);
    expect(fit.coefficients[0]!.estimate).toBeCloseTo(nested.coefficients[0]!.estimate, 6);
  });
  it('is invariant to the order of the rows', () => {
    const f = fixture('berkey-un-reml');
    const [input, opts] = fixtureCall(f);
    const order = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
    const pos = order.map((_, i) => order.indexOf(i));
    const V = opts.V as { k: number; blocks: { cluster: string; index: number[]; matrix: number[][] }[] };
    const term = (opts.random as { inner: string[]; outer: string[] }[])[0]!;
    const permuted = multivariate({ yi: order.map((i) => input.yi[i]!) }, {
      ...opts,
      V: { k: V.k, blocks: V.blocks.map((b) => ({ ...b, index: b.index.map((i) => pos[i]!) })) },
      random: [{ inner: order.map((i) => term.inner[i]!), outer: order.map((i) => term.outer[i]!), struct: 'UN' }],
      moderators: Object.fromEntries(Object.entries(opts.moderators as Record<string, number[]>).map(([n, c]) => [n, order.map((i) => c[i]!)])),
    });
    const fit = multivariate(input, opts);
    expect(permuted.logLik).toBeCloseTo(fit.logLik, 9);
    permuted.coefficients.forEach((c, j) => expect(c.estimate).toBeCloseTo(fit.coefficients[j]!.estimate, 7));
  });
  it('scales: multiplying y by c multiplies β by c and the variance components by c²', () => {
    const f = fixture('berkey-un-ml');
    const [input, opts] = fixtureCall(f);
    const c = 10;
    const V = opts.V as { k: number; blocks: { cluster: string; index: number[]; matrix: number[][] }[] };
    const scaled = multivariate({ yi: input.yi.map((y) => c * y) }, { ...opts, V: { k: V.k, blocks: V.blocks.map((b) => ({ ...b, matrix: b.matrix.map((r) => r.map((x) => c * c * x)) })) } });
    const fit = multivariate(input, opts);
    scaled.tau2!.forEach((t, j) => expect(t / (c * c * fit.tau2![j]!)).toBeCloseTo(1, 6));
    scaled.coefficients.forEach((co, j) => expect(co.estimate / (c * fit.coefficients[j]!.estimate)).toBeCloseTo(1, 7));
  });
  it('works in blocks: 17 studies of dat.assink2016 with V from vcalc give 17 blocks, largest 22', () => {
    const fit = multivariate(...fixtureCall(fixture('assink-vcalc-nested')));
    expect([fit.blocks, fit.largestBlock]).toEqual([17, 22]);
  });
  it('takes the V of vcalc directly', () => {
    const f = fixture('kalaian-un-reml');
    const [input, opts] = fixtureCall(f);
    const vi = fixtureVi(f);
    const term = (opts.random as { inner: string[]; outer: string[] }[])[0]!;
    const V = vcalc({ vi }, { cluster: term.outer, type: term.inner, rho: 0.66 });
    expect(multivariate(input, { ...opts, V }).logLik).toBeCloseTo(f.logLik, 7);
  });
});

describe('multivariate: bad input', () => {
  const f = fixture('berkey-un-reml');
  const [input, opts] = fixtureCall(f);
  it('names the field and row', () => {
    const V = opts.V as { k: number; blocks: { cluster: string; index: number[]; matrix: number[][] }[] };
    const bad = { k: V.k, blocks: V.blocks.map((b, i) => (i === 1 ? { ...b, matrix: [[1, 2], [2, 1]] } : b)) };
    expect(() => multivariate(input, { ...opts, V: bad })).toThrow(/V, row 3: the block of rows 3, 4 is not positive definite/);
    expect(() => multivariate(input, { ...opts, struct: 'XX' as never })).toThrow(/struct/);
    expect(() => multivariate(input, { ...opts, random: [{ inner: ['a'], outer: ['b'] }] })).toThrow(/random\[0\]\.inner: length mismatch/);
    expect(() => multivariate(input, { ...opts, V: { k: 3, blocks: [] } })).toThrow(/V: has k = 3 rows but there are 10/);
    expect(() => multivariate(input, { ...opts, rnadom: [] } as never)).toThrow(/random/);
    expect(() => multivariate({ yi: [1, 2, 3] }, { random: { levels: [[1, 2, 3]] } })).toThrow(/vi in the input or V/);
    expect(() => multivariate(input, { ...opts, rho: 2 })).toThrow(/rho: must be in \[-1, 1\] or null \(got 2\)/);
    expect(() => multivariate(input, { ...opts, tau2: [0.1] })).toThrow(/tau2: must be one number or an array of 2/);
  });
  it('omits rows with a missing label, with a warning', () => {
    const fit = multivariate({ yi: [0.1, 0.5, 0.2, 0.9, 0.4, 0.3], vi: [0.01, 0.02, 0.01, 0.02, 0.03, 0.01] }, { random: { levels: [['a', 'a', 'b', null, 'c', 'c']] } });
    expect(fit.k).toBe(5);
    expect(fit.warnings).toContain('Row 4 omitted: a random-effect label is missing.');
  });
});
