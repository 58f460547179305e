// leaveOneOut, cumulative and influence reject what is not an intercept-only metaAnalysis fit
// with an InputError that names the field (and the row where there is one).
import { describe, expect, it } from 'vitest';
import { cumulative, influence, InputError, leaveOneOut, metaAnalysis, metaRegression } from '../../src/index.ts';
import type { MetaAnalysisResult } from '../../src/index.ts';

const fit = metaAnalysis({ yi: [0.1, 0.3, 0.5], vi: [0.01, 0.02, 0.015], labels: ['A', 'B', 'C'] });
const single = metaAnalysis({ yi: [0.1], vi: [0.01] });
const tampered = (patch: Record<string, unknown>) => ({ ...fit, ...patch }) as unknown as MetaAnalysisResult;
const diagnostics = [
  ['leaveOneOut', (f: MetaAnalysisResult) => leaveOneOut(f)],
  ['cumulative', (f: MetaAnalysisResult) => cumulative(f)],
  ['influence', (f: MetaAnalysisResult) => influence(f)],
] as const;

describe.each(diagnostics)('%s rejects what is not a fit', (name, run) => {
  it.each([
    ['null', null],
    ['a number', 3],
    ['a string', 'fit'],
    ['an array', [1, 2, 3]],
    ['an empty object', {}],
    ['effect sizes, not a fit', { yi: [1, 2], vi: [1, 1] }],
  ])('%s', (_, value) => {
    expect(() => run(value as unknown as MetaAnalysisResult)).toThrow(InputError);
    expect(() => run(value as unknown as MetaAnalysisResult)).toThrow(/fit/);
  });

  it('a meta-regression', () => {
    const reg = metaRegression({ yi: [0.1, 0.3, 0.5, 0.2], vi: [0.01, 0.02, 0.015, 0.01] }, { moderators: { x: [1, 2, 3, 4] } });
    expect(() => run(reg as unknown as MetaAnalysisResult)).toThrow(new RegExp(`${name} is only available for models without moderators`));
  });

  it('names the malformed field and row', () => {
    expect(() => run(tampered({ yi: [0.1, 'x', 0.5] }))).toThrow(/fit\.yi, row 2: must be a finite number/);
    expect(() => run(tampered({ vi: [0.01, 0.02] }))).toThrow(/fit\.vi: length mismatch: vi has 2 values but yi has 3/);
    expect(() => run(tampered({ vi: [0.01, -1, 0.02] }))).toThrow(/fit\.vi, study "[^"]+", row 2: sampling variance must not be negative/);
    expect(() => run(tampered({ method: 'XX' }))).toThrow(/fit\.method: unknown fit\.method; valid choices are EE, DL/);
    expect(() => run(tampered({ test: 'f' }))).toThrow(/fit\.test/);
    expect(() => run(tampered({ level: 95 }))).toThrow(/fit\.level/);
    expect(() => run(tampered({ tau2: Number.NaN }))).toThrow(/fit\.tau2/);
    expect(() => run(tampered({ labels: ['A', 'B'] }))).toThrow(/fit\.labels/);
  });
});

describe('k = 1', () => {
  // metafor: leave1out() and influence() stop with "Stopped because k = 1."; cumul() works.
  it('leaveOneOut and influence need two studies', () => {
    expect(() => leaveOneOut(single)).toThrow(/fit\.k: leaveOneOut needs at least 2 studies; the model has k = 1/);
    expect(() => influence(single)).toThrow(/fit\.k: influence needs at least 2 studies/);
  });
  it('cumulative gives the single study', () => {
    const rows = cumulative(single);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.estimate).toBe(0.1);
  });
});

describe('cumulative sort keys', () => {
  it('one key per study of the fit', () => {
    expect(() => cumulative(fit, [1, 2])).toThrow(/order: length mismatch: order has 2 keys but the fit has k = 3 studies/);
  });
  it('numbers or strings, not both', () => {
    expect(() => cumulative(fit, [1, 'b', 3] as unknown as number[])).toThrow(/order, row 2: sort keys mix numbers and strings/);
    expect(() => cumulative(fit, [1, true, 3] as unknown as number[])).toThrow(/order, row 2: sort key must be a number or a string/);
  });
  it('an array', () => {
    expect(() => cumulative(fit, 'abc' as unknown as number[])).toThrow(/order: must be an array of 3 sort keys/);
  });
  it('decreasing is a boolean', () => {
    expect(() => cumulative(fit, [3, 2, 1], { decreasing: 'yes' as unknown as boolean })).toThrow(/decreasing: must be true or false/);
  });
});
