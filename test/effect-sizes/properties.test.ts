// Properties of the measures that hold whatever the data: symmetries, invariances, identities.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectSizes } from '../../src/effect-sizes/effect-sizes.ts';
import type { Measure } from '../../src/types.ts';

const close = (a: number, b: number, rel = 1e-12) => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), 1e-300);

const group = fc.record({
  m: fc.double({ min: 0.5, max: 200, noNaN: true }),
  sd: fc.double({ min: 0.05, max: 50, noNaN: true }),
  n: fc.integer({ min: 2, max: 1000 }),
});
const twoGroups = fc.array(fc.tuple(group, group), { minLength: 1, maxLength: 6 });
const wide = (pairs: [{ m: number; sd: number; n: number }, { m: number; sd: number; n: number }][]) =>
  pairs.map(([g1, g2]) => ({ m1i: g1.m, sd1i: g1.sd, n1i: g1.n, m2i: g2.m, sd2i: g2.sd, n2i: g2.n }));
const swapped = (pairs: Parameters<typeof wide>[0]) => wide(pairs.map(([a, b]) => [b, a]));

describe('two-group means', () => {
  for (const measure of ['MD', 'SMD', 'SMDH', 'ROM'] as const) {
    it(`${measure} is antisymmetric when the groups swap (same variance)`, () => {
      fc.assert(
        fc.property(twoGroups, (pairs) => {
          const a = effectSizes(measure, wide(pairs));
          const b = effectSizes(measure, swapped(pairs));
          a.yi.forEach((y, i) => expect(close(y, -b.yi[i]!) || Math.abs(y + b.yi[i]!) < 1e-14).toBe(true));
          a.vi.forEach((v, i) => expect(close(v, b.vi[i]!)).toBe(true));
        }),
      );
    });
  }

  for (const measure of ['SMD', 'SMDH', 'ROM'] as const) {
    it(`${measure} is scale invariant (means and SDs times c > 0)`, () => {
      fc.assert(
        fc.property(twoGroups, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (pairs, c) => {
          const a = effectSizes(measure, wide(pairs));
          const scaled = wide(pairs).map((r) => ({ ...r, m1i: r.m1i * c, m2i: r.m2i * c, sd1i: r.sd1i * c, sd2i: r.sd2i * c }));
          const b = effectSizes(measure, scaled);
          a.yi.forEach((y, i) => expect(close(y, b.yi[i]!, 1e-9) || Math.abs(y - b.yi[i]!) < 1e-12).toBe(true));
          a.vi.forEach((v, i) => expect(close(v, b.vi[i]!, 1e-9)).toBe(true));
        }),
      );
    });
  }

  it('SMD is location invariant and MD variance does not depend on the means', () => {
    fc.assert(
      fc.property(twoGroups, fc.double({ min: -100, max: 100, noNaN: true }), (pairs, shift) => {
        const rows = wide(pairs);
        const moved = rows.map((r) => ({ ...r, m1i: r.m1i + shift, m2i: r.m2i + shift }));
        const a = effectSizes('SMD', rows), b = effectSizes('SMD', moved);
        a.yi.forEach((y, i) => expect(Math.abs(y - b.yi[i]!)).toBeLessThan(1e-9 * (1 + Math.abs(y))));
        const c = effectSizes('MD', rows), d = effectSizes('MD', moved);
        expect(c.vi).toEqual(d.vi);
      }),
    );
  });

  it("SMD with correct: false times Hedges' J equals the corrected SMD", () => {
    fc.assert(
      fc.property(twoGroups, (pairs) => {
        const g = effectSizes('SMD', wide(pairs));
        const d = effectSizes('SMD', wide(pairs), { correct: false });
        g.yi.forEach((y, i) => {
          const ratio = y / d.yi[i]!;
          if (Number.isFinite(ratio)) expect(ratio > 0 && ratio < 1).toBe(true);
        });
      }),
    );
  });
});

const table = fc
  .tuple(fc.integer({ min: 2, max: 400 }), fc.integer({ min: 2, max: 400 }))
  .chain(([n1, n2]) =>
    fc.record({ ai: fc.integer({ min: 1, max: n1 - 1 }), n1i: fc.constant(n1), ci: fc.integer({ min: 1, max: n2 - 1 }), n2i: fc.constant(n2) }),
  );
const tables = fc.array(table, { minLength: 1, maxLength: 6 });

describe('2x2 tables', () => {
  for (const measure of ['OR', 'RR', 'RD', 'AS', 'PETO'] as const) {
    it(`${measure}: swapping the groups negates yi and keeps vi`, () => {
      fc.assert(
        fc.property(tables, (rows) => {
          const a = effectSizes(measure, rows);
          const b = effectSizes(measure, rows.map((r) => ({ ai: r.ci, n1i: r.n2i, ci: r.ai, n2i: r.n1i })));
          a.yi.forEach((y, i) => expect(Math.abs(y + b.yi[i]!)).toBeLessThan(1e-12 * (1 + Math.abs(y))));
          a.vi.forEach((v, i) => expect(close(v, b.vi[i]!, 1e-12)).toBe(true));
        }),
      );
    });
  }

  it('OR: swapping events and non-events negates the log odds ratio (log symmetry)', () => {
    fc.assert(
      fc.property(tables, (rows) => {
        const a = effectSizes('OR', rows);
        const b = effectSizes('OR', rows.map((r) => ({ ai: r.n1i - r.ai, n1i: r.n1i, ci: r.n2i - r.ci, n2i: r.n2i })));
        a.yi.forEach((y, i) => expect(Math.abs(y + b.yi[i]!)).toBeLessThan(1e-12 * (1 + Math.abs(y))));
        a.vi.forEach((v, i) => expect(close(v, b.vi[i]!, 1e-12)).toBe(true));
      }),
    );
  });

  it('RR and RD agree in sign', () => {
    fc.assert(
      fc.property(tables, (rows) => {
        const rr = effectSizes('RR', rows), rd = effectSizes('RD', rows);
        rr.yi.forEach((y, i) => {
          if (Math.abs(rd.yi[i]!) > 1e-12) expect(Math.sign(y)).toBe(Math.sign(rd.yi[i]!));
        });
      }),
    );
  });

  it('bi/di and n1i/n2i give the same tables', () => {
    fc.assert(
      fc.property(tables, fc.constantFrom<Measure>('OR', 'RR', 'RD', 'AS', 'PETO'), (rows, measure) => {
        const a = effectSizes(measure, rows);
        const b = effectSizes(measure, rows.map((r) => ({ ai: r.ai, bi: r.n1i - r.ai, ci: r.ci, di: r.n2i - r.ci })));
        expect(a.yi).toEqual(b.yi);
        expect(a.vi).toEqual(b.vi);
      }),
    );
  });
});

describe('single-group measures', () => {
  it('ZCOR is atanh of COR, with variance 1/(n - 3)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ ri: fc.double({ min: -0.999, max: 0.999, noNaN: true }), ni: fc.integer({ min: 4, max: 5000 }) }), { minLength: 1, maxLength: 6 }), (rows) => {
        const cor = effectSizes('COR', rows), z = effectSizes('ZCOR', rows);
        cor.yi.forEach((r, i) => expect(Math.abs(Math.atanh(r) - z.yi[i]!)).toBeLessThan(1e-12 * (1 + Math.abs(z.yi[i]!))));
        z.vi.forEach((v, i) => expect(close(v, 1 / (rows[i]!.ni - 3))).toBe(true));
      }),
    );
  });

  it('PLO and PAS/PR are symmetric when events and non-events swap', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 2, max: 500 }).chain((n) => fc.record({ xi: fc.integer({ min: 1, max: n - 1 }), ni: fc.constant(n) })), { minLength: 1, maxLength: 6 }), (rows) => {
        const flipped = rows.map((r) => ({ xi: r.ni - r.xi, ni: r.ni }));
        const a = effectSizes('PLO', rows), b = effectSizes('PLO', flipped);
        a.yi.forEach((y, i) => expect(Math.abs(y + b.yi[i]!)).toBeLessThan(1e-12 * (1 + Math.abs(y))));
        const p = effectSizes('PR', rows), q = effectSizes('PR', flipped);
        p.yi.forEach((y, i) => expect(Math.abs(y + q.yi[i]! - 1)).toBeLessThan(1e-14));
        expect(p.vi.map((v, i) => close(v, q.vi[i]!))).not.toContain(false);
        const s = effectSizes('PAS', rows), t = effectSizes('PAS', flipped);
        s.yi.forEach((y, i) => expect(Math.abs(y + t.yi[i]! - Math.PI / 2)).toBeLessThan(1e-12));
      }),
    );
  });

  it('MNLN is the log of MN with the delta-method variance', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ mi: fc.double({ min: 0.01, max: 1e4, noNaN: true }), sdi: fc.double({ min: 0, max: 100, noNaN: true }), ni: fc.integer({ min: 1, max: 1000 }) }), { minLength: 1, maxLength: 6 }), (rows) => {
        const mn = effectSizes('MN', rows), ln = effectSizes('MNLN', rows);
        mn.yi.forEach((m, i) => {
          expect(ln.yi[i]).toBe(Math.log(m));
          expect(close(ln.vi[i]!, mn.vi[i]! / (m * m), 1e-12) || ln.vi[i] === 0).toBe(true);
        });
      }),
    );
  });

  it('MC with ri = 0 has the variance (sd1² + sd2²)/n; SMCC with sd2i = ri = 0 standardizes by sd1i', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ m1i: fc.double({ min: -50, max: 50, noNaN: true }), m2i: fc.double({ min: -50, max: 50, noNaN: true }), sd1i: fc.double({ min: 0.1, max: 20, noNaN: true }), sd2i: fc.double({ min: 0.1, max: 20, noNaN: true }), ni: fc.integer({ min: 3, max: 500 }) }), { minLength: 1, maxLength: 6 }), (rows) => {
        const mc = effectSizes('MC', rows.map((r) => ({ ...r, ri: 0 })));
        mc.vi.forEach((v, i) => expect(close(v, (rows[i]!.sd1i ** 2 + rows[i]!.sd2i ** 2) / rows[i]!.ni, 1e-12)).toBe(true));
        const smcc = effectSizes('SMCC', rows.map((r) => ({ ...r, sd2i: 0, ri: 0 })));
        const smcr = effectSizes('SMCR', rows.map((r) => ({ ...r, ri: 0.5 })));
        smcc.yi.forEach((y, i) => expect(close(y, smcr.yi[i]!, 1e-12) || Math.abs(y - smcr.yi[i]!) < 1e-14).toBe(true));
      }),
    );
  });
});

describe('results', () => {
  it('are frozen, index-aligned, and survive JSON with NaN as null', () => {
    const got = effectSizes('MD', [
      { study: 'A', m1i: 1, sd1i: 1, n1i: 5, m2i: 0, sd2i: 1, n2i: 5 },
      { study: 'B', m1i: null, sd1i: 1, n1i: 5, m2i: 0, sd2i: 1, n2i: 5 },
    ]);
    expect(Object.isFrozen(got)).toBe(true);
    for (const key of ['yi', 'vi', 'labels', 'provenance', 'warnings'] as const) expect(Object.isFrozen(got[key])).toBe(true);
    expect(JSON.parse(JSON.stringify(got))).toEqual({
      measure: 'MD',
      yi: [1, null],
      vi: [0.4, 0.4], // metafor keeps the variance when only a mean is missing
      labels: ['A', 'B'],
      provenance: [{ kind: 'reported' }, { kind: 'reported' }],
      provenanceCounts: { reported: 2, derived: 0, imputed: 0, assumed: 0 },
      warnings: ['row 2 (B) omitted: m1i missing'],
    });
  });

  it('pass provenance through, index-aligned', () => {
    const rows = [
      { yi: 0.1, vi: 0.01 },
      { yi: 0.2, vi: 0.02 },
    ];
    const got = effectSizes('GEN', rows, { provenance: [undefined, { kind: 'assumed', value: 0.02 }] });
    expect(got.provenance).toEqual([{ kind: 'reported' }, { kind: 'assumed', value: 0.02 }]);
  });

  it('permute with the rows (measures without cross-row averages)', () => {
    fc.assert(
      fc.property(twoGroups, (pairs) => {
        const rows = wide(pairs);
        const a = effectSizes('SMD', rows), b = effectSizes('SMD', [...rows].reverse());
        expect([...b.yi].reverse()).toEqual(a.yi);
        expect([...b.vi].reverse()).toEqual(a.vi);
      }),
    );
  });
});
