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
  // generate.R passed transf as the character vector "log"/NA; conv.wald applies `transf` only
  // when it is a function (is.function(transf)), so metafor used no transformation for any
  // case: yi equals the estimate (1.5, 0.8) and vi comes from the untransformed bounds. The
  // fixture therefore checks transform "none"; the log transform is checked against the
  // formula in from-estimate-and-ci.test.ts.
  fx.wald.forEach((c, i) => {
    const { estimate, lower, upper, pValue } = c.input;
    it(`case ${i + 1}: estimate ${estimate}, CI [${lower}, ${upper}], p ${pValue} (as metafor ran it: no transform)`, () => {
      const r = fromEstimateAndCi({ estimate, lower, upper, pValue, transform: 'none' });
      expectClose(r.yi, c.yi, TOL, 'yi');
      expectClose(r.vi, c.vi, TOL, 'vi');
      expect(r.provenance.kind).toBe('derived');
    });
  });

  it('the fixture really is untransformed: yi equals the reported estimate', () => {
    for (const c of fx.wald) expect(c.yi).toBe(c.input.estimate);
  });
});
