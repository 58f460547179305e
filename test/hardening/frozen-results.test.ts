// Issue #10, class "results can be changed after the fact": results are deeply frozen and share
// no object with the caller's input, so `fit.yi[1] = 99` cannot change what leaveOneOut reports.
import { describe, expect, it } from 'vitest';
import * as p from '../../src/index.ts';
import { tables, vi, yi } from './calls.ts';

/** Every object reachable from `value` is frozen (typed arrays excepted: JavaScript cannot freeze them). */
function deeplyFrozen(value: unknown, path = 'result'): string[] {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return [];
  const own = Object.isFrozen(value) ? [] : [path];
  return [...own, ...Object.entries(value).flatMap(([k, v]) => deeplyFrozen(v, `${path}.${k}`))];
}

describe('frozen results', () => {
  const fit = p.metaAnalysis({ yi, vi });
  const reg = p.metaRegression({ yi, vi }, { moderators: { x: [1, 2, 3, 4, 5] } });
  const results: Record<string, unknown> = {
    metaAnalysis: fit,
    metaRegression: reg,
    subgroupAnalysis: p.subgroupAnalysis({ yi, vi }, ['a', 'a', 'b', 'b', 'b']),
    mantelHaenszel: p.mantelHaenszel(tables),
    peto: p.peto(tables),
    effectSizes: p.effectSizes('OR', tables),
    leaveOneOut: p.leaveOneOut(fit),
    cumulative: p.cumulative(fit),
    influence: p.influence(fit),
    baujat: p.baujat(fit),
    eggerTest: p.eggerTest(fit),
    trimAndFill: p.trimAndFill(fit),
    failSafeN: p.failSafeN({ yi, vi }),
    rankCorrelationTest: p.rankCorrelationTest(fit),
    multilevel: p.multilevel({ yi: [...yi, 0.2], vi: [...vi, 0.03] }, { outer: ['a', 'a', 'b', 'b', 'c', 'c'], inner: ['1', '2', '3', '4', '5', '6'] }),
  };
  for (const [name, result] of Object.entries(results)) {
    it(`${name} is deeply frozen`, () => {
      expect(deeplyFrozen(result)).toEqual([]);
    });
  }

  it('fit.yi[1] = 99 throws and leaveOneOut is unchanged', () => {
    const before = p.leaveOneOut(fit).map((r) => r.estimate);
    expect(() => { (fit.yi as number[])[1] = 99; }).toThrow(TypeError);
    expect(() => { (fit.weights as number[])[0] = 0; }).toThrow(TypeError);
    expect(p.leaveOneOut(fit).map((r) => r.estimate)).toEqual(before);
  });

  it('results share no object with the input; the input is not frozen', () => {
    const input = { yi: [...yi], vi: [...vi], labels: ['a', 'b', 'c', 'd', 'e'] };
    const f = p.metaAnalysis(input);
    expect(f.yi).not.toBe(input.yi);
    expect(f.labels).not.toBe(input.labels);
    expect(Object.isFrozen(input.yi) || Object.isFrozen(input.labels)).toBe(false);
    input.yi[0] = 5;
    expect(f.yi[0]).toBe(yi[0]);
  });

  it('imputeSd returns copies of the caller\'s provenance objects', () => {
    const given = { kind: 'derived', formula: 'SD = SE·√n' } as const;
    const r = p.imputeSd([{ sd1i: 1 }, { sd1i: 2 }, { sd1i: null }], { method: 'median', provenance: [given, undefined, undefined] });
    expect(r.provenance[0]).toEqual(given);
    expect(r.provenance[0]).not.toBe(given);
    expect(Object.isFrozen(given)).toBe(false);
    expect(() => p.imputeSd([{ sd1i: 1 }, { sd1i: null }], { method: 'median', provenance: [{ kind: 'bogus' } as never, undefined] })).toThrow(p.InputError);
  });
});
