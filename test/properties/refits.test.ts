// leaveOneOut and cumulative for every tau² estimator × every test (10 × z/t/knha), with a fixed
// fast-check seed: leaveOneOut(fit)[i] equals a fresh metaAnalysis without study i, and
// cumulative's last row equals the full fit (its second row the fit of the first two studies).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cumulative, leaveOneOut, metaAnalysis, TAU2_METHODS, TEST_TYPES, type MetaAnalysisResult, type SubsetFit } from '../../src/index.ts';
import { TOLERANCES, tierOf } from '../tolerances.ts';
import { close, closeInterval, columns, SEED, studiesWithOrder, type Study } from './arbitraries.ts';

const combos = TAU2_METHODS.flatMap((method) => TEST_TYPES.map((test) => [method, test] as const));

function sameSubset(row: SubsetFit, fresh: MetaAnalysisResult, tol: number, what: string): void {
  expect(row.k, what).toBe(fresh.k);
  close(row.estimate, fresh.estimate, tol, `${what} estimate`);
  close(row.se, fresh.se, tol, `${what} se`);
  close(row.tau2, fresh.tau2, tol, `${what} tau2`);
  close(row.q, fresh.q, tol, `${what} q`);
  close(row.i2, fresh.i2, tol * 100, `${what} i2`);
  close(row.pValue, fresh.pValue, tol, `${what} p`);
  closeInterval(row.ci, fresh.ci, tol, `${what} ci`);
  expect(row.df, what).toBe(fresh.df);
}

describe.each(combos)('leaveOneOut and cumulative, method %s, test %s', (method, test) => {
  const tol = TOLERANCES[tierOf(method)] * 10;
  const fit = (data: readonly Study[]) => metaAnalysis(columns(data), { method, test });
  const options = { seed: SEED };

  it('leaveOneOut(fit)[i] is a fresh fit without study i; cumulative ends with the full fit', () => {
    fc.assert(
      fc.property(studiesWithOrder(3, 8), ({ data }) => {
        const full = fit(data);
        const rows = leaveOneOut(full);
        expect(rows).toHaveLength(data.length);
        rows.forEach((row, i) => sameSubset(row, fit(data.filter((_, j) => j !== i)), tol, `without ${i}`));
        const steps = cumulative(full);
        sameSubset(steps[steps.length - 1]!, full, tol, 'last cumulative step');
        if (data.length > 2) sameSubset(steps[1]!, fit(data.slice(0, 2)), tol, 'second cumulative step');
      }),
      { ...options, numRuns: 3 },
    );
  });

});
