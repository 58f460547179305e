import { describe, expect, it } from 'vitest';
import { firstNonPositiveVariance, modelSummary, summarizeData } from '../../src/models/engine/data-summary.ts';
import { designModel } from '../../src/models/engine/design-model.ts';
import { interceptDesign } from '../../src/models/regression/design-matrix.ts';
import { interceptModel } from '../../src/models/engine/intercept-model.ts';
import { scaleData } from '../../src/models/engine/scaled-data.ts';
import { hedgesRaw } from '../../src/models/tau2/hedges.ts';
import { interceptMoments } from '../../src/models/engine/binned-intercept-sums.ts';

// The one-pass summary that replaced the separate positivity checks, spread and Hedges fit.
// Expectations: direct loops written here (two-pass sums of squares, plain min/max, findIndex),
// and the general weighted-least-squares route of the design model for Hedges' estimator.

function rel(x: number, y: number): number {
  return Math.abs(x - y) / Math.max(Math.abs(y), 1e-300);
}

function direct(y: Float64Array, v: Float64Array) {
  const k = y.length;
  const mean = y.reduce((s, x) => s + x, 0) / k;
  const positive = Array.from(v).filter((x) => x > 0);
  return {
    firstNonPositiveV: Array.from(v).findIndex((x) => !(x > 0)),
    vMin: Math.min(...v),
    vMinPositive: positive.length === 0 ? Infinity : Math.min(...positive),
    vMax: Math.max(0, ...positive),
    yMin: Math.min(...y),
    yMax: Math.max(...y),
    sumV: v.reduce((s, x) => s + x, 0),
    sumV2: v.reduce((s, x) => s + x * x, 0),
    ssY: y.reduce((s, x) => s + (x - mean) ** 2, 0),
  };
}

function studies(k: number, centre: number, zeros: number[] = []) {
  const y = new Float64Array(k);
  const v = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    y[i] = centre + Math.sin(1.3 * i + 0.2) * (1 + (i % 7));
    v[i] = zeros.includes(i) ? 0 : 0.02 + ((i * 53) % 97) / 50;
  }
  return { y, v };
}

describe('summarizeData', () => {
  const cases: [string, number, number, number[]][] = [
    ['centred', 1000, 0, []],
    ['far from 0 (second pass for the squares)', 1000, 1e8, []],
    ['zero variances', 300, 2, [5, 17]],
    ['a few studies', 3, -1, []],
  ];
  for (const [name, k, centre, zeros] of cases) {
    it(`agrees with direct loops: ${name}`, () => {
      const { y, v } = studies(k, centre, zeros);
      const s = summarizeData(y, v, 0, 1, null, null);
      const d = direct(y, v);
      expect(s.firstNonPositiveV).toBe(d.firstNonPositiveV);
      for (const key of ['vMin', 'vMinPositive', 'vMax', 'yMin', 'yMax'] as const) expect(s[key]).toBe(d[key]);
      for (const key of ['sumV', 'sumV2'] as const) expect(rel(s[key], d[key])).toBeLessThan(1e-13);
      expect(rel(s.ssY, d.ssY)).toBeLessThan(centre === 0 ? 1e-13 : 1e-9);
    });
  }

  it('a NaN variance makes vMin NaN and is the first non-positive', () => {
    const s = summarizeData(Float64Array.of(1, 2, 3), Float64Array.of(1, NaN, 2), 0, 1, null, null);
    expect(s.firstNonPositiveV).toBe(1);
    expect(s.vMin).toBeNaN();
  });

  it('scaleData writes the scaled data and summarises them in the same pass', () => {
    const { y, v } = studies(5000, 3, [10]);
    const data = scaleData(y, v, true);
    const c = Math.sqrt(data.unit);
    for (let i = 0; i < y.length; i++) {
      expect(data.y[i]).toBe((y[i]! - data.shift) / c);
      expect(data.v[i]).toBe(v[i]! / data.unit);
    }
    const d = direct(data.y, data.v);
    expect(data.summary!.firstNonPositiveV).toBe(10);
    expect(data.summary!.vMax).toBe(d.vMax);
    expect(rel(data.summary!.ssY, d.ssY)).toBeLessThan(1e-13);
  });

  it('models without a summary of their own are summarised on request', () => {
    const { y, v } = studies(50, 1, [7]);
    const model = designModel(interceptDesign(50), y, v);
    expect(firstNonPositiveVariance(model)).toBe(7);
    expect(modelSummary(model).vMax).toBe(direct(y, v).vMax);
    const intercept = interceptModel(y, v);
    expect(firstNonPositiveVariance(intercept)).toBe(7);
    // reload forgets the summary of the previous data
    v[7] = 0.5;
    intercept.reload(1);
    expect(firstNonPositiveVariance(intercept)).toBe(-1);
  });
});

describe("Hedges' estimator of the intercept-only model from the summary", () => {
  for (const centre of [0, 40, -1e6]) {
    it(`equals the general weighted-least-squares route (centre ${centre})`, () => {
      const { y, v } = studies(400, centre);
      const [raw, se] = hedgesRaw(interceptModel(y, v));
      const [rawGeneral, seGeneral] = hedgesRaw(designModel(interceptDesign(400), y, v));
      expect(rel(raw, rawGeneral)).toBeLessThan(1e-11);
      expect(rel(se, seGeneral)).toBeLessThan(1e-11);
    });
  }
});

describe('binned moments with the range from the summary', () => {
  it('give the same sums as the pass that finds the range itself', () => {
    const { y, v } = studies(30000, 0.5, [3, 999]);
    const own = interceptMoments(y, v)!;
    const given = interceptMoments(y, v, summarizeData(y, v, 0, 1, null, null))!;
    for (const t of [0, 0.01, 0.3, 10]) expect(given.sums(t)).toEqual(own.sums(t));
  });

  it('refuse a negative variance', () => {
    const { y, v } = studies(30000, 0.5);
    v[10] = -1;
    expect(interceptMoments(y, v, summarizeData(y, v, 0, 1, null, null))).toBeNull();
  });
});
