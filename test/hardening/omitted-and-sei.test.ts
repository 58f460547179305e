// Issue #10, "nothing lost": results that drop rows list them in `omitted` ({ field, row, study,
// reason }, as the evidence layer's `omitted`), all of them, while `warnings` names the first few.
// And a `sei` column stands in for an absent `vi` (metafor's rma(yi, sei = ...): vi = sei²).
import { describe, expect, it } from 'vitest';
import * as p from '../../src/index.ts';
import { thrownInputError } from '../input-error.ts';

const yi = [0.1, 0.5, -0.2, 0.8, 0.3];
const sei = [0.2, 0.1, 0.3, 0.25, 0.15];

describe('omitted rows', () => {
  it('metaAnalysis lists every omitted row with field, 1-based row, study and reason', () => {
    const fit = p.metaAnalysis({ yi: [0.1, null, 0.3, 0.4] as never, vi: [0.1, 0.2, null, 0.1] as never, labels: ['A', 'B', 'C', 'D'] });
    expect(fit.omitted).toEqual([
      { field: 'yi', row: 2, study: 'B', reason: 'yi missing' },
      { field: 'vi', row: 3, study: 'C', reason: 'vi missing' },
    ]);
    expect(fit.k + fit.omitted.length).toBe(4);
    expect(p.metaAnalysis({ yi, vi: sei }).omitted).toEqual([]);
  });

  it('all omitted rows are listed even when the warnings summarise them', () => {
    const k = 40;
    const fit = p.metaAnalysis({ yi: Array.from({ length: k }, (_, i) => i / 10), vi: Array.from({ length: k }, (_, i) => (i < 5 ? 0.1 : null)) as never });
    expect(fit.omitted).toHaveLength(k - 5);
    expect(fit.omitted.at(-1)).toEqual({ field: 'vi', row: k, study: `row ${k}`, reason: 'vi missing' });
  });

  it('metaRegression lists rows omitted for a missing moderator, with the moderator', () => {
    const fit = p.metaRegression({ yi, vi: sei }, { moderators: { x: [1, 2, null, 4, 5] as never } });
    expect(fit.omitted).toEqual([{ field: 'moderators.x', row: 3, study: 'row 3', reason: 'moderator "x" missing' }]);
    expect(fit.k).toBe(4);
  });

  it('subgroupAnalysis lists rows omitted for a missing label or value, with rows of the full input', () => {
    const r = p.subgroupAnalysis({ yi: [0.1, 0.2, null, 0.4, 0.5] as never, vi: [0.1, 0.1, 0.1, 0.1, 0.1] }, ['a', null, 'b', 'b', 'a']);
    expect(r.omitted).toEqual([
      { field: 'groups', row: 2, study: 'row 2', reason: 'subgroup label missing' },
      { field: 'yi', row: 3, study: 'row 3', reason: 'yi missing (subgroup "b")' },
    ]);
  });

  it('mantelHaenszel and peto list the tables omitted for a missing count', () => {
    const rows = [{ study: 'A', ai: 4, bi: 119, ci: 11, di: 128 }, { study: 'B', ai: null, bi: 300, ci: 29, di: 274 }, { study: 'C', ai: 3, bi: 228, ci: 11, di: 209 }];
    const expected = [{ field: 'ai', row: 2, study: 'B', reason: 'ai missing' }];
    expect(p.mantelHaenszel(rows).omitted).toEqual(expected);
    expect(p.peto(rows).omitted).toEqual(expected);
  });

  it('failSafeN lists rows omitted for a missing yi', () => {
    const r = p.failSafeN({ yi: [0.5, null, 0.4] as never, vi: [0.1, 0.1, 0.1] });
    expect(r.omitted).toEqual([{ field: 'yi', row: 2, study: 'row 2', reason: 'yi missing' }]);
  });

  it('multilevel lists rows omitted for a missing yi and for a missing outer or inner label, in input order', () => {
    const fit = p.multilevel(
      { yi: [0.1, 0.3, null, 0.9, 1.1, -0.2, 0, 0.4] as never, vi: [0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01], labels: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] },
      { outer: ['a', 'a', 'b', 'b', null, 'c', 'c', 'c'] as never, inner: ['1', '2', '1', '2', '1', '1', '2', null] as never },
    );
    expect(fit.omitted).toEqual([
      { field: 'yi', row: 3, study: 'C', reason: 'yi missing' },
      { field: 'outer', row: 5, study: 'E', reason: 'outer label missing' },
      { field: 'inner', row: 8, study: 'H', reason: 'inner label missing' },
    ]);
    expect(fit.k + fit.omitted.length).toBe(fit.kAll);
    const general = p.multilevel({ yi: [0.1, 0.3, 0.9, 1.1, -0.2, 0], vi: [0.01, 0.01, 0.01, 0.01, 0.01, 0.01] }, { levels: [['a', 'a', 'b', null, 'c', 'c'] as never, ['1', '2', '3', '4', '5', '6']] });
    expect(general.omitted).toEqual([{ field: 'levels[0]', row: 4, study: 'row 4', reason: 'level label missing' }]);
  });

  it('multivariate lists rows omitted for a missing yi and for a missing random-effect label', () => {
    const fit = p.multivariate(
      { yi: [0.1, 0.3, 0.9, null, 1.1, -0.2, 0, 0.4] as never, vi: [0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01], labels: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] },
      { random: { levels: [['a', 'a', null, 'b', 'b', 'c', 'c', 'd'] as never] } },
    );
    expect(fit.omitted).toEqual([
      { field: 'random', row: 3, study: 'C', reason: 'random-effect label missing' },
      { field: 'yi', row: 4, study: 'D', reason: 'yi missing' },
    ]);
    expect(fit.k + fit.omitted.length).toBe(fit.kAll);
  });

  it('robust lists the rows it leaves out for a missing cluster label, and matches the fit without them', () => {
    const yiAll = [0.1, 0.3, 0.9, 1.1, -0.2, 0, 0.5, 0.4];
    const viAll = [0.01, 0.02, 0.01, 0.03, 0.01, 0.02, 0.01, 0.02];
    const outer = ['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd'];
    const inner = ['1', '2', '1', '2', '1', '2', '1', '2'];
    const labels = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
    const fit = p.multilevel({ yi: yiAll, vi: viAll, labels }, { outer, inner });
    const r = p.robust(fit, { cluster: ['a', 'a', 'b', null, 'c', 'c', 'd', 'd'] as never, adjust: 'CR1' });
    expect(r.omitted).toEqual([{ field: 'cluster', row: 4, study: 'D', reason: 'cluster label missing' }]);
    // the same as robust() on the model fitted without row 4 (an independent route to the numbers)
    const drop = (a: readonly unknown[]) => a.filter((_, i) => i !== 3);
    const without = p.multilevel({ yi: drop(yiAll) as number[], vi: drop(viAll) as number[] }, { outer: drop(outer) as string[], inner: drop(inner) as string[] });
    const reference = p.robust(without, { cluster: drop(outer) as string[], adjust: 'CR1' });
    expect(r.se).toBeCloseTo(reference.se, 10);
    expect(r.k).toBe(7);
    expect(p.robust(fit, { cluster: outer, adjust: 'CR1' }).omitted).toEqual([]);
  });

  it('omitted survives JSON and is frozen', () => {
    const fit = p.metaAnalysis({ yi: [0.1, null, 0.3] as never, vi: [0.1, 0.2, 0.1] });
    expect(JSON.parse(JSON.stringify(fit)).omitted).toEqual(fit.omitted);
    expect(Object.isFrozen(fit.omitted) && Object.isFrozen(fit.omitted[0])).toBe(true);
  });
});

describe('sei in place of vi', () => {
  it('metaAnalysis and metaRegression with { yi, sei } are the fits with vi = sei²', () => {
    const vi = sei.map((s) => s * s);
    const a = p.metaAnalysis({ yi, sei } as never);
    const b = p.metaAnalysis({ yi, vi });
    expect([a.estimate, a.se, a.tau2]).toEqual([b.estimate, b.se, b.tau2]);
    const ra = p.metaRegression({ yi, sei } as never, { moderators: { x: [1, 2, 3, 4, 5] } });
    const rb = p.metaRegression({ yi, vi }, { moderators: { x: [1, 2, 3, 4, 5] } });
    expect(ra.coefficients[1]!.estimate).toBe(rb.coefficients[1]!.estimate);
    const groups = ['a', 'a', 'b', 'b', 'b'];
    expect(p.subgroupAnalysis({ yi, sei } as never, groups).groups).toEqual(p.subgroupAnalysis({ yi, vi }, groups).groups);
  });

  it('vi wins when both are given (as in metafor); a missing sei omits the row; a bad sei names row and field', () => {
    expect(p.metaAnalysis({ yi, vi: sei, sei: [9, 9, 9, 9, 9] } as never).estimate).toBe(p.metaAnalysis({ yi, vi: sei }).estimate);
    expect(p.metaAnalysis({ yi, sei: [0.2, null, 0.3, 0.25, 0.15] } as never).omitted).toEqual([{ field: 'vi', row: 2, study: 'row 2', reason: 'vi missing' }]);
    const e = thrownInputError(() => p.metaAnalysis({ yi, sei: [0.2, -1, 0.3, 0.25, 0.15] } as never));
    expect([e.field, e.row, e.code]).toEqual(['sei', 2, 'E_OUT_OF_RANGE']);
    expect(thrownInputError(() => p.metaAnalysis({ yi, sei: [0.2, 1e200, 0.3, 0.25, 0.15] } as never)).code).toBe('E_NOT_FINITE');
  });
});
