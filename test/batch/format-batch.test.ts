import { describe, expect, it } from 'vitest';
import { formatResult, metaAnalysisBatch } from '../../src/index.ts';
import { matchingKinds } from '../../src/report/result-kind.ts';

describe('formatResult(metaAnalysisBatch)', () => {
  const batch = metaAnalysisBatch({ yi: [0.1, 0.3, 0.5, 0.2, NaN, 0.4], vi: [0.01, 0.02, 0.015, 0.01, 0.01, 0.02], offsets: [0, 3, 6] });
  it('is recognised as exactly one kind, also after a JSON round trip', () => {
    expect(matchingKinds(batch)).toEqual(['metaAnalysisBatch']);
    expect(matchingKinds(JSON.parse(JSON.stringify(batch)))).toEqual(['metaAnalysisBatch']);
  });
  it('prints the model, the table and the warnings, the same after JSON', () => {
    const text = formatResult(batch);
    expect(text).toMatch(/^Batch of 2 meta-analyses \(tau² estimator: REML, z test, 95% level\)/);
    expect(text).toMatch(/Warnings in 1 analysis; first: analysis 2: Row 5 omitted/);
    expect(formatResult(JSON.parse(JSON.stringify(batch)))).toBe(text);
  });
});
