// Every escalc() result in test/fixtures/metafor/*.json (R metafor 5.1-12, generate.R) reproduced
// to 1e-10 relative, NA <=> NaN.
import { describe, expect, it } from 'vitest';
import { effectSizes } from '../../src/effect-sizes/effect-sizes.ts';
import type { Measure } from '../../src/types.ts';
import { expectReproduces, metaforFixtures } from './helpers.ts';

const fixtures = metaforFixtures();

describe('effectSizes reproduces the metafor fixtures', () => {
  it('finds fixtures to check', () => {
    expect(fixtures.reduce((n, f) => n + f.effectSizes.length, 0)).toBeGreaterThanOrEqual(24);
  });
  for (const fx of fixtures) {
    for (const es of fx.effectSizes) {
      it(`${fx.name} ${es.measure}`, () => {
        const got = effectSizes(es.measure as Measure, fx.rows, { columns: es.columns, ...(es.options ?? {}) });
        expect(got.measure).toBe(es.measure);
        expectReproduces(got.yi, es.yi, `${fx.name} ${es.measure} yi`);
        expectReproduces(got.vi, es.vi, `${fx.name} ${es.measure} vi`);
        expect(got.labels).toHaveLength(fx.rows.length);
        expect(got.provenance.every((p) => p.kind === 'reported')).toBe(true);
        expect(got.warnings).toEqual([]);
      });
    }
  }
});
