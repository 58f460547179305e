// Edge cases of the measures of issue #13 (part A): zero cells, all-zero tables, bad input.
// Expected values are direct computations from the formulas (independent of the kernels).
import { describe, expect, it } from 'vitest';
import { bivariateNormalCdf } from '../../src/distributions/bivariate-normal.ts';
import { backTransform } from '../../src/effect-sizes/back-transform.ts';
import { effectSizes } from '../../src/effect-sizes/effect-sizes.ts';
import type { Measure } from '../../src/types.ts';
import { thrownInputError } from '../input-error.ts';

function where(f: () => unknown): [string | undefined, number | undefined] {
  const e = thrownInputError(f);
  return [e.field, e.row];
}

describe('bad input throws InputError naming the field and the row', () => {
  const table = { ai: 3, bi: 7, ci: 4, di: 6 };
  for (const measure of ['PHI', 'ZPHI', 'YUQ', 'YUY', 'RTET', 'ZTET', 'PBIT', 'OR2D', 'OR2DN', 'OR2DL', 'MPRD', 'MPRR', 'MPOR', 'MPORC', 'MPPETO'] as Measure[]) {
    it(`${measure}: a negative cell`, () => {
      expect(where(() => effectSizes(measure, [table, { ...table, ci: -1 }]))).toEqual(['ci', 2]);
    });
  }
  it('MPORM: a correlation above 1, a proportion below 0, neither given', () => {
    expect(where(() => effectSizes('MPORM', [{ ...table, ri: 0.2 }, { ...table, ri: 1.5 }]))).toEqual(['ri', 2]);
    expect(where(() => effectSizes('MPORM', [{ ...table, pi: -0.1 }]))).toEqual(['pi', 1]);
    expect(thrownInputError(() => effectSizes('MPORM', [table])).field).toBe('ri or pi');
  });
  it('a paired or association table that holds no counts', () => {
    expect(where(() => effectSizes('MPOR', [table, { ai: 0, bi: 0, ci: 0, di: 0 }]))).toEqual(['ai', 2]);
    expect(where(() => effectSizes('PHI', [{ ai: 0, bi: 0, ci: 0, di: 0 }]))).toEqual(['ai', 1]);
  });
  for (const measure of ['IRR', 'IRD', 'IRSD'] as Measure[]) {
    it(`${measure}: negative events, zero person-time, text`, () => {
      const row = { x1i: 3, t1i: 100, x2i: 4, t2i: 120 };
      expect(where(() => effectSizes(measure, [row, { ...row, x1i: -3 }]))).toEqual(['x1i', 2]);
      expect(where(() => effectSizes(measure, [{ ...row, t2i: 0 }]))).toEqual(['t2i', 1]);
      expect(where(() => effectSizes(measure, [row, row, { ...row, t1i: '12a' }]))).toEqual(['t1i', 3]);
    });
  }
  for (const measure of ['IR', 'IRLN', 'IRS', 'IRFT'] as Measure[]) {
    it(`${measure}: negative events, negative person-time`, () => {
      expect(where(() => effectSizes(measure, [{ xi: -1, ti: 10 }]))).toEqual(['xi', 1]);
      expect(where(() => effectSizes(measure, [{ xi: 1, ti: 10 }, { xi: 1, ti: -10 }]))).toEqual(['ti', 2]);
    });
  }
  it('a vtype the measure lacks', () => {
    expect(thrownInputError(() => effectSizes('PHI', [table], { vtype: 'AV' })).field).toBe('vtype');
    expect(thrownInputError(() => effectSizes('IRR', [{ x1i: 1, t1i: 1, x2i: 1, t2i: 1 }], { vtype: 'ST' })).field).toBe('vtype');
  });
  it('a missing column names the key looked for', () => {
    expect(thrownInputError(() => effectSizes('IRR', [{ x1i: 1, t1i: 2, x2i: 3 }])).message).toMatch(/"t2i"/);
  });
});

describe('zero cells', () => {
  it('IRR adds 1/2 to both counts of a row with a zero count (to: only0), and only there', () => {
    const r = effectSizes('IRR', [{ x1i: 0, t1i: 100, x2i: 4, t2i: 50 }, { x1i: 2, t1i: 10, x2i: 3, t2i: 10 }]);
    expect(r.yi[0]).toBeCloseTo(Math.log(0.5 / 100 / (4.5 / 50)), 14);
    expect(r.vi[0]).toBeCloseTo(1 / 0.5 + 1 / 4.5, 14);
    expect(r.yi[1]).toBeCloseTo(Math.log(2 / 3), 14);
  });
  it('IRR without a correction: the row is omitted with its reason', () => {
    const r = effectSizes('IRR', [{ x1i: 0, t1i: 100, x2i: 4, t2i: 50 }], { to: 'none' });
    expect(Number.isNaN(r.yi[0]!) && Number.isNaN(r.vi[0]!)).toBe(true);
    expect(r.warnings[0]).toMatch(/row 1 omitted: a zero event count/);
  });
  it('drop00 drops person-time rows without events in both groups, with a warning', () => {
    const r = effectSizes('IRD', [{ x1i: 0, t1i: 100, x2i: 0, t2i: 50 }, { x1i: 1, t1i: 10, x2i: 0, t2i: 10 }], { drop00: true });
    expect(Number.isNaN(r.yi[0]!)).toBe(true);
    expect(r.warnings[0]).toMatch(/no events in either group \(drop00\)/);
    expect(r.yi[1]).toBeCloseTo(1.5 / 10 - 0.5 / 10, 14);
  });
  it('IRD needs no correction: rates of 0 are fine (add is still applied as in metafor)', () => {
    const r = effectSizes('IRD', [{ x1i: 0, t1i: 100, x2i: 0, t2i: 50 }], { to: 'none' });
    expect([r.yi[0], r.vi[0]]).toEqual([0, 0]);
  });
  it('PHI and RTET default to add = 0 (metafor): a zero margin gives NaN with its reason', () => {
    const phi = effectSizes('PHI', [{ ai: 0, bi: 0, ci: 4, di: 6 }]);
    expect(Number.isNaN(phi.yi[0]!)).toBe(true);
    expect(phi.warnings[0]).toMatch(/empty row or column/);
    const rtet = effectSizes('RTET', [{ ai: 5, bi: 0, ci: 0, di: 6 }]);
    expect([rtet.yi[0], rtet.vi[0]]).toEqual([1, 0]);
  });
  it('MPORC of a table without discordant pairs of one kind gets the continuity correction', () => {
    const r = effectSizes('MPORC', [{ ai: 10, bi: 0, ci: 4, di: 6 }]);
    expect(r.yi[0]).toBeCloseTo(Math.log(0.5 / 4.5), 14);
  });
  it('MPPETO of a table without discordant pairs is undefined even after the correction is off', () => {
    const r = effectSizes('MPPETO', [{ ai: 10, bi: 0, ci: 0, di: 6 }], { to: 'none' });
    expect(Number.isNaN(r.yi[0]!)).toBe(true);
    expect(r.warnings[0]).toMatch(/no discordant pairs/);
  });
});

describe('independent checks of the formulas', () => {
  it('PHI: phi² = X²/n of the uncorrected Pearson chi-square', () => {
    const [a, b, c, d] = [12, 5, 7, 20];
    const n = a + b + c + d;
    const chi2 = (n * (a * d - b * c) ** 2) / ((a + b) * (c + d) * (a + c) * (b + d));
    const r = effectSizes('PHI', [{ ai: a, bi: b, ci: c, di: d }]);
    expect(r.yi[0]! ** 2).toBeCloseTo(chi2 / n, 14);
  });
  it("YUQ and YUY are monotone maps of the odds ratio: Q = 2Y/(1 + Y²)", () => {
    const row = { ai: 12, bi: 5, ci: 7, di: 20 };
    const q = effectSizes('YUQ', [row]).yi[0]!, y = effectSizes('YUY', [row]).yi[0]!;
    expect(q).toBeCloseTo((2 * y) / (1 + y * y), 14);
  });
  it('RTET reproduces the table: Φ₂ at the marginal thresholds equals a/n', () => {
    const row = { ai: 40, bi: 10, ci: 15, di: 35 };
    const r = effectSizes('RTET', [row]).yi[0]!;
    // quadrant probability by direct 2-D midpoint quadrature of the bivariate density
    const u = 0 /* Φ⁻¹((a+b)/n) = Φ⁻¹(0.5) */, v = 0.12566134685507402 /* Φ⁻¹((a+c)/n) = Φ⁻¹(0.55) */;
    let p = 0;
    const h = 0.004;
    for (let x = -8; x < v; x += h) for (let y = -8; y < u; y += h) {
      const xm = Math.min(x + h / 2, v), ym = Math.min(y + h / 2, u);
      const wx = Math.min(h, v - x), wy = Math.min(h, u - y);
      p += (Math.exp(-(xm * xm - 2 * r * xm * ym + ym * ym) / (2 * (1 - r * r))) / (2 * Math.PI * Math.sqrt(1 - r * r))) * wx * wy;
    }
    expect(p).toBeCloseTo(0.4, 5);
  });
  it('bivariateNormalCdf: the orthant formula 1/4 + asin(r)/(2π) at the origin, for every |r| range', () => {
    for (const r of [-0.99, -0.9, -0.5, -0.1, 0, 0.2, 0.6, 0.93, 0.999]) {
      expect(bivariateNormalCdf(0, 0, r)).toBeCloseTo(0.25 + Math.asin(r) / (2 * Math.PI), 14);
    }
  });
  it('bivariateNormalCdf: r = 0 factorizes; r = ±1 is the comonotone/antimonotone bound', () => {
    expect(bivariateNormalCdf(0.3, -1.1, 0)).toBeCloseTo(0.6179114221889527 * 0.13566606094638267, 14);
    expect(bivariateNormalCdf(0.3, -1.1, 1)).toBeCloseTo(0.13566606094638267, 14);
    expect(bivariateNormalCdf(0.3, 1.1, -1)).toBeCloseTo(0.6179114221889527 + 0.8643339390536173 - 1, 14);
  });
  it('the back-transforms invert the forward transforms', () => {
    expect(backTransform('IRS').apply(Math.sqrt(0.37))).toBeCloseTo(0.37, 14);
    const t = 40, rate = 0.3;
    expect(backTransform('IRFT', 'auto', { t: [t] }).apply(0.5 * (Math.sqrt(rate) + Math.sqrt(rate + 1 / t)))).toBeCloseTo(rate, 12);
    expect(backTransform('ZTET').apply(Math.atanh(0.4))).toBeCloseTo(0.4, 14);
    expect(backTransform('MPOR').apply(Math.log(3))).toBeCloseTo(3, 14);
  });
});

describe('plots of incidence-rate measures', () => {
  it('forest plots of IRS and IRFT on the rate scale draw without NaN, with no reference line', async () => {
    const { forestPlot, metaAnalysis } = await import('../../src/index.ts');
    const rows = [{ xi: 10, ti: 20 }, { xi: 0, ti: 35 }, { xi: 4, ti: 12.5 }, { xi: 25, ti: 80 }];
    for (const measure of ['IRS', 'IRFT'] as Measure[]) {
      const svg = forestPlot(metaAnalysis(effectSizes(measure, rows)), { n: rows.map((r) => r.ti) });
      expect(svg).not.toMatch(/NaN/);
      expect(svg).toMatch(/Incidence Rate/);
    }
  });
});

describe('IRFT pooled and back-transformed as metafor', () => {
  it("matches predict(rma(...)) with transf.iirft at the harmonic mean of ti (metafor 5.1-12)", async () => {
    const { metaAnalysis, summarize } = await import('../../src/index.ts');
    const rows = [{ xi: 10, ti: 20 }, { xi: 0, ti: 35 }, { xi: 4, ti: 12.5 }, { xi: 25, ti: 80 }];
    const s = summarize(metaAnalysis(effectSizes('IRFT', rows)), { n: rows.map((r) => r.ti) });
    // R: e <- escalc("IRFT", xi, ti); p <- predict(rma(yi, vi, data = e)); transf.iirft(c(p$pred, ...), 1/mean(1/ti))
    // metafor's REML stops at its default 1e-5 on tau², so 6 digits are shared
    const close = (got: number | null, want: number) => expect(Math.abs(got! - want)).toBeLessThan(2e-6 * Math.max(1, want));
    close(s.estimate, 0.2157275);
    close(s.ci.lower, 0.0237062);
    close(s.ci.upper, 0.5670874);
    close(s.predictionInterval!.lower, 0);
    close(s.predictionInterval!.upper, 1.1487062);
  });
});
