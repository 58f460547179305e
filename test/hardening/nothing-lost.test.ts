// Issue #10, "nothing lost": every input row is used or omitted with a reason, and many omitted
// rows give a summary warning instead of a million lines.
import { describe, expect, it } from 'vitest';
import * as p from '../../src/index.ts';

describe('nothing lost', () => {
  it('2000 rows with a missing vi: 10 named, one summary counting all of them, and the fit of the rest', () => {
    const k = 2010;
    const yi = Array.from({ length: k }, (_, i) => (i % 7) / 10);
    const vi = Array.from({ length: k }, (_, i) => (i < 10 ? 0.1 : null));
    const fit = p.metaAnalysis({ yi, vi: vi as never });
    expect(fit.k).toBe(10);
    const omitted = fit.warnings.filter((w) => / omitted: /.test(w));
    expect(omitted).toHaveLength(10);
    expect(omitted[0]).toBe('Row 11 omitted: vi missing.');
    const summary = fit.warnings.find((w) => w.startsWith('…'));
    expect(summary).toBe(`… and ${k - 20} more rows omitted (vi missing: ${k - 20}); ${k - 10} rows omitted in all.`);
    // the 10 used rows are the first 10: the same fit as passing them alone
    expect(fit.estimate).toBe(p.metaAnalysis({ yi: yi.slice(0, 10), vi: vi.slice(0, 10) as number[] }).estimate);
  });

  it('effect sizes: every row is in the output (NaN where unusable) and many omissions are summarised', () => {
    const rows = Array.from({ length: 50 }, (_, i) => (i === 0 ? { ai: 1, bi: 2, ci: 3, di: 4 } : { ai: null, bi: 2, ci: 3, di: 4 }));
    const es = p.effectSizes('OR', rows);
    expect(es.yi).toHaveLength(50);
    expect(es.warnings.length).toBeLessThanOrEqual(11);
    expect(es.warnings.at(-1)).toMatch(/49 rows omitted in all/);
  });
});
