// Rothman, Greenland & Lash (2008), Modern Epidemiology, Table 15-2: deaths from coronary disease
// among British doctors by smoking and age (person-years in units of 10,000), as metafor's test
// test_analysis_example_rothman2008.r reproduces it. Expected values are that test's (4 decimals).
import { describe, expect, it } from 'vitest';
import { effectSizes } from '../../src/effect-sizes/effect-sizes.ts';
import { toLong } from '../../src/effect-sizes/to-long.ts';
import { toTable } from '../../src/effect-sizes/to-table.ts';
import { mantelHaenszel } from '../../src/models/mantel-haenszel.ts';
import { expectClose } from '../tolerances.ts';

const rows = [
  { age: '35-44', x1i: 32, t1i: 5.2407, x2i: 2, t2i: 1.879 },
  { age: '45-54', x1i: 104, t1i: 4.3248, x2i: 12, t2i: 1.0673 },
  { age: '55-64', x1i: 206, t1i: 2.8612, x2i: 28, t2i: 0.571 },
  { age: '65-74', x1i: 186, t1i: 1.2663, x2i: 28, t2i: 0.2585 },
  { age: '75-84', x1i: 102, t1i: 0.5317, x2i: 31, t2i: 0.1462 },
];
/** Published to 4 decimals: within half a unit of the last digit. */
const published = (got: number | null | undefined, want: number, label: string) => expectClose(got, want, 0.00005 / Math.abs(want), label);
const sum = (key: 'x1i' | 't1i' | 'x2i' | 't2i') => rows.reduce((s, r) => s + r[key], 0);
const crude = [{ x1i: sum('x1i'), t1i: sum('t1i'), x2i: sum('x2i'), t2i: sum('t2i') }];

describe('Rothman 2008, Table 15-2 (metafor test_analysis_example_rothman2008)', () => {
  it('stratum-specific and crude rate differences', () => {
    const ird = effectSizes('IRD', rows);
    [5.0417, 12.804, 22.961, 38.5674, -20.2008].forEach((w, i) => published(ird.yi[i], w, `yi[${i}]`));
    [1.7316, 16.0947, 111.0423, 535.0172, 1811.1307].forEach((w, i) => published(ird.vi[i], w, `vi[${i}]`));
    const c = effectSizes('IRD', crude);
    published(c.yi[0], 18.537, 'crude yi');
    published(c.vi[0], 9.6796, 'crude vi');
  });
  it('stratum-specific and crude rate ratios with 95% CIs', () => {
    const irr = effectSizes('IRR', rows);
    const z = 1.959963984540054;
    [5.7366, 2.1388, 1.4682, 1.3561, 0.9047].forEach((w, i) => published(Math.exp(irr.yi[i]!), w, `IRR[${i}]`));
    [1.3748, 1.1767, 0.9894, 0.9115, 0.6053].forEach((w, i) => published(Math.exp(irr.yi[i]! - z * Math.sqrt(irr.vi[i]!)), w, `ci.lb[${i}]`));
    [23.9371, 3.8876, 2.1789, 2.0176, 1.3524].forEach((w, i) => published(Math.exp(irr.yi[i]! + z * Math.sqrt(irr.vi[i]!)), w, `ci.ub[${i}]`));
    published(Math.exp(effectSizes('IRR', crude).yi[0]!), 1.7198, 'crude IRR');
  });
  it('Mantel–Haenszel rate difference (90% CI)', () => {
    const fit = mantelHaenszel(rows, { measure: 'IRD', level: 0.9, label: 'age' });
    published(fit.estimate, 11.4392, 'estimate');
    published(fit.ci.lower, 6.3498, 'ci.lb');
    published(fit.ci.upper, 16.5286, 'ci.ub');
    published(fit.q, 26.8758, 'QE');
    expect(fit.qPValue!).toBeLessThan(0.00005);
  });
  it('Mantel–Haenszel rate ratio (90% CI) and the Mantel–Haenszel test', () => {
    const fit = mantelHaenszel(rows, { measure: 'IRR', level: 0.9 });
    published(fit.estimate, 0.3539, 'estimate');
    published(fit.ci.lower, 0.1776, 'ci.lb');
    published(fit.ci.upper, 0.5303, 'ci.ub');
    published(fit.q, 10.4117, 'QE');
    published(fit.qPValue, 0.034, 'QEp');
    published(fit.cmh, 10.7021, 'MH');
    published(fit.cmhPValue, 0.0011, 'MHp');
    published(fit.ratio!.estimate, 1.4247, 'exp(estimate)');
    published(fit.ratio!.ci.lower, 1.1944, 'exp(ci.lb)');
    published(fit.ratio!.ci.upper, 1.6994, 'exp(ci.ub)');
    const uncorrected = mantelHaenszel(rows, { measure: 'IRR', level: 0.9, correct: false });
    published(uncorrected.cmh, 11.0162, 'MH without correction');
    published(uncorrected.cmhPValue, 0.0009, 'MHp without correction');
  });
  it('to.table with row and column names, and to.long', () => {
    const t = toTable(rows, 'IRR', { label: 'age', rowNames: ['Smokers', 'Nonsmokers'], colNames: ['Deaths', 'Years'] });
    expect(t.rowNames).toEqual(['Smokers', 'Nonsmokers']);
    expect(t.colNames).toEqual(['Deaths', 'Years']);
    expect(t.studies).toEqual(['35-44', '45-54', '55-64', '65-74', '75-84']);
    expect(t.tables[4]).toEqual([[102, 0.5317], [31, 0.1462]]);
    const long = toLong(rows, 'IRR', { label: 'age' });
    expect(long.rows.map((r) => r['events'])).toEqual([32, 2, 104, 12, 206, 28, 186, 28, 102, 31]);
    expect(long.rows.map((r) => r['ptime'])).toEqual([5.2407, 1.879, 4.3248, 1.0673, 2.8612, 0.571, 1.2663, 0.2585, 0.5317, 0.1462]);
    expect(long.rows[1]).toEqual({ ...rows[0], study: '35-44', group: 2, events: 2, ptime: 1.879 });
  });
});
