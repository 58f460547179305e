// multilevel() and robust() reject bad input with an InputError naming the field and the row
// (or study), and say what they did with degenerate but valid input.
import { describe, expect, it } from 'vitest';
import { multilevel, robust } from '../../../src/index.ts';
import { thrownInputError } from '../../input-error.ts';

const yi = [0.1, 0.3, 0.9, 1.1, -0.2, 0];
const vi = [0.01, 0.02, 0.01, 0.03, 0.01, 0.02];
const outer = ['a', 'a', 'b', 'b', 'c', 'c'];
const inner = ['1', '2', '1', '2', '1', '2'];
const fit = () => multilevel({ yi, vi }, { outer, inner });

describe('multilevel rejects bad input', () => {
  it('options missing or not an object', () => {
    expect(thrownInputError(() => multilevel({ yi, vi }, undefined as never)).field).toBe('options');
  });
  it('outer or inner missing', () => {
    expect(() => multilevel({ yi, vi }, { inner } as never)).toThrow(/^outer: missing: pass one label per row \(6 rows\)/);
    expect(() => multilevel({ yi, vi }, { outer } as never)).toThrow(/^inner: missing/);
  });
  it('label arrays of the wrong length', () => {
    expect(() => multilevel({ yi, vi }, { outer: outer.slice(1), inner })).toThrow(/^outer: length mismatch: outer has 5 labels but there are 6 rows/);
    expect(() => multilevel({ yi, vi }, { outer, inner: [...inner, '3'] })).toThrow(/^inner: length mismatch: inner has 7 labels but there are 6 rows/);
  });
  it('yi and vi of different lengths', () => {
    expect(() => multilevel({ yi, vi: vi.slice(2) }, { outer, inner })).toThrow(/length mismatch: yi has 6 values but vi has 4/);
  });
  it.each<[unknown]>([[null], [undefined], [''], [Number.NaN], ['NA']])('a missing label (%s) omits the row with a warning', (bad) => {
    const o = [...outer];
    o[2] = bad as never;
    const r = multilevel({ yi, vi }, { outer: o, inner });
    const keep = [0, 1, 3, 4, 5];
    const direct = multilevel({ yi: keep.map((i) => yi[i]!), vi: keep.map((i) => vi[i]!) }, { outer: keep.map((i) => outer[i]!), inner: keep.map((i) => inner[i]!) });
    expect(r.k).toBe(5);
    expect(r.rows).toEqual([1, 2, 4, 5, 6]);
    expect(r.estimate).toBe(direct.estimate);
    expect(r.warnings).toContain('Row 3 omitted: outer label missing.');
  });
  it('a missing label names the study when labels are given', () => {
    const i = [...inner];
    i[4] = null as never;
    const r = multilevel({ yi, vi, labels: ['A', 'B', 'C', 'D', 'E', 'F'] }, { outer, inner: i });
    expect(r.warnings).toContain('Row 5 (E) omitted: inner label missing.');
  });
  it('a label that is not a string', () => {
    const o = [...outer];
    o[0] = { id: 1 } as never;
    expect(() => multilevel({ yi, vi }, { outer: o, inner })).toThrow(/^outer, row 1: must be a string label \(got \{"id":1\}\)/);
  });
  it('numbers are accepted as labels', () => {
    const r = multilevel({ yi, vi }, { outer: [1, 1, 2, 2, 3, 3] as never, inner: [1, 2, 1, 2, 1, 2] as never });
    expect(r.outer).toEqual(['1', '1', '2', '2', '3', '3']);
    expect(r.estimate).toBe(fit().estimate);
  });
  it('unknown method, test, bad level', () => {
    expect(() => multilevel({ yi, vi }, { outer, inner, method: 'DL' as never })).toThrow(/method.*valid choices are REML, ML/);
    expect(() => multilevel({ yi, vi }, { outer, inner, test: 'knha' as never })).toThrow(/test.*valid choices are z, t/);
    expect(() => multilevel({ yi, vi }, { outer, inner, level: 95 })).toThrow(/^level: must be a proportion/);
  });
  it('non-positive or negative variances name the row', () => {
    const v0 = [...vi];
    v0[3] = 0;
    expect(() => multilevel({ yi, vi: v0 }, { outer, inner })).toThrow(/^vi, row 4: sampling variance must be positive in a multilevel model \(got 0\)/);
    const vneg = [...vi];
    vneg[1] = -1;
    expect(() => multilevel({ yi, vi: vneg }, { outer, inner })).toThrow(/^vi, row 2: sampling variance must not be negative/);
  });
  it('text in yi names the row', () => {
    const y = [...yi] as unknown[];
    y[5] = 'x';
    expect(() => multilevel({ yi: y as number[], vi }, { outer, inner })).toThrow(/^yi, row 6: must be a number/);
  });
  it('fewer than two usable rows', () => {
    expect(() => multilevel({ yi: [0.1, Number.NaN], vi: [0.01, 0.01] }, { outer: ['a', 'a'], inner: ['1', '2'] }))
      .toThrow(/needs at least 2 rows with yi and vi; got 1/);
  });
  it('σ²_outer and σ²_inner not identifiable (one inner level per outer cluster)', () => {
    // R metafor 3.8-1 fails here with "Optimizer (nlminb) did not achieve convergence"
    expect(() => multilevel({ yi, vi }, { outer, inner: outer })).toThrow(/^inner: every outer cluster holds a single inner level/);
  });
  it('one inner level in one cluster: both σ² fixed to 0 with warnings (the equal-effects model)', () => {
    const r = multilevel({ yi: [1, 2, 4], vi: [1, 1, 2] }, { outer: ['a', 'a', 'a'], inner: ['x', 'x', 'x'] });
    expect(r.sigma2).toEqual([0, 0]);
    expect(r.warnings).toHaveLength(2);
    // equal-effects estimate (1 + 2 + 2)/(1 + 1 + 0.5) = 2, se = 1/√2.5
    expect(r.estimate).toBeCloseTo(2, 14);
    expect(r.se).toBeCloseTo(1 / Math.sqrt(2.5), 14);
  });
});

describe('robust rejects bad input', () => {
  it('a fit that is not a multilevel result', () => {
    expect(thrownInputError(() => robust({ estimate: 1 } as never, { cluster: outer, adjust: 'CR2' })).field).toBe('fit');
    expect(() => robust(null as never, { cluster: outer, adjust: 'CR2' })).toThrow(/^fit: expected the result of multilevel\(\)/);
    expect(() => robust({ ...fit(), sigma2: [-1, 0] } as never, { cluster: outer, adjust: 'CR2' })).toThrow(/^fit: fit.sigma2/);
  });
  it('adjust missing or unknown', () => {
    expect(() => robust(fit(), { cluster: outer } as never)).toThrow(/adjust.*valid choices are CR0, CR1, CR2/);
    expect(() => robust(fit(), { cluster: outer, adjust: 'CR3' as never })).toThrow(/adjust.*valid choices are CR0, CR1, CR2/);
  });
  it('cluster of the wrong length or missing', () => {
    expect(() => robust(fit(), { cluster: outer.slice(1), adjust: 'CR1' })).toThrow(/^cluster: length mismatch: cluster has 5 labels but there are 6 rows/);
    expect(() => robust(fit(), { adjust: 'CR1' } as never)).toThrow(/^cluster: missing/);
  });
  it('a missing cluster label omits the input row: robust rests on the refit without it', () => {
    const c = [...outer];
    c[5] = undefined as never;
    const r = robust(fit(), { cluster: c, adjust: 'CR1' });
    const keep = [0, 1, 2, 3, 4];
    const refit = multilevel({ yi: keep.map((i) => yi[i]!), vi: keep.map((i) => vi[i]!) }, { outer: keep.map((i) => outer[i]!), inner: keep.map((i) => inner[i]!) });
    const direct = robust(refit, { cluster: keep.map((i) => outer[i]!), adjust: 'CR1' });
    expect(r.k).toBe(5);
    expect(r.estimate).toBe(direct.estimate);
    expect(r.se).toBe(direct.se);
    expect(r.warnings[0]).toBe('Row 6 omitted: cluster label missing.');
  });
  it('a single cluster', () => {
    // metafor: "Number of clusters (1) must be larger than the number of fixed effects (1)."
    expect(() => robust(fit(), { cluster: outer.map(() => 'all'), adjust: 'CR1' })).toThrow(/^cluster: needs at least 2 clusters/);
  });
  it('CR2 with an outer cluster split across clusters names the row; CR1 accepts it', () => {
    // clubSandwich: "Random effects are not nested within clustering variable."
    const crossing = ['p', 'q', 'p', 'q', 'p', 'q'];
    expect(() => robust(fit(), { cluster: crossing, adjust: 'CR2' })).toThrow(/^cluster, row 2: the outer cluster of this row spans several clusters/);
    expect(robust(fit(), { cluster: crossing, adjust: 'CR1' }).df).toBe(1);
  });
  it('a bad level', () => {
    expect(() => robust(fit(), { cluster: outer, adjust: 'CR1', level: 0 })).toThrow(/^level: must be a proportion/);
  });
});
