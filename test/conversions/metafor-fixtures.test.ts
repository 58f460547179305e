// metafor 5.1 reference values for conv.fivenum and conv.wald (test/fixtures/conversions, from
// generate.R), all to 1e-8 relative.
import { describe, expect, it } from 'vitest';
import { estimateMeanSd, fromEstimateAndCi } from '../../src/index.ts';
import { expectClose } from '../tolerances.ts';
import { metaforConversions } from './helpers.ts';
import { TOLERANCES } from '../tolerances.ts';

const TOL = TOLERANCES.conversion;
const fx = metaforConversions();

describe('metafor 5.1 conv.fivenum (defaults: Luo mean, Wan SD for S1/S2, Shi SD for S3)', () => {
  fx.fivenum.forEach((c, i) => {
    const { n, min, q1, median, q3, max } = c.input;
    it(`case ${i + 1}: n=${n} min=${min} q1=${q1} median=${median} q3=${q3} max=${max}`, () => {
      const r = estimateMeanSd({ n, min, q1, median, q3, max });
      expectClose(r.mean, c.mean, TOL, 'mean');
      expectClose(r.sd, c.sd, TOL, 'sd');
      // skewed = metafor's test = TRUE left the row out (Shi et al. 2023 test significant)
      expect(r.skewed).toBe(c.skewed);
      expect(r.provenance.kind).toBe('derived');
      expect(r.warnings.length > 0).toBe(c.skewed);
    });
  });
});

describe('metafor 5.1 conv.wald', () => {
  // generate.R runs the rows with transf = log apart (conv.wald(..., transf = log)) from the
  // untransformed ones, so each case is checked with its own transform.
  fx.wald.forEach((c, i) => {
    const { estimate, lower, upper, pValue, transform } = c.input;
    it(`case ${i + 1}: estimate ${estimate}, CI [${lower}, ${upper}], p ${pValue}, transform ${transform}`, () => {
      expect(['log', 'none']).toContain(transform);
      const r = fromEstimateAndCi({ estimate, lower, upper, pValue, transform: transform as 'log' | 'none' });
      expectClose(r.yi, c.yi, TOL, 'yi');
      expectClose(r.vi, c.vi, TOL, 'vi');
      expect(r.provenance.kind).toBe('derived');
    });
  });

  it('covers both transforms, the log cases on the log scale', () => {
    const log = fx.wald.filter((c) => c.input.transform === 'log');
    expect(log.length).toBeGreaterThanOrEqual(2);
    expect(fx.wald.some((c) => c.input.transform === 'none')).toBe(true);
    for (const c of log) expectClose(c.yi, Math.log(c.input.estimate), TOL, 'yi = log(estimate)');
  });
});
