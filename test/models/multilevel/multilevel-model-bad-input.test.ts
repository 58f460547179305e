// multilevel with moderators / nested levels, influenceMultilevel, leaveOneOutTables: bad input
// gets an InputError naming the field (and row), a skipped row is listed in warnings.
import { describe, expect, it } from 'vitest';
import { cumulativeTables, influenceMultilevel, influenceRegression, leaveOneOutTables, multilevel, robust } from '../../../src/index.ts';
import { InputError } from '../../../src/errors.ts';

const yi = [0.1, 0.3, 0.9, 1.1, -0.2, 0, 0.4, 0.5];
const vi = [0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.02, 0.02];
const a = ['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd'];
const b = ['1', '2', '1', '2', '1', '2', '1', '2'];

describe('multilevel (moderators / levels): bad input', () => {
  it('names the level and the row of a bad label', () => {
    expect(() => multilevel({ yi, vi }, { levels: [a, b.map((x, i) => (i === 3 ? true : x)) as never] })).toThrow(/levels\[1\].*row 4|row 4.*levels\[1\]/s);
  });
  it('omits a row with a missing label or moderator, with a warning', () => {
    const fit = multilevel({ yi, vi }, { levels: [a, b.map((x, i) => (i === 2 ? null : x))], moderators: { x: [1, 2, 3, 4, 5, 6, 7, null] } });
    expect(fit.k).toBe(6);
    expect(fit.warnings.join(' ')).toMatch(/Row 3.*level label missing/);
    expect(fit.warnings.join(' ')).toMatch(/Row 8.*moderator/);
  });
  it('rejects collinear moderators and adjacent levels with the same groups', () => {
    expect(() => multilevel({ yi, vi }, { levels: [a, b], moderators: { x: [1, 1, 1, 1, 1, 1, 1, 1] } })).toThrow(InputError);
    expect(() => multilevel({ yi, vi }, { levels: [a, a.map((x) => `${x}!`)] })).toThrow(/cannot be told apart/);
  });
  it('rejects an unknown method and a missing levels option', () => {
    expect(() => multilevel({ yi, vi }, { levels: [a, b], method: 'DL' as never })).toThrow(/method/);
    expect(() => multilevel({ yi, vi }, { moderators: { x: yi } } as never)).toThrow(/levels/);
  });
  it('fixes the σ² of a level with a single group, with a warning', () => {
    const fit = multilevel({ yi, vi }, { levels: [a.map(() => 'all'), a, b] });
    expect(fit.sigma2[0]).toBe(0);
    expect(fit.fixed).toEqual([true, false, false]);
    expect(fit.warnings.join(' ')).toMatch(/single group/);
  });
});

describe('robust and influence on multilevel fits: bad input', () => {
  const fit = multilevel({ yi, vi }, { levels: [a, b], moderators: { x: [1, 2, 3, 4, 5, 6, 7, 9] } });
  it('robust needs each outermost group inside one cluster', () => {
    expect(() => robust(fit, { cluster: b, adjust: 'CR1' })).toThrow(/outermost level.*row 2|row 2/s);
  });
  it('influenceMultilevel names a bad cluster array', () => {
    expect(() => influenceMultilevel(fit, { cluster: ['a'] })).toThrow(/cluster/);
  });
  it('influenceRegression rejects a fit that is not a meta-regression', () => {
    expect(() => influenceRegression({} as never)).toThrow(InputError);
  });
});

describe('leaveOneOutTables / cumulativeTables: bad input', () => {
  const rows = [{ ai: 4, n1i: 123, ci: 11, n2i: 139 }, { ai: 6, n1i: 306, ci: 29, n2i: 303 }, { ai: 3, n1i: 231, ci: 11, n2i: 220 }];
  it('rejects an unknown method, a Peto measure and a wrong-length order', () => {
    expect(() => leaveOneOutTables(rows, { method: 'IV' as never })).toThrow(/method/);
    expect(() => leaveOneOutTables(rows, { method: 'PETO', measure: 'OR' })).toThrow(/measure/);
    expect(() => cumulativeTables(rows, { order: [1, 2] })).toThrow(/order/);
  });
  it('needs two complete tables for leave-one-out', () => {
    expect(() => leaveOneOutTables(rows.slice(0, 1))).toThrow(/k = 1/);
  });
});
