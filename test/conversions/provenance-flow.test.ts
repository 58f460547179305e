// Provenance travels from imputation through effect sizes to the pooled result and its printout.
import { describe, expect, it } from 'vitest';
import { effectSizes, formatResult, imputeSd, metaAnalysis } from '../../src/index.ts';

const rows = [
  { study: 'A', m1i: 5.0, sd1i: 2.0, n1i: 20, m2i: 4.0, sd2i: 2.5, n2i: 20 },
  { study: 'B', m1i: 6.0, sd1i: null, n1i: 25, m2i: 4.5, sd2i: null, n2i: 25 },
  { study: 'C', m1i: 5.5, sd1i: 3.0, n1i: 30, m2i: 4.0, sd2i: 2.0, n2i: 30 },
];

describe('provenance counts', () => {
  it('count one imputed study in the effect sizes, the fit and the printout', () => {
    const filled = imputeSd(rows, { method: 'median' });
    const es = effectSizes('MD', filled.rows, { provenance: filled.provenance });
    expect(es.provenanceCounts).toEqual({ reported: 2, derived: 0, imputed: 1, assumed: 0 });
    const fit = metaAnalysis(es, { method: 'DL' });
    expect(fit.provenance).toEqual({ reported: 2, derived: 0, imputed: 1, assumed: 0 });
    expect(formatResult(fit)).toContain('2 reported, 0 derived, 1 imputed, 0 assumed (1 of 3 studies rely on non-reported variances)');
  });

  it('count an assumed SD as assumed', () => {
    const filled = imputeSd(rows, { method: 'assumed', value: 3 });
    const es = effectSizes('MD', filled.rows, { provenance: filled.provenance });
    expect(es.provenanceCounts.assumed).toBe(1);
    // the assumed SD enters the variance: 3²/25 + 3²/25 (by hand)
    expect(es.vi[1]).toBeCloseTo(9 / 25 + 9 / 25, 14);
  });
});
