// Properties of multilevel() and robust() that hold whatever the data: invariance to row order
// and to how labels are spelled, scale and location equivariance, reduction to the two-level
// model with one outer cluster, omitted rows, and the optimizer's Kuhn–Tucker conditions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metaAnalysis, multilevel, robust, type MultilevelResult } from '../../../src/index.ts';
import { collapseInner } from '../../../src/models/multilevel/collapse-inner.ts';
import { evaluateNested } from '../../../src/models/multilevel/nested-likelihood.ts';
import { nestedGroups } from '../../../src/models/multilevel/nested-groups.ts';
import { TOLERANCES, mismatch } from '../../tolerances.ts';
import { fixtureInput, loadMultilevelFixture } from './fixtures.ts';

const TOL = 1e-9;

/** Random three-level data: 3–7 clusters of 1–5 rows, some inner levels shared by two rows. */
const dataset = fc
  .array(fc.record({
    size: fc.integer({ min: 1, max: 5 }),
    shift: fc.double({ min: -1, max: 1, noNaN: true }),
    shareFirstTwo: fc.boolean(),
  }), { minLength: 3, maxLength: 7 })
  .chain((clusters) => {
    const k = clusters.reduce((s, c) => s + c.size, 0);
    return fc.record({
      clusters: fc.constant(clusters),
      noise: fc.array(fc.double({ min: -0.6, max: 0.6, noNaN: true }), { minLength: k, maxLength: k }),
      vi: fc.array(fc.double({ min: 0.005, max: 0.1, noNaN: true }), { minLength: k, maxLength: k }),
    });
  })
  .map(({ clusters, noise, vi }) => {
    const yi: number[] = [];
    const outer: string[] = [];
    const inner: string[] = [];
    clusters.forEach((c, j) => {
      for (let t = 0; t < c.size; t++) {
        yi.push(0.2 + c.shift + noise[yi.length]!);
        outer.push(`c${j}`);
        inner.push(c.shareFirstTwo && t === 1 ? 'e0' : `e${t}`);
      }
    });
    return { yi, vi, outer, inner };
  })
  .filter((d) => new Set(d.outer.map((o, i) => `${o}/${d.inner[i]}`)).size > new Set(d.outer).size);

type Data = { yi: number[]; vi: number[]; outer: string[]; inner: string[] };
const fitOf = (d: Data, method: 'REML' | 'ML' = 'REML') => multilevel({ yi: d.yi, vi: d.vi }, { outer: d.outer, inner: d.inner, method });

function close(got: number | null, want: number | null, label: string, tol = TOL, floor = 1e-12) {
  const m = mismatch(got, want, tol, label, floor);
  if (m !== null) throw new Error(m);
}

function sameFit(a: MultilevelResult, b: MultilevelResult, floor = 1e-12) {
  close(a.estimate, b.estimate, 'estimate', TOL, floor);
  close(a.se, b.se, 'se');
  close(a.logLik, b.logLik, 'logLik');
  close(a.sigma2[0], b.sigma2[0], 'sigma2[0]', 1e-7, 1e-10);
  close(a.sigma2[1], b.sigma2[1], 'sigma2[1]', 1e-7, 1e-10);
  close(a.q, b.q, 'q');
}

function sameRobust(a: MultilevelResult, b: MultilevelResult, ca: string[], cb: string[]) {
  for (const adjust of ['CR1', 'CR2'] as const) {
    const ra = robust(a, { cluster: ca, adjust });
    const rb = robust(b, { cluster: cb, adjust });
    close(ra.se, rb.se, `${adjust} se`, 1e-7);
    close(ra.df, rb.df, `${adjust} df`, 1e-7);
  }
}

describe('invariance', () => {
  it('row order does not matter (fit, CR1, CR2)', () => {
    fc.assert(fc.property(dataset, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (d, seed) => {
      const order = d.yi.map((_, i) => i);
      let s = seed;
      for (let i = order.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) % 2 ** 31;
        const j = s % (i + 1);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const p = <T,>(x: T[]) => order.map((i) => x[i]!);
      const e = { yi: p(d.yi), vi: p(d.vi), outer: p(d.outer), inner: p(d.inner) };
      const a = fitOf(d);
      const b = fitOf(e);
      sameFit(a, b);
      sameRobust(a, b, d.outer, e.outer);
    }), { numRuns: 60 });
  });

  it('labels are names only: renaming, and reusing inner labels across clusters, change nothing', () => {
    fc.assert(fc.property(dataset, (d) => {
      const renamed = { ...d, outer: d.outer.map((o) => `study ${o}!`), inner: d.outer.map((o, i) => `${o}-${d.inner[i]}`) };
      const a = fitOf(d);
      const b = fitOf(renamed);
      sameFit(a, b);
      expect([b.nOuter, b.nInner]).toEqual([a.nOuter, a.nInner]);
    }), { numRuns: 40 });
  });
});

describe('equivariance', () => {
  it('y → c·y + d, v → c²·v: estimate → c·μ̂ + d, σ² → c²σ², se → |c|·se; tests and robust df unchanged', () => {
    fc.assert(fc.property(dataset, fc.double({ min: 0.2, max: 5, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (d, c, shift) => {
      const a = fitOf(d);
      const b = fitOf({ ...d, yi: d.yi.map((y) => c * y + shift), vi: d.vi.map((v) => c * c * v) });
      close(b.estimate, c * a.estimate + shift, 'estimate', TOL, 1e-10);
      close(b.se, c * a.se, 'se');
      close(b.sigma2[0], c * c * a.sigma2[0], 'sigma2[0]', 1e-7, 1e-10);
      close(b.sigma2[1], c * c * a.sigma2[1], 'sigma2[1]', 1e-7, 1e-10);
      close(b.q, a.q, 'q');
      for (const adjust of ['CR1', 'CR2'] as const) {
        const ra = robust(a, { cluster: d.outer, adjust });
        const rb = robust(b, { cluster: d.outer, adjust });
        close(rb.se, c * ra.se, `${adjust} se`, 1e-7);
        close(rb.df, ra.df, `${adjust} df`, 1e-7);
      }
    }), { numRuns: 40 });
  });
});

describe('structure', () => {
  it('one outer cluster: σ²_outer fixed to 0 with a warning, and the fit is rma(method = "REML")', () => {
    // R metafor 3.8-1: rma.mv(yi, vi, random = ~ 1 | o/i) with o = "x" for all rows warns
    // "Single-level factor(s) found ... fixed to 0"; the remaining model is rma(yi, vi, method =
    // "REML", control = list(threshold = 1e-12)): tau2 = 0.042317357679970, b = 0.251801605269355,
    // se = 0.106508045464140, logLik = -0.207574664592388.
    const yi = [0.12, 0.45, -0.08, 0.31, 0.6, 0.2];
    const vi = [0.02, 0.03, 0.015, 0.04, 0.025, 0.03];
    const r = multilevel({ yi, vi }, { outer: yi.map(() => 'x'), inner: yi.map((_, i) => String(i + 1)) });
    expect(r.sigma2[0]).toBe(0);
    expect(r.warnings.join(' ')).toMatch(/Single outer cluster: σ²_outer .* fixed to 0/);
    expect([
      mismatch(r.sigma2[1], 0.04231735767997, TOLERANCES.iterative, 'sigma2[1]'),
      mismatch(r.estimate, 0.251801605269355, TOLERANCES.iterative, 'estimate'),
      mismatch(r.se, 0.10650804546414, TOLERANCES.iterative, 'se'),
      mismatch(r.logLik, -0.207574664592388, TOLERANCES.iterative, 'logLik'),
    ].filter((m) => m !== null)).toEqual([]);
    // and agrees with the project's own univariate REML
    const u = metaAnalysis({ yi, vi }, { method: 'REML' });
    close(r.sigma2[1], u.tau2, 'sigma2 vs metaAnalysis tau2', 1e-8);
  });

  it('rows sharing an inner level behave as their precision-weighted mean (same σ², μ̂, se)', () => {
    const fx = loadMultilevelFixture('shared-inner');
    const { input, outer, inner } = fixtureInput(fx);
    const full = multilevel(input, { outer, inner });
    const groups = nestedGroups(outer, inner);
    const units = collapseInner(Float64Array.from(input.yi), Float64Array.from(input.vi), groups);
    const unitOuter = Array.from(units.outerOf, (j) => `o${j}`);
    const reduced = multilevel({ yi: Array.from(units.y), vi: Array.from(units.v) }, { outer: unitOuter, inner: unitOuter.map((_, u) => `u${u}`) });
    close(reduced.estimate, full.estimate, 'estimate');
    close(reduced.se, full.se, 'se');
    close(reduced.sigma2[0], full.sigma2[0], 'sigma2[0]', 1e-7);
    close(reduced.sigma2[1], full.sigma2[1], 'sigma2[1]', 1e-7);
    // CR1 only sees cluster sums of gᵢrᵢ, which collapse exactly
    const cr1Full = robust(full, { cluster: outer, adjust: 'CR1' });
    const cr1Reduced = robust(reduced, { cluster: unitOuter, adjust: 'CR1' });
    close(cr1Reduced.se, cr1Full.se, 'CR1 se');
  });

  it('omitted rows (missing yi) are named and robust() takes clusters for all input rows', () => {
    const fx = loadMultilevelFixture('konstantopoulos2011');
    const { input, outer, inner } = fixtureInput(fx);
    const yi = input.yi.map((y, i) => (i === 4 || i === 17 ? Number.NaN : y));
    const withGaps = multilevel({ yi, vi: input.vi }, { outer, inner });
    expect(withGaps.k).toBe(input.yi.length - 2);
    expect(withGaps.kAll).toBe(input.yi.length);
    expect(withGaps.warnings).toEqual(['Row 5 omitted: yi missing.', 'Row 18 omitted: yi missing.']);
    const keep = (x: unknown[]) => x.filter((_, i) => i !== 4 && i !== 17);
    const subset = multilevel({ yi: keep(input.yi) as number[], vi: keep(input.vi) as number[] }, { outer: keep(outer) as string[], inner: keep(inner) as string[] });
    sameFit(withGaps, subset);
    for (const adjust of ['CR1', 'CR2'] as const) {
      close(robust(withGaps, { cluster: outer, adjust }).se, robust(subset, { cluster: keep(outer) as string[], adjust }).se, `${adjust} se`);
    }
  });

  it('weights are percentages that reproduce the estimate', () => {
    fc.assert(fc.property(dataset, (d) => {
      const r = fitOf(d);
      close(r.weights.reduce((s, w) => s + w, 0), 100, 'sum of weights');
      close(r.weights.reduce((s, w, i) => s + (w * r.yi[i]!) / 100, 0), r.estimate, 'Σ w y', TOL, 1e-12);
    }), { numRuns: 30 });
  });

  it('cluster labels are names only: relabelled clusters give identical robust results', () => {
    fc.assert(fc.property(dataset, (d) => {
      const r = fitOf(d);
      const a = robust(r, { cluster: d.outer, adjust: 'CR2' });
      const b = robust(r, { cluster: d.outer.map((o) => `${o}#`), adjust: 'CR2' });
      expect(b).toEqual(a);
    }), { numRuns: 20 });
  });
});

describe('optimizer', () => {
  it('the (RE)ML solution satisfies the Kuhn–Tucker conditions: score ≈ 0 inside, ≤ 0 at a zero bound', () => {
    fc.assert(fc.property(dataset, fc.boolean(), (d, reml) => {
      const r = fitOf(d, reml ? 'REML' : 'ML');
      expect(r.converged).toBe(true);
      const units = collapseInner(Float64Array.from(d.yi), Float64Array.from(d.vi), nestedGroups(d.outer, d.inner));
      const ev = evaluateNested(units, r.sigma2[0], r.sigma2[1], reml);
      ev.score.forEach((u, m) => {
        const scale = Math.sqrt(ev.expected[m === 0 ? 0 : 2]);
        if (r.sigma2[m] === 0) expect(u).toBeLessThanOrEqual(1e-8 * scale);
        else expect(Math.abs(u)).toBeLessThanOrEqual(1e-6 * scale);
      });
    }), { numRuns: 60 });
  });

  it('no feasible neighbour has a higher likelihood', () => {
    fc.assert(fc.property(dataset, (d) => {
      const r = fitOf(d);
      const units = collapseInner(Float64Array.from(d.yi), Float64Array.from(d.vi), nestedGroups(d.outer, d.inner));
      const best = evaluateNested(units, r.sigma2[0], r.sigma2[1], true).logLik;
      for (const [da, db] of [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [-1, -1], [1, -1], [-1, 1]] as const) {
        const a = Math.max(0, r.sigma2[0] * (1 + 1e-3 * da) + 1e-6 * Math.max(0, da));
        const b = Math.max(0, r.sigma2[1] * (1 + 1e-3 * db) + 1e-6 * Math.max(0, db));
        expect(evaluateNested(units, a, b, true).logLik).toBeLessThanOrEqual(best + 1e-12 * (1 + Math.abs(best)));
      }
    }), { numRuns: 40 });
  });
});

describe('results', () => {
  it('are frozen and survive a JSON round trip, robust() included', () => {
    const fx = loadMultilevelFixture('assink2016');
    const { input, outer, inner } = fixtureInput(fx);
    const r = multilevel(input, { outer, inner });
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r.sigma2)).toBe(true);
    const copy = JSON.parse(JSON.stringify(r)) as MultilevelResult;
    expect(copy).toEqual(r);
    const a = robust(r, { cluster: outer, adjust: 'CR2' });
    expect(Object.isFrozen(a)).toBe(true);
    expect(robust(copy, { cluster: outer, adjust: 'CR2' })).toEqual(a);
  });
});
