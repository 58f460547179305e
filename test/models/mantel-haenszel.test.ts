// mantelHaenszel against R metafor 5.1-12 `rma.mh`: the shared fixtures (test/fixtures/metafor,
// bcg and nielweise2007) and our own (test/fixtures/metafor-mh, made by generate.R there), plus
// properties that hold for any tables and the input errors. No expected number comes from the
// code under test.
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, mantelHaenszel } from '../../src/index.ts';
import type { MantelHaenszelResult } from '../../src/index.ts';
import { TOLERANCES } from '../tolerances.ts';

const REL = TOLERANCES.closed;
type Row = Record<string, unknown>;

/** `got` reproduces R's `want`: null <=> null, else within 1e-10 relative (1e-13 absolute near 0). */
function expectClose(got: number | null | undefined, want: number | null, label: string): void {
  if (want === null) {
    expect(got ?? null, `${label}: want NA`).toBeNull();
    return;
  }
  expect(typeof got, `${label}: want ${want}, got ${got}`).toBe('number');
  const g = got as number;
  const ok = Math.abs(g - want) <= REL * Math.abs(want) || Math.abs(g - want) <= 1e-13;
  expect(ok, `${label}: got ${g}, want ${want}`).toBe(true);
}

function expectArray(got: readonly number[], want: readonly (number | null)[], label: string): void {
  expect(got.length, `${label}: length`).toBe(want.length);
  want.forEach((w, i) => expectClose(got[i], w, `${label}[${i}]`));
}

function json(path: URL): any {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The values every fixture entry has (metafor's names). */
function expectCore(fit: MantelHaenszelResult, m: any, label: string): void {
  expectClose(fit.estimate, m.b, `${label} estimate`);
  expectClose(fit.se, m.se, `${label} se`);
  expectClose(fit.statistic, m.statistic, `${label} statistic`);
  expectClose(fit.pValue, m.pval, `${label} pValue`);
  expectClose(fit.ci.lower, m['ci.lb'], `${label} ci.lower`);
  expectClose(fit.ci.upper, m['ci.ub'], `${label} ci.upper`);
  expectClose(fit.q, m.QE, `${label} q`);
  expectClose(fit.qPValue, m.QEp, `${label} qPValue`);
  expectClose(fit.i2, m.I2, `${label} i2`);
  expectClose(fit.h2, m.H2, `${label} h2`);
  expectClose(fit.cmh, m.CMH, `${label} cmh`);
  expectClose(fit.cmhPValue, m.CMHp, `${label} cmhPValue`);
  expectClose(fit.tarone, m.TA, `${label} tarone`);
  expectClose(fit.taronePValue, m.TAp, `${label} taronePValue`);
}

describe('mantelHaenszel reproduces metafor rma.mh (shared fixtures)', () => {
  for (const name of ['bcg', 'nielweise2007']) {
    const fx = json(new URL(`../fixtures/metafor/${name}.json`, import.meta.url));
    const columns = fx.effectSizes.find((e: any) => ['OR', 'RR', 'RD'].includes(e.measure)).columns;
    for (const m of fx.mantelHaenszel) {
      it(`${name} ${m.measure}`, () => {
        const fit = mantelHaenszel(fx.rows, { measure: m.measure, columns });
        expectCore(fit, m, `${name} ${m.measure}`);
        expect(fit.k).toBe(fx.rows.length);
        if (m.measure !== 'RD') {
          expectClose(fit.ratio!.estimate, Math.exp(m.b), 'ratio estimate');
          expectClose(fit.ratio!.ci.lower, Math.exp(m['ci.lb']), 'ratio lower');
        } else expect(fit.ratio).toBeNull();
      });
    }
  }
});

describe('mantelHaenszel reproduces metafor rma.mh (test/fixtures/metafor-mh)', () => {
  const dir = new URL('../fixtures/metafor-mh/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  it('has the generated fixtures', () => {
    expect(files).toEqual(['all-events.json', 'collins1985a.json', 'li2007.json', 'no-events-group2.json', 'single-table.json', 'yusuf1985-table9.json']);
  });
  for (const file of files) {
    const fx = json(new URL(file, dir));
    for (const m of fx.mantelHaenszel) {
      const label = `${fx.dataset} ${m.measure} ${JSON.stringify(m.options)}`;
      it(label, () => {
        const fit = mantelHaenszel(fx.rows, { measure: m.measure, columns: fx.columns, ...m.options });
        expectCore(fit, m, label);
        expect(fit.k, `${label} k`).toBe(m.k);
        expect(fit.qDf, `${label} qDf`).toBe(Math.max(m['k.yi'] - 1, 0));
        expectArray(fit.yi, m.yi, `${label} yi`);
        expectArray(fit.vi, m.vi, `${label} vi`);
        expectClose(fit.breslowDay, m.BD, `${label} breslowDay`);
        expectClose(fit.breslowDayPValue, m.BDp, `${label} breslowDayPValue`);
        expect(fit.taroneDf, `${label} taroneDf`).toBe(m.TA === null ? null : m['k.pos'] - 1);
        expect(fit.level).toBe(m.options.level ?? 0.95);
      });
    }
  }

  it('omits rows with missing counts and says which (dat.collins1985a: rows 6 and 12)', () => {
    const fx = json(new URL('collins1985a.json', dir));
    const missing = fx.rows.flatMap((r: Row, i: number) => (['b.xti', 'nti', 'b.xci', 'nci'].some((c) => r[c] === null) ? [i + 1] : []));
    const fit = mantelHaenszel(fx.rows, { columns: fx.columns });
    expect(fit.k).toBe(fx.rows.length - missing.length);
    for (const row of missing) expect(fit.warnings.some((w) => w.startsWith(`row ${row} `) && w.includes('omitted'))).toBe(true);
  });

  it('names the double-zero trials left out of the heterogeneity test (dat.yusuf1985 table 9)', () => {
    const fx = json(new URL('yusuf1985-table9.json', dir));
    const fit = mantelHaenszel(fx.rows, { columns: fx.columns });
    for (const study of ['Waagstein', 'Norris 1', 'Azancot', 'Nigam', 'Gupta', 'Roberts (MILIS)']) {
      expect(fit.warnings.some((w) => w.includes(`(${study})`) && w.includes('no events in either group'))).toBe(true);
      expect(fit.labels).not.toContain(study);
    }
    expect(fit.warnings.filter((w) => w.includes('omitted'))).toHaveLength(2); // Ayerst and ISIS have no counts
  });

  it('warns when the MH odds ratio is undefined (no events in group 2)', () => {
    const fx = json(new URL('no-events-group2.json', dir));
    const fit = mantelHaenszel(fx.rows, { columns: fx.columns });
    expect(fit.estimate).toBeNull();
    expect(fit.ratio!.estimate).toBeNull();
    expect(fit.warnings.some((w) => w.includes('undefined'))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const table = fc
  .record({ n1: fc.integer({ min: 1, max: 300 }), n2: fc.integer({ min: 1, max: 300 }), p1: fc.double({ min: 0, max: 1, noNaN: true }), p2: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ n1, n2, p1, p2 }) => ({ ai: Math.round(p1 * n1), n1i: n1, ci: Math.round(p2 * n2), n2i: n2 }));
const tables = fc.array(table, { minLength: 1, maxLength: 15 });
const swap = (r: { ai: number; n1i: number; ci: number; n2i: number }) => ({ ai: r.ci, n1i: r.n2i, ci: r.ai, n2i: r.n1i });
const near = (a: number | null, b: number | null, tol = 1e-9) =>
  (a === null && b === null) || (a !== null && b !== null && Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)));

describe('mantelHaenszel properties', () => {
  for (const measure of ['OR', 'RR', 'RD'] as const) {
    it(`${measure}: swapping the two groups negates the estimate and keeps se, Q and the CMH test`, () => {
      fc.assert(
        fc.property(tables, (rows) => {
          const a = mantelHaenszel(rows, { measure });
          const b = mantelHaenszel(rows.map(swap), { measure });
          expect(near(b.estimate, a.estimate === null ? null : -a.estimate)).toBe(true);
          // Perfectly separated tables have SE 0 in exact arithmetic; allow its rounding residue.
          const degenerate = (a.se ?? 0) < 1e-6 && (b.se ?? 0) < 1e-6;
          expect(degenerate || near(b.se, a.se), `se ${a.se} vs ${b.se}`).toBe(true);
          expect(near(b.q, a.q)).toBe(true);
          expect(near(b.cmh, a.cmh)).toBe(true);
          expect(near(b.tarone, a.tarone, 1e-7)).toBe(true);
        }),
        { numRuns: 300 },
      );
    });

    it(`${measure}: the order of the rows does not matter`, () => {
      fc.assert(
        fc.property(tables, fc.integer({ min: 0, max: 1e6 }), (rows, seed) => {
          const order = rows.map((_, i) => i).sort((i, j) => ((i * 7919 + seed) % 101) - ((j * 7919 + seed) % 101) || i - j);
          const a = mantelHaenszel(rows, { measure });
          const b = mantelHaenszel(order.map((i) => rows[i]!), { measure });
          for (const key of ['estimate', 'se', 'pValue', 'q', 'qPValue', 'i2', 'cmh', 'tarone'] as const) {
            expect(near(b[key], a[key]), key).toBe(true);
          }
          expect(b.qDf).toBe(a.qDf);
          expect([...b.yi].sort()).toEqual([...a.yi].sort());
        }),
        { numRuns: 150 },
      );
    });
  }

  it('OR, one table without zero cells: the MH estimate is its log odds ratio and the RBG variance is Woolf’s', () => {
    // Robins, Breslow & Greenland (1986) note that their variance reduces to Woolf's for K = 1.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), (a, b, c, d) => {
        const fit = mantelHaenszel([{ ai: a, bi: b, ci: c, di: d }], { measure: 'OR' });
        expect(near(fit.estimate, Math.log((a * d) / (b * c)), 1e-12)).toBe(true);
        expect(near(fit.se! ** 2, 1 / a + 1 / b + 1 / c + 1 / d, 1e-12)).toBe(true);
      }),
    );
  });

  it('RR, one table with events in both groups: the Greenland–Robins variance is Katz’s 1/a − 1/n1 + 1/c − 1/n2', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 500 }), (a, b, c, d) => {
        const fit = mantelHaenszel([{ ai: a, bi: b, ci: c, di: d }], { measure: 'RR' });
        expect(near(fit.estimate, Math.log(a / (a + b)) - Math.log(c / (c + d)), 1e-12)).toBe(true);
        expect(near(fit.se! ** 2, 1 / a - 1 / (a + b) + 1 / c - 1 / (c + d), 1e-9)).toBe(true);
      }),
    );
  });

  it('reads ai, bi, ci, di and ai, n1i, ci, n2i alike, and string counts as numbers', () => {
    const wide = [{ a: 4, b: 119, c: 11, d: 128 }, { a: 6, b: 300, c: 29, d: 274 }];
    const bySize = wide.map((r) => ({ ai: String(r.a), n1i: r.a + r.b, ci: r.c, n2i: ` ${r.c + r.d} ` }));
    const x = mantelHaenszel(wide, { columns: { ai: 'a', bi: 'b', ci: 'c', di: 'd' } });
    const y = mantelHaenszel(bySize);
    expect(y.estimate).toBe(x.estimate);
    expect(y.q).toBe(x.q);
  });

  it('returns a frozen result that survives JSON', () => {
    const fit = mantelHaenszel([{ ai: 4, bi: 119, ci: 11, di: 128 }, { ai: 6, bi: 300, ci: 29, di: 274 }]);
    expect(Object.isFrozen(fit)).toBe(true);
    expect(Object.isFrozen(fit.ci)).toBe(true);
    expect(JSON.parse(JSON.stringify(fit))).toEqual(fit);
  });
});

// ---------------------------------------------------------------------------------------------
// Input errors

describe('mantelHaenszel input errors', () => {
  const good = [{ study: 'A', ai: 4, n1i: 123, ci: 11, n2i: 139 }, { study: 'B', ai: 6, n1i: 306, ci: 29, n2i: 303 }];
  const thrown = (f: () => unknown): InputError => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return e as InputError;
    }
    throw new Error('did not throw');
  };

  it('a negative count names the field and the row', () => {
    const e = thrown(() => mantelHaenszel([good[0]!, { ...good[1]!, ci: -1 }]));
    expect(e.message).toMatch(/^ci, study "B", row 2: must not be negative/);
  });

  it('events above the group size', () => {
    const e = thrown(() => mantelHaenszel([{ ...good[0]!, ai: 200 }, good[1]!]));
    expect(e.field).toBe('ai');
    expect(e.row).toBe(1);
    expect(e.message).toMatch(/exceed/);
  });

  it('text in a count', () => {
    const e = thrown(() => mantelHaenszel([good[0]!, { ...good[1]!, n2i: '30x' }]));
    expect(e.message).toMatch(/n2i, study "B", row 2: must be a number/);
  });

  it('a mapped column absent from every row', () => {
    const e = thrown(() => mantelHaenszel(good, { columns: { ai: 'events_t' } }));
    expect(e.message).toMatch(/"events_t"/);
    expect(e.field).toBe('ai');
  });

  it('an unknown measure, role or option; a bad level or correct', () => {
    expect(thrown(() => mantelHaenszel(good, { measure: 'PETO' as never })).field).toBe('measure');
    expect(thrown(() => mantelHaenszel(good, { columns: { m1i: 'x' } as never })).message).toMatch(/valid choices are ai, bi, ci, di, n1i, n2i/);
    expect(thrown(() => mantelHaenszel(good, { method: 'DL' } as never)).field).toBe('method');
    expect(thrown(() => mantelHaenszel(good, { level: 95 })).field).toBe('level');
    expect(thrown(() => mantelHaenszel(good, { correct: 'yes' as never })).field).toBe('correct');
    expect(thrown(() => mantelHaenszel(good, { add: -1 })).field).toBe('add');
  });

  it('rows that are not objects, and no complete table', () => {
    expect(thrown(() => mantelHaenszel('rows' as never)).field).toBe('rows');
    expect(thrown(() => mantelHaenszel([good[0]!, 3] as never)).row).toBe(2);
    expect(thrown(() => mantelHaenszel([])).message).toMatch(/nothing to pool/);
    expect(thrown(() => mantelHaenszel([{ ai: null, n1i: 10, ci: 2, n2i: 10 }])).message).toMatch(/no row has a complete 2x2 table/);
  });

  it('a row with a missing count is omitted with a warning, not an error', () => {
    const fit = mantelHaenszel([...good, { study: 'C', ai: 'NA', n1i: 50, ci: 3, n2i: 50 }]);
    expect(fit.k).toBe(2);
    expect(fit.warnings).toContain('row 3 (C) omitted: ai missing');
  });
});
