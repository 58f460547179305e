// leaveOneOut, influence and cumulative update sums of the full data instead of refitting each
// subset from scratch (src/diagnostics/subset-refits.ts). The reference here is the public
// metaAnalysis fitted from scratch to each subset, for data chosen to stress the updates: many
// studies, one study that carries almost all the weight (the subtraction of its terms), units
// of 1e-6 (the scaling), ties, and τ̂² = 0 next to τ̂² > 0.
import { describe, expect, it } from 'vitest';
import { cumulative, influence, leaveOneOut, metaAnalysis, type MetaAnalysisResult, type SubsetFit } from '../../src/index.ts';
import { seededNormals, seededUniforms } from '../../src/numeric/seeded-normals.ts';

const TOL = 1e-10;
// a row reports a non-finite number as null (metafor's NA), metaAnalysis as the number itself
const finite = (x: number | null) => (x !== null && Number.isFinite(x) ? x : null);
const rel = (a: number | null, b: number | null) => {
  const [x, y] = [finite(a), finite(b)];
  return x === null || y === null ? (x === y ? 0 : Infinity) : Math.abs(x - y) / Math.max(1, Math.abs(y));
};

function same(row: SubsetFit, fresh: MetaAnalysisResult, what: string): void {
  expect(row.k, what).toBe(fresh.k);
  for (const key of ['estimate', 'se', 'statistic', 'pValue', 'tau2', 'q', 'qPValue', 'h2'] as const) {
    expect(rel(row[key], fresh[key]), `${what} ${key}: ${row[key]} vs ${fresh[key]}`).toBeLessThan(TOL);
  }
  expect(Math.abs((row.i2 ?? NaN) - fresh.i2), `${what} i2`).toBeLessThan(100 * TOL);
  expect(rel(row.ci.lower, fresh.ci.lower), `${what} ci`).toBeLessThan(TOL);
  expect(rel(row.ci.upper, fresh.ci.upper), `${what} ci`).toBeLessThan(TOL);
  expect(row.df, what).toBe(fresh.df);
}

/** k studies from the random-effects model (seeded). */
function simulated(k: number, seed: number, tau2: number, scale = 1): { yi: number[]; vi: number[] } {
  const u = seededUniforms(seed);
  const z = seededNormals(seed + 1);
  const vi = Array.from({ length: k }, () => (0.01 + 0.5 * u()) * scale * scale);
  const yi = vi.map((v) => scale * (0.3 + Math.sqrt(tau2) * z()) + Math.sqrt(v) * z());
  return { yi, vi };
}

const cases: [string, { yi: number[]; vi: number[] }][] = [
  ['k = 60, heterogeneous', simulated(60, 1, 0.1)],
  ['k = 40, homogeneous (τ̂² = 0 for some subsets)', simulated(40, 2, 0)],
  ['units of 1e-6', simulated(30, 3, 0.05, 1e-6)],
  ['one study with almost all the weight', (() => {
    const d = simulated(25, 4, 0.2);
    d.vi[7] = 1e-9;
    d.yi[7] = 3;
    return d;
  })()],
  ['ties', { yi: [0.5, 0.5, 0.5, 0.2, 0.2, 0.9, 0.5], vi: [0.1, 0.1, 0.1, 0.2, 0.2, 0.05, 0.1] }],
  // likelihoods with two local maxima (metaAnalysis warns that Fisher scoring stops at the lower
  // one): found by a search of random data; their subsets take the from-scratch path
  ['two ML maxima', {
    yi: [1.9705299451416174, 2.5197095726134418, -2.01759698879771, -1.3376249433728444, -1.1481563214142239],
    vi: [0.002502042041394456, 0.0023264416527904123, 3.452853071914043, 16.327016099929565, 2.2457979289546883],
  }],
  ['two REML maxima', {
    yi: [-1.695740638260354, -1.29523460980318, 2.8147381482677076, -1.4482750573465817, -1.6117412406761618],
    vi: [0.009337611246670239, 0.002363976396102711, 1.333741777293921, 0.0048510701002544955, 0.0026627413810554213],
  }],
];

const without = (d: { yi: number[]; vi: number[] }, i: number) => ({ yi: d.yi.filter((_, j) => j !== i), vi: d.vi.filter((_, j) => j !== i) });

describe.each(cases)('%s', (_name, data) => {
  for (const method of ['EE', 'DL', 'ML', 'REML'] as const) {
    for (const test of ['z', 'knha'] as const) {
      it(`${method}, ${test}: leaveOneOut and cumulative rows equal fits from scratch`, () => {
        const full = metaAnalysis(data, { method, test });
        leaveOneOut(full).forEach((row, i) => same(row, metaAnalysis(without(data, i), { method, test }), `without ${i}`));
        cumulative(full).forEach((row, j) => {
          if (j > 0) same(row, metaAnalysis({ yi: data.yi.slice(0, j + 1), vi: data.vi.slice(0, j + 1) }, { method, test }), `first ${j + 1}`);
        });
      });
    }
  }

  it('REML: influence uses the deleted fits (τ², Q and Cook\'s distance from fits from scratch)', () => {
    const full = metaAnalysis(data);
    influence(full).forEach((row, i) => {
      const del = metaAnalysis(without(data, i));
      expect(rel(row.tau2Deleted, del.tau2)).toBeLessThan(TOL);
      expect(rel(row.qDeleted, del.q)).toBeLessThan(TOL);
      // Cook's distance (μ̂ − μ̂₍₋ᵢ₎)²/Var μ̂, computed here from the two fits
      const cook = (full.estimate - del.estimate) ** 2 / full.se ** 2;
      expect(Math.abs(row.cookD! - cook)).toBeLessThan(TOL * Math.max(1, cook) + 1e-12);
    });
  });
});

describe('the multimodal cases are multimodal', () => {
  it.each([['two ML maxima', 'ML'], ['two REML maxima', 'REML']] as const)('%s: metaAnalysis (%s) warns of a second maximum', (name, method) => {
    const data = cases.find(([n]) => n === name)![1];
    expect(metaAnalysis(data, { method }).warnings.some((w) => w.includes('local maximum'))).toBe(true);
  });
});

describe('large k', () => {
  it('k = 400 REML: every leave-one-out row equals a fit from scratch', () => {
    const data = simulated(400, 5, 0.05);
    const full = metaAnalysis(data);
    const rows = leaveOneOut(full);
    for (const i of [0, 1, 57, 199, 398, 399]) same(rows[i]!, metaAnalysis(without(data, i)), `without ${i}`);
  });
});
