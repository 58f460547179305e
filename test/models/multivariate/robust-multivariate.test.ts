import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { multivariate } from '../../../src/models/multivariate/multivariate.ts';
import { robustMultivariate } from '../../../src/models/multivariate/robust-multivariate.ts';
import { robust } from '../../../src/models/multilevel/robust.ts';
import { arr, fixtureCall, type MvFixture } from './fixture-call.ts';

const dir = new URL('../../fixtures/metafor-multivariate/', import.meta.url);
interface RobustFixture { type: 'CR0' | 'CR1' | 'CR2'; beta: number[]; se: number[]; pval: number[]; df: number | number[]; QM: number; QMdf: number[]; QMp: number | null }
type WithRobust = MvFixture & { robust: { cluster: string[]; CR0: RobustFixture; CR1: RobustFixture; CR2: RobustFixture } };

// estimates come from the iterative fit: compared at the 1e-5 of multivariate.test.ts (see there)
const TOL = 1e-5;
const close = (got: number | null, want: number, label: string) => {
  expect(got, label).not.toBeNull();
  expect(Math.abs(got! - want), `${label}: got ${got}, want ${want}`).toBeLessThanOrEqual(TOL * Math.max(Math.abs(want), 1e-3));
};

describe('robust on multivariate fits reproduces metafor 5.1 robust.rma.mv (CR0, CR1; CR2 with clubSandwich)', () => {
  for (const name of ['berkey-un-year-ml', 'assink-vcalc-nested', 'ishak-ar-reml']) {
    const f = JSON.parse(readFileSync(new URL(`mv-${name}.json`, dir), 'utf8')) as WithRobust;
    const fit = multivariate(...fixtureCall(f));
    for (const type of ['CR0', 'CR1', 'CR2'] as const) {
      it(`${name} ${type}`, () => {
        const want = f.robust[type];
        const r = robustMultivariate(fit, { cluster: f.robust.cluster, adjust: type });
        r.coefficients.forEach((c, j) => {
          close(c.se, want.se[j]!, `se ${j}`);
          close(c.df, arr(want.df)[j] ?? arr(want.df)[0]!, `df ${j}`);
          close(c.pValue, want.pval[j]!, `pval ${j}`);
        });
        if (want.QMp !== null) {
          close(r.qm, want.QM, 'QM');
          close(r.qmDf[1], want.QMdf[1]!, 'QM df2');
          close(r.qmPValue, want.QMp, 'QMp');
        }
      });
    }
  }
  it('robust() dispatches a multivariate fit to robustMultivariate', () => {
    const f = JSON.parse(readFileSync(new URL('mv-berkey-un-year-ml.json', dir), 'utf8')) as WithRobust;
    const fit = multivariate(...fixtureCall(f));
    expect(robust(fit, { cluster: f.robust.cluster, adjust: 'CR1' })).toEqual(robustMultivariate(fit, { cluster: f.robust.cluster, adjust: 'CR1' }));
  });
  it('rejects clusters that split a study', () => {
    const f = JSON.parse(readFileSync(new URL('mv-berkey-un-ml.json', dir), 'utf8')) as WithRobust;
    const fit = multivariate(...fixtureCall(f));
    expect(() => robustMultivariate(fit, { cluster: fit.yi.map((_, i) => String(i)), adjust: 'CR1' })).toThrow(/cluster, row 2: rows 1 and 2 are correlated/);
  });
});
