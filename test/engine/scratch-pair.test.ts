import { describe, expect, it } from 'vitest';
import { metaAnalysis } from '../../src/index.ts';
import { borrowScratchPair, returnScratchPair, SCRATCH_MIN_LENGTH } from '../../src/models/engine/scratch-pair.ts';

// A large metaAnalysis gives its scaled copies back for the next fit of the same size. Its
// result must not read them afterwards: the weights come from the caller's data.
// Expectations: weights 1/(vᵢ + τ̂²)/Σ computed here from the data and the reported τ̂².

function studies(k: number, seed: number) {
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    vi[i] = 0.02 + (((i * 7919 + seed * 104729) % 1000) / 1000) * 0.3;
    yi[i] = 0.2 * seed + Math.sin(i * 0.37 + seed) * 0.5;
  }
  return { yi, vi };
}

describe('scaled copies lent between fits', () => {
  const k = SCRATCH_MIN_LENGTH + 17;

  it('a later fit of the same size does not change an earlier result', () => {
    const a = studies(k, 1);
    const b = studies(k, 2);
    const first = metaAnalysis(a);
    const second = metaAnalysis(b);
    for (const [fit, d] of [[first, a], [second, b]] as const) {
      const w = Array.from(d.vi, (v) => 1 / (v + fit.tau2));
      const total = w.reduce((s, x) => s + x, 0);
      const weights = fit.weights;
      for (const i of [0, 1, 12345, k - 1]) expect(Math.abs(weights[i]! - (100 * w[i]!) / total)).toBeLessThan(1e-12 * weights[i]!);
      expect(fit.vi[k - 1]).toBe(d.vi[k - 1]);
    }
    // the same data fitted again (into the lent copies) gives the same result, field by field
    expect(JSON.stringify(metaAnalysis(a))).toBe(JSON.stringify(first));
  });

  it('the pair given back is the fit’s own scaled data, lent to the next borrower once', () => {
    const d = studies(k, 3);
    metaAnalysis(d);
    const pair = borrowScratchPair(k);
    const unit = d.vi[0]! / pair.v[0]!;
    expect(Number.isInteger(Math.log2(unit) / 2)).toBe(true);
    for (const i of [1, 500, k - 1]) expect(pair.v[i]).toBe(d.vi[i]! / unit);
    expect(borrowScratchPair(k)).not.toBe(pair);
    returnScratchPair(pair);
    expect(borrowScratchPair(k)).toBe(pair);
  });

  it('small pairs are not kept', () => {
    const pair = borrowScratchPair(100);
    returnScratchPair(pair);
    expect(borrowScratchPair(100)).not.toBe(pair);
  });
});
