// The numbers the diagnostic plots draw, against R metafor (test/fixtures/metafor-plots,
// generate.R): radial() coordinates, qqnorm() quantiles and the simulated envelope,
// regplot()/predict() lines and bands, labbe() arm outcomes and point sizes.
import { describe, expect, it } from 'vitest';
import {
  bubbleData, effectSizes, InputError, labbeData, metaAnalysis, metaRegression, normalQqData, radialData,
} from '../../src/index.ts';
import { TOLERANCES, arrayMismatches, mismatch, tierOf } from '../tolerances.ts';
import { BCG_COLUMNS, fixtureEffects, fixtureFit, interceptOnlyCases, loadPlotFixture } from './plot-fixtures.ts';

describe.each(interceptOnlyCases())('%s', (_, fx, entry) => {
  const fit = fixtureFit(fx, entry);
  const tol = TOLERANCES[tierOf(entry.method)];

  it('radialData matches radial()', () => {
    const d = radialData(fit);
    expect([
      ...arrayMismatches(d.points.map((p) => p.x), entry.radial.x, tol, 'x'),
      ...arrayMismatches(d.points.map((p) => p.z), entry.radial.y, tol, 'z'),
    ]).toEqual([]);
    expect(d.estimate).toBeCloseTo(entry.b, 7);
    expect(d.xMax).toBeCloseTo(1.3 * Math.max(...entry.radial.x), 7);
  });

  it('radial slope is the least-squares line through the origin (Galbraith)', () => {
    const { points, estimate } = radialData(fit);
    const sxz = points.reduce((a, p) => a + p.x * p.z, 0);
    const sxx = points.reduce((a, p) => a + p.x * p.x, 0);
    expect(sxz / sxx).toBeCloseTo(estimate, 10);
  });

  it('normalQqData matches qqnorm() (points sorted by residual)', () => {
    const d = normalQqData(fit);
    const r = entry.qqnorm.x.map((x, i) => ({ x, y: entry.qqnorm.y[i]! })).sort((a, b) => a.y - b.y);
    expect([
      ...arrayMismatches(d.points.map((p) => p.theoretical), r.map((p) => p.x), 1e-10, 'theoretical'),
      ...arrayMismatches(d.points.map((p) => p.residual), r.map((p) => p.y), tol, 'residual'),
    ]).toEqual([]);
  });

  it('the envelope agrees with metafor\'s simulation within Monte Carlo error', () => {
    // R: 20,000 replicates of sort((I - H) e); here 20,000 with another generator. The
    // 2.5% / 97.5% quantiles then have a Monte Carlo SD below 0.02 each.
    const d = normalQqData(fit, { reps: 20000, seed: 3 });
    const diffs = d.envelope.lower.map((v, i) => Math.abs(v - entry.envelope.lower[i]!))
      .concat(d.envelope.upper.map((v, i) => Math.abs(v - entry.envelope.upper[i]!)));
    expect(Math.max(...diffs)).toBeLessThan(0.08);
  });
});

describe('normalQqData', () => {
  const fit = metaAnalysis({ yi: [0.1, 0.3, 0.5, -0.2, 0.05], vi: [0.01, 0.02, 0.015, 0.04, 0.03] });
  it('is reproducible for a seed and changes with it', () => {
    expect(normalQqData(fit, { seed: 5 })).toEqual(normalQqData(fit, { seed: 5 }));
    expect(normalQqData(fit, { seed: 5 }).envelope.lower).not.toEqual(normalQqData(fit, { seed: 6 }).envelope.lower);
  });
  it('uses R\'s plotting positions (i - 1/2)/k for k > 10', () => {
    const k = 12;
    const big = metaAnalysis({ yi: Array.from({ length: k }, (_, i) => Math.sin(i)), vi: Array(k).fill(0.1) });
    const p = normalQqData(big, { reps: 10 }).points;
    // Φ⁻¹(0.5/12) = -1.7316643961222453 (R: qnorm(0.5/12))
    expect(p[0]!.theoretical).toBeCloseTo(-1.7316643961222453, 12);
  });
  it('rejects bad options', () => {
    expect(() => normalQqData(fit, { reps: 3 })).toThrow(InputError);
    expect(() => normalQqData(fit, { level: 95 })).toThrow(/level/);
  });
});

describe('bubbleData against regplot() and predict()', () => {
  for (const name of ['bcg', 'raudenbush1985']) {
    const fx = loadPlotFixture(name);
    for (const r of fx.regplot ?? []) {
      it(`${name} ${r.method} ${r.test} ~ ${String(r.moderators)}`, () => {
        const es = fixtureEffects(fx);
        const mods = Array.isArray(r.moderators) ? r.moderators : [r.moderators];
        const moderators = Object.fromEntries(mods.map((m) => [m, fx.rows.map((row) => row[m] as number)]));
        const fit = metaRegression(es, { moderators, method: r.method, test: r.test });
        const d = bubbleData(fit, { moderator: mods[0], at: r.xs });
        const tol = TOLERANCES[tierOf(r.method)];
        // x̃ᵀβ̂ sums terms much larger than itself when a moderator is far from 0 (year ≈ 1966):
        // compare with an absolute floor of tol·Σ|x̃ⱼβ̂ⱼ| (the sum's own rounding scale).
        const scale = (i: number) => Math.abs(r.b[0]!) + Math.abs(r.b[1]! * r.xs[i]!) + Math.abs((r.b[2] ?? 0) * (r['at.year'] ?? 0));
        const compare = (got: readonly number[], want: readonly number[], label: string) =>
          want.flatMap((w, i) => mismatch(got[i], w, tol, `${label}[${i}]`, tol * scale(i)) ?? []);
        expect([
          ...compare(d.line.fitted, r.pred, 'fitted'),
          ...compare(d.line.ciLower, r['ci.lb'], 'ci.lb'),
          ...compare(d.line.ciUpper, r['ci.ub'], 'ci.ub'),
          ...compare(d.line.piLower, r['pi.lb'], 'pi.lb'),
          ...compare(d.line.piUpper, r['pi.ub'], 'pi.ub'),
          ...(r.psize ? arrayMismatches(d.points.map((p) => p.size), r.psize, tol, 'psize') : []),
        ]).toEqual([]);
        if (r['at.year'] !== undefined) expect(d.heldAt.year).toBeCloseTo(r['at.year'], 10);
        // the line is the fitted coefficients: intercept + slope·x at the other moderators' means
        const b = r.b;
        const held = mods.slice(1).reduce((s, m, j) => s + b[j + 2]! * d.heldAt[m]!, 0);
        r.xs.forEach((x, i) => expect(d.line.fitted[i]).toBeCloseTo(b[0]! + b[1]! * x + held, 7));
      });
    }
  }
  it('default grid spans the moderator range widened by 4% each side', () => {
    const fit = metaRegression({ yi: [0, 2, 1, 5], vi: [1, 1, 1, 1] }, { moderators: { x: [0, 1, 2, 3] } });
    const d = bubbleData(fit, { steps: 2 });
    expect(d.line.x).toEqual([-0.12, 3.12]);
  });
  it('asks which moderator when there are several', () => {
    const fit = metaRegression({ yi: [0, 2, 1, 5, 3], vi: [1, 1, 1, 1, 1] }, { moderators: { x: [0, 1, 2, 3, 4], z: [1, 0, 0, 1, 1] }, method: 'DL' });
    expect(() => bubbleData(fit)).toThrow(/moderator: the model has 2 moderators/);
    expect(() => bubbleData(fit, { moderator: 'w' })).toThrow(/moderator/);
    expect(() => bubbleData(null as never)).toThrow(/fit/);
  });
});

describe('labbeData against labbe()', () => {
  const fx = loadPlotFixture('bcg');
  for (const l of fx.labbe ?? []) {
    it(l.measure, () => {
      const fit = metaAnalysis(effectSizes(l.measure, fx.rows, { columns: BCG_COLUMNS }));
      const d = labbeData(fit, fx.rows, { columns: BCG_COLUMNS });
      expect(d.estimate).toBeCloseTo(l.b, 7);
      expect([
        ...arrayMismatches(d.points.map((p) => p.x), l.x, TOLERANCES.closed, 'x'),
        ...arrayMismatches(d.points.map((p) => p.y), l.y, TOLERANCES.closed, 'y'),
        ...arrayMismatches(d.points.map((p) => p.size), l.cex, TOLERANCES.closed, 'cex'),
      ]).toEqual([]);
    });
  }
  it('refuses other measures and rows that are not the fit\'s', () => {
    const fit = metaAnalysis(effectSizes('RR', fx.rows, { columns: BCG_COLUMNS }));
    expect(() => labbeData(fit, fx.rows.slice(1), { columns: BCG_COLUMNS })).toThrow(/rows: the rows give 12/);
    const md = metaAnalysis({ yi: [1, 2], vi: [1, 1] });
    expect(() => labbeData(md, fx.rows, { columns: BCG_COLUMNS })).toThrow(/fit\.measure/);
  });
});
