import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatResult, mantelHaenszel, metaAnalysis, peto } from '../../src/index.ts';

const bcg = JSON.parse(readFileSync(new URL('../fixtures/metafor/bcg.json', import.meta.url), 'utf8'));
const rr = bcg.effectSizes.find((e: { measure: string }) => e.measure === 'RR');
const columns = rr.columns;

describe('formatResult', () => {
  it('prints the metafor summary of a REML fit with the fixture values', () => {
    const text = formatResult(metaAnalysis({ yi: rr.yi, vi: rr.vi }));
    const m = bcg.models.find((x: { measure: string; method: string; test: string }) => x.measure === 'RR' && x.method === 'REML' && x.test === 'z');
    expect(text).toContain('Random-effects model (k = 13; tau^2 estimator: REML)');
    expect(text).toContain(`tau^2 (estimated amount of total heterogeneity): ${m.tau2.toFixed(4)} (SE = ${m['se.tau2'].toFixed(4)})`);
    expect(text).toContain(`Q(df = 12) = ${m.QE.toFixed(4)}, p-val = ${m.QEp.toExponential(2)}`);
    expect(text).toContain(m.b.toFixed(4));
    expect(text).toContain('Variances: 13 reported, 0 derived, 0 imputed, 0 assumed');
  });

  it('prints Mantel–Haenszel and Peto fits', () => {
    const mh = bcg.mantelHaenszel.find((x: { measure: string }) => x.measure === 'OR');
    const text = formatResult(mantelHaenszel(bcg.rows, { measure: 'OR', columns }));
    expect(text).toContain('Mantel-Haenszel method, measure OR');
    expect(text).toContain(mh.b.toFixed(4));
    expect(text).toContain(`CMH = ${mh.CMH.toFixed(4)}`);
    expect(formatResult(peto(bcg.rows, { columns }))).toContain(bcg.peto.b.toFixed(4));
  });

  it('rejects something that is not a result', () => {
    expect(() => formatResult({} as never)).toThrow(/result: expected the result of metaAnalysis/);
  });
});
