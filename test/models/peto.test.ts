// peto against R metafor 5.1-12 `rma.peto`: the shared fixtures (test/fixtures/metafor, bcg and
// nielweise2007) and our own (test/fixtures/metafor-mh, made by generate.R there), plus
// properties and input errors. No expected number comes from the code under test.
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, peto } from '../../src/index.ts';
import type { PetoResult } from '../../src/index.ts';
import { TOLERANCES } from '../tolerances.ts';

const REL = TOLERANCES.closed;

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

function json(path: URL): any {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function expectCore(fit: PetoResult, p: any, label: string): void {
  expectClose(fit.estimate, p.b, `${label} estimate`);
  expectClose(fit.se, p.se, `${label} se`);
  expectClose(fit.statistic, p.statistic, `${label} statistic`);
  expectClose(fit.pValue, p.pval, `${label} pValue`);
  expectClose(fit.ci.lower, p['ci.lb'], `${label} ci.lower`);
  expectClose(fit.ci.upper, p['ci.ub'], `${label} ci.upper`);
  expectClose(fit.q, p.QE, `${label} q`);
  expectClose(fit.qPValue, p.QEp, `${label} qPValue`);
  expectClose(fit.i2, p.I2, `${label} i2`);
}

describe('peto reproduces metafor rma.peto (shared fixtures)', () => {
  for (const name of ['bcg', 'nielweise2007']) {
    it(name, () => {
      const fx = json(new URL(`../fixtures/metafor/${name}.json`, import.meta.url));
      const columns = fx.effectSizes.find((e: any) => ['OR', 'RR', 'RD'].includes(e.measure)).columns;
      const fit = peto(fx.rows, { columns });
      expectCore(fit, fx.peto, name);
      expect(fit.k).toBe(fx.rows.length);
      expectClose(fit.ratio.estimate, Math.exp(fx.peto.b), 'ratio estimate');
      expectClose(fit.ratio.ci.upper, Math.exp(fx.peto['ci.ub']), 'ratio upper');
    });
  }
});

describe('peto reproduces metafor rma.peto (test/fixtures/metafor-mh)', () => {
  const dir = new URL('../fixtures/metafor-mh/', import.meta.url);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const fx = json(new URL(file, dir));
    for (const p of fx.peto) {
      const label = `${fx.dataset} ${JSON.stringify(p.options)}`;
      it(label, () => {
        const fit = peto(fx.rows, { columns: fx.columns, ...p.options });
        expectCore(fit, p, label);
        expectClose(fit.h2, p.H2, `${label} h2`);
        expect(fit.k, `${label} k`).toBe(p.k);
        expect(fit.qDf, `${label} qDf`).toBe(Math.max(p['k.yi'] - 1, 0));
        expect(fit.yi).toHaveLength(p['k.yi']);
        expect(fit.level).toBe(p.options.level ?? 0.95);
      });
    }
  }

  it('drop00 decides which double-zero trials count in the df of Q (dat.yusuf1985 table 9)', () => {
    const fx = json(new URL('yusuf1985-table9.json', dir));
    const dropped = peto(fx.rows, { columns: fx.columns });
    const kept = peto(fx.rows, { columns: fx.columns, drop00: false });
    expect(kept.q).toBe(dropped.q);
    expect(dropped.warnings.filter((w) => w.includes('no events in either group'))).toHaveLength(6);
    expect(kept.warnings.filter((w) => w.includes('no events in either group'))).toHaveLength(0);
    expect(kept.warnings.filter((w) => w.includes('omitted'))).toHaveLength(2);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const table = fc
  .record({ n1: fc.integer({ min: 1, max: 300 }), n2: fc.integer({ min: 1, max: 300 }), p1: fc.double({ min: 0, max: 1, noNaN: true }), p2: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ n1, n2, p1, p2 }) => ({ ai: Math.round(p1 * n1), n1i: n1, ci: Math.round(p2 * n2), n2i: n2 }));
// At least one table with events and non-events, so that Peto's method applies.
const informative = { ai: 3, n1i: 20, ci: 5, n2i: 21 };
const tables = fc.array(table, { minLength: 0, maxLength: 15 }).map((t) => [informative, ...t]);
const near = (a: number, b: number, tol = 1e-9) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

/** Yusuf et al. (1985): observed − expected and hypergeometric variance of one table. */
function oMinusE(r: { ai: number; n1i: number; ci: number; n2i: number }): { d: number; v: number } {
  const n = r.n1i + r.n2i, m1 = r.ai + r.ci, m2 = n - m1;
  return { d: r.ai - (r.n1i * m1) / n, v: (r.n1i * r.n2i * m1 * m2) / (n * n * (n - 1)) };
}

describe('peto properties', () => {
  it('equals Σ(O − E)/ΣV with SE 1/√ΣV and Q = Σ(O − E)²/V − (Σ(O − E))²/ΣV (Yusuf et al., 1985)', () => {
    fc.assert(
      fc.property(tables, (rows) => {
        const parts = rows.map(oMinusE);
        const sumD = parts.reduce((s, p) => s + p.d, 0);
        const sumV = parts.reduce((s, p) => s + p.v, 0);
        const chi = parts.reduce((s, p) => (p.v > 0 ? s + (p.d * p.d) / p.v : s), 0);
        const fit = peto(rows);
        expect(near(fit.estimate, sumD / sumV)).toBe(true);
        expect(near(fit.se, 1 / Math.sqrt(sumV))).toBe(true);
        expect(near(fit.q, Math.max(0, chi - (sumD * sumD) / sumV), 1e-7)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('swapping the two groups negates the estimate and keeps se and Q', () => {
    const swap = (r: { ai: number; n1i: number; ci: number; n2i: number }) => ({ ai: r.ci, n1i: r.n2i, ci: r.ai, n2i: r.n1i });
    fc.assert(
      fc.property(tables, (rows) => {
        const a = peto(rows);
        const b = peto(rows.map(swap));
        expect(near(b.estimate, -a.estimate)).toBe(true);
        expect(near(b.se, a.se)).toBe(true);
        expect(near(b.q, a.q)).toBe(true);
        expect(b.qDf).toBe(a.qDf);
      }),
      { numRuns: 150 },
    );
  });

  it('the order of the rows does not matter', () => {
    fc.assert(
      fc.property(tables, fc.integer({ min: 0, max: 1e6 }), (rows, seed) => {
        const order = rows.map((_, i) => i).sort((i, j) => ((i * 7919 + seed) % 101) - ((j * 7919 + seed) % 101) || i - j);
        const a = peto(rows);
        const b = peto(order.map((i) => rows[i]!));
        for (const key of ['estimate', 'se', 'pValue', 'q', 'qPValue', 'i2', 'h2'] as const) expect(near(b[key], a[key]), key).toBe(true);
        expect(b.qDf).toBe(a.qDf);
      }),
      { numRuns: 150 },
    );
  });

  it('returns a frozen result that survives JSON', () => {
    const fit = peto([{ ai: 4, bi: 119, ci: 11, di: 128 }, { ai: 6, bi: 300, ci: 29, di: 274 }]);
    expect(Object.isFrozen(fit)).toBe(true);
    expect(JSON.parse(JSON.stringify(fit))).toEqual(fit);
  });
});

// ---------------------------------------------------------------------------------------------
// Input errors

describe('peto input errors', () => {
  const thrown = (f: () => unknown): InputError => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return e as InputError;
    }
    throw new Error('did not throw');
  };
  const good = [{ study: 'A', ai: 4, bi: 119, ci: 11, di: 128 }, { study: 'B', ai: 6, bi: 300, ci: 29, di: 274 }];

  it('negative counts, text and missing columns name the field and the row', () => {
    expect(thrown(() => peto([good[0]!, { ...good[1]!, bi: -2 }])).message).toMatch(/^bi, study "B", row 2: must not be negative/);
    expect(thrown(() => peto([{ ...good[0]!, di: 'many' }, good[1]!])).message).toMatch(/^di, study "A", row 1: must be a number/);
    const e = thrown(() => peto(good.map(({ ci: _ci, ...rest }) => rest)));
    expect(e.field).toBe('ci');
    expect(e.message).toMatch(/no row has the key "ci"/);
  });

  it('events above the group size', () => {
    const e = thrown(() => peto([{ ai: 12, n1i: 10, ci: 1, n2i: 10 }]));
    expect(e.field).toBe('ai');
    expect(e.row).toBe(1);
  });

  it('tables without events anywhere: Peto’s method cannot be used (metafor stops too)', () => {
    expect(thrown(() => peto([{ ai: 0, n1i: 10, ci: 0, n2i: 12 }, { ai: 0, n1i: 5, ci: 0, n2i: 5 }])).message).toMatch(/Peto's method cannot be used/);
  });

  it('unknown options, measure (not a Peto option) and a bad level', () => {
    expect(thrown(() => peto(good, { measure: 'OR' } as never)).field).toBe('measure');
    expect(thrown(() => peto(good, { level: 0 })).field).toBe('level');
    expect(thrown(() => peto(good, { to: 'some' as never })).field).toBe('to');
  });

  it('a row with a missing count is omitted with a warning', () => {
    const fit = peto([...good, { study: 'C', ai: 2, bi: null, ci: 3, di: 40 }]);
    expect(fit.k).toBe(2);
    expect(fit.warnings).toContain('row 3 (C) omitted: bi (or n1i) missing');
  });
});
