// Every metafor fixture has its reproduction test file here, and the tolerance helper behaves
// as documented in test/tolerances.ts (checked on hand-made numbers, not on library output).
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TOLERANCES, arrayMismatches, mismatch, tierOf } from '../tolerances.ts';

const here = new URL('./', import.meta.url);
const tests = readdirSync(here).filter((f) => f.endsWith('.test.ts') && f !== 'coverage.test.ts');

describe('reproduction coverage', () => {
  for (const dir of ['metafor', 'metafor-extra']) {
    const fixtures = readdirSync(new URL(`../fixtures/${dir}/`, import.meta.url)).filter((f) => f.endsWith('.json'));
    it(`test/fixtures/${dir}: every fixture has a test file`, () => {
      expect(fixtures.length).toBeGreaterThan(0);
      const missing = fixtures.filter((f) => {
        const file = tests.find((t) => t === f.replace(/\.json$/, '.test.ts'));
        return file === undefined || !readFileSync(new URL(file, here), 'utf8').includes(`reproduce('${dir}/${f}')`);
      });
      expect(missing).toEqual([]);
    });
  }
});

describe('tolerances', () => {
  it('tiers', () => {
    expect(TOLERANCES).toEqual({ closed: 1e-10, iterative: 1e-8, profile: 1e-6, distribution: 1e-12, conversion: 1e-8, derived: 1e-6, tetrachoric: 2e-3, selection: 1e-5 });
    expect(['EE', 'DL', 'HE', 'HS', 'HSk', 'SJ'].map(tierOf)).toEqual(Array(6).fill('closed'));
    expect(['ML', 'REML', 'EB', 'PM'].map(tierOf)).toEqual(Array(4).fill('iterative'));
    expect(() => tierOf('XX')).toThrow();
  });
  it('relative with an absolute floor of tol·1e-3', () => {
    expect(mismatch(1 + 0.9e-10, 1, 1e-10, 'x')).toBeNull();
    expect(mismatch(1 + 1.1e-10, 1, 1e-10, 'x')).toMatch(/^x: got .* want 1 \(rel err/);
    expect(mismatch(0.9e-13, 0, 1e-10, 'x')).toBeNull();
    expect(mismatch(1.1e-13, 0, 1e-10, 'x')).toMatch(/abs err/);
    expect(mismatch(-1e6 * (1 + 5e-9), -1e6, 1e-8, 'x')).toBeNull();
    expect(mismatch(5e-7, 0, 1e-8, 'x')).toMatch(/abs err/);
    expect(mismatch(5e-7, 0, 1e-8, 'x', Math.sqrt(1e-11))).toBeNull();
  });
  it('NA reference: got must be null, undefined or non-finite', () => {
    for (const got of [null, undefined, NaN, Infinity]) expect(mismatch(got, null, 1e-10, 'x')).toBeNull();
    expect(mismatch(0, null, 1e-10, 'x')).toMatch(/want NA/);
    expect(mismatch(NaN, 0, 1e-10, 'x')).toMatch(/got NaN, want 0/);
    expect(mismatch(null, 1, 1e-10, 'x')).toMatch(/got null/);
  });
  it('arrays', () => {
    expect(arrayMismatches([1, NaN], [1, null], 1e-10, 'w')).toEqual([]);
    expect(arrayMismatches([1], [1, 2], 1e-10, 'w')).toEqual(['w: got length 1, want 2']);
    expect(arrayMismatches([1, 3], [1, 2], 1e-10, 'w')[0]).toMatch(/^w\[1\]: got 3, want 2/);
  });
});
