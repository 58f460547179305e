import { describe, expect, it } from 'vitest';
import { metaAnalysis, metaRegression } from '../../src/index.ts';

// metaAnalysis builds its per-study outputs (yi, vi, weights, labels) on first read; these tests
// check that a reader cannot tell: the values, freezing, identity, serialisation and isolation
// from the caller's arrays are those of plain fields.
describe('per-study outputs built on first read', () => {
  const yi = [0.1, 0.3, 0.5, -0.2];
  const vi = [0.01, 0.02, 0.015, 0.04];

  it('hold the input values, EE weights from 1/vi computed here, and row labels', () => {
    const fit = metaAnalysis({ yi, vi }, { method: 'EE' });
    expect(fit.yi).toEqual(yi);
    expect(fit.vi).toEqual(vi);
    expect(fit.labels).toEqual(['row 1', 'row 2', 'row 3', 'row 4']);
    const w = vi.map((v) => 1 / v);
    const total = w.reduce((a, b) => a + b, 0);
    fit.weights.forEach((x, i) => expect(x).toBeCloseTo((100 * w[i]!) / total, 12));
  });

  it('are frozen and the same array on every read', () => {
    const fit = metaAnalysis({ yi, vi });
    expect(Object.isFrozen(fit)).toBe(true);
    for (const key of ['yi', 'vi', 'weights', 'labels'] as const) {
      expect(Object.isFrozen(fit[key])).toBe(true);
      expect(fit[key]).toBe(fit[key]);
      expect(() => {
        (fit[key] as unknown as unknown[])[0] = 99;
      }).toThrow(TypeError);
    }
  });

  it('do not follow the caller changing its arrays after the call', () => {
    const y = Float64Array.from(yi);
    const v = [...vi];
    const labels = ['a', 'b', 'c', 'd'];
    const fit = metaAnalysis({ yi: y, vi: v, labels });
    y[0] = 42;
    v[0] = 42;
    labels[0] = 'changed';
    expect(fit.yi[0]).toBe(0.1);
    expect(fit.vi[0]).toBe(0.01);
    expect(fit.labels[0]).toBe('a');
  });

  it('serialise, clone and enumerate like plain fields, in the documented order', () => {
    const fit = metaAnalysis({ yi, vi, labels: ['a', 'b', 'c', 'd'] });
    const json = JSON.parse(JSON.stringify(fit)) as Record<string, unknown>;
    expect(json.yi).toEqual(yi);
    expect(json.vi).toEqual(vi);
    expect(json.labels).toEqual(['a', 'b', 'c', 'd']);
    expect((json.weights as number[]).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 12);
    const keys = Object.keys(fit);
    expect(keys.indexOf('weights')).toBeLessThan(keys.indexOf('yi'));
    expect(keys.slice(keys.indexOf('yi'), keys.indexOf('yi') + 3)).toEqual(['yi', 'vi', 'labels']);
    const clone = structuredClone(fit);
    expect(clone.yi).toEqual(yi);
    expect({ ...fit }.labels).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('metaRegression: per-study outputs built on first read', () => {
  it('hold the input values, are frozen, serialise, and do not follow the caller', () => {
    const yi = Float64Array.of(0.1, 0.3, 0.5, -0.2, 0.4);
    const vi = [0.01, 0.02, 0.015, 0.04, 0.03];
    const x = Float64Array.of(1, 2, 3, 4, 6);
    const fit = metaRegression({ yi, vi, labels: ['a', 'b', 'c', 'd', 'e'] }, { moderators: { x } });
    yi[0] = 42;
    x[0] = 42;
    expect(fit.yi).toEqual([0.1, 0.3, 0.5, -0.2, 0.4]);
    expect(fit.vi).toEqual(vi);
    expect(fit.labels).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(fit.moderators).toEqual({ x: [1, 2, 3, 4, 6] });
    for (const value of [fit.yi, fit.vi, fit.labels, fit.moderators, fit.moderators.x]) expect(Object.isFrozen(value)).toBe(true);
    expect(fit.yi).toBe(fit.yi);
    const json = JSON.parse(JSON.stringify(fit)) as Record<string, unknown>;
    expect(json.moderators).toEqual({ x: [1, 2, 3, 4, 6] });
    expect(json.labels).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
