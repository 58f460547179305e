// Properties of the variability, correlation-family and AUC measures that hold whatever the data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectSizes } from '../../src/effect-sizes/effect-sizes.ts';

const close = (a: number, b: number, rel = 1e-9) => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), 1e-12);

const group = fc.record({
  m: fc.double({ min: 0.5, max: 200, noNaN: true }),
  sd: fc.double({ min: 0.05, max: 50, noNaN: true }),
  n: fc.integer({ min: 3, max: 1000 }),
});
const twoGroups = fc.array(fc.tuple(group, group), { minLength: 1, maxLength: 6 });
// |d| ≤ 400 keeps 1 − r² of the z-transformed correlations well above rounding (ZPB, ZBIS)
const moderate = fc.record({ m: group.map((g) => g.m), sd: fc.double({ min: 0.5, max: 50, noNaN: true }), n: fc.integer({ min: 3, max: 1000 }) });
const moderateGroups = fc.array(fc.tuple(moderate, moderate), { minLength: 1, maxLength: 6 });
type Group = { m: number; sd: number; n: number };
const wide = (pairs: [Group, Group][]) =>
  pairs.map(([g1, g2]) => ({ m1i: g1.m, sd1i: g1.sd, n1i: g1.n, m2i: g2.m, sd2i: g2.sd, n2i: g2.n }));
const swapped = (pairs: [Group, Group][]) => wide(pairs.map(([a, b]) => [b, a]));
const scale = fc.double({ min: 1e-3, max: 1e3, noNaN: true });

describe('variability and d-based measures', () => {
  for (const measure of ['VR', 'CVR', 'RPB', 'RBIS', 'D2ORN', 'D2ORL'] as const) {
    it(`${measure} is antisymmetric when the groups swap`, () => {
      fc.assert(
        fc.property(twoGroups, (pairs) => {
          const a = effectSizes(measure, wide(pairs)), b = effectSizes(measure, swapped(pairs));
          a.yi.forEach((y, i) => expect(close(y, -b.yi[i]!) || Math.abs(y + b.yi[i]!) < 1e-13).toBe(true));
          a.vi.forEach((v, i) => expect(close(v, b.vi[i]!)).toBe(true));
        }),
      );
    });
  }

  for (const measure of ['VR', 'CVR', 'RPB', 'ZPB', 'RBIS', 'D2ORL', 'AUCN'] as const) {
    it(`${measure} is invariant to the unit of measurement (means and SDs times c > 0)`, () => {
      fc.assert(
        fc.property(moderateGroups, scale, (pairs, c) => {
          const rows = wide(pairs);
          const scaled = rows.map((r) => ({ ...r, m1i: r.m1i * c, m2i: r.m2i * c, sd1i: r.sd1i * c, sd2i: r.sd2i * c }));
          const a = effectSizes(measure, rows), b = effectSizes(measure, scaled);
          a.yi.forEach((y, i) => expect(close(y, b.yi[i]!) || Math.abs(y - b.yi[i]!) < 1e-12).toBe(true));
          a.vi.forEach((v, i) => expect(close(v, b.vi[i]!)).toBe(true));
        }),
      );
    });
  }

  it('AUCN and CLESN are the same numbers, and AUCN = Φ(d/√2) of SMDH without correction', () => {
    fc.assert(
      fc.property(twoGroups, (pairs) => {
        const rows = wide(pairs);
        const a = effectSizes('AUCN', rows), b = effectSizes('CLESN', rows);
        expect(a.yi).toEqual(b.yi);
        expect(a.vi).toEqual(b.vi);
        const d = effectSizes('SMDH', rows, { correct: false }).yi;
        a.yi.forEach((y, i) => expect(y > 0.5 === d[i]! > 0 || Math.abs(d[i]!) < 1e-12).toBe(true));
      }),
    );
  });
});

describe('correlation family', () => {
  const corr = fc.array(fc.record({ r: fc.double({ min: -0.99, max: 0.99, noNaN: true }), n: fc.integer({ min: 5, max: 5000 }) }), { minLength: 1, maxLength: 6 });
  it('UCOR shrinks toward nothing: |UCOR| ≥ |r|, same sign, and → r as n grows', () => {
    fc.assert(
      fc.property(corr, (rows) => {
        const got = effectSizes('UCOR', rows.map(({ r, n }) => ({ ri: r, ni: n })));
        got.yi.forEach((y, i) => {
          const r = rows[i]!.r;
          expect(Math.abs(y)).toBeGreaterThanOrEqual(Math.abs(r) * (1 - 1e-15));
          expect(Math.sign(y) === Math.sign(r) || r === 0).toBe(true);
          // Olkin & Pratt: r·(1 + (1 − r²)/(2(n − 4))) to O(n⁻²)
          expect(Math.abs(y - r * (1 + (1 - r * r) / (2 * (rows[i]!.n - 4))))).toBeLessThan(3 / (rows[i]!.n - 4) ** 2);
        });
      }),
    );
  });

  it('ZPCOR and ZSPCOR are atanh of PCOR and SPCOR', () => {
    fc.assert(
      fc.property(corr, fc.integer({ min: 1, max: 3 }), fc.double({ min: 0.99, max: 0.999, noNaN: true }), (rows, m, big) => {
        const input = rows.map(({ r, n }) => ({ ri: r * 0.9, mi: m, ni: n + 5, r2i: big }));
        const p = effectSizes('PCOR', input), zp = effectSizes('ZPCOR', input);
        const s = effectSizes('SPCOR', input), zs = effectSizes('ZSPCOR', input);
        p.yi.forEach((y, i) => expect(close(Math.atanh(y), zp.yi[i]!, 1e-14) || Math.abs(Math.atanh(y) - zp.yi[i]!) < 1e-15).toBe(true));
        s.yi.forEach((y, i) => expect(close(Math.atanh(y), zs.yi[i]!, 1e-14) || Math.abs(Math.atanh(y) - zs.yi[i]!) < 1e-15).toBe(true));
      }),
    );
  });
});

describe('reliability', () => {
  it('AHW and ABT increase with alpha, as metafor orients them', () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 0.98, noNaN: true }), fc.double({ min: 0.001, max: 0.01, noNaN: true }), (a, step) => {
        for (const measure of ['AHW', 'ABT'] as const) {
          const got = effectSizes(measure, [{ ai: a, mi: 10, ni: 100 }, { ai: a + step, mi: 10, ni: 100 }]);
          expect(got.yi[1]!).toBeGreaterThan(got.yi[0]!);
        }
      }),
    );
  });
});
