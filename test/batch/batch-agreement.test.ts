// metaAnalysisBatch computes most analyses with its own allocation-free kernel (src/models/batch/
// batch-kernel.ts) and hands the rest to the engine; every column and every warning must be what
// one metaAnalysis per analysis gives (to 1e-12), on ordinary data, on data built to reach each
// branch of the kernel (τ² = 0, several maxima of the likelihood, Fisher scoring that does not
// converge, a Q-profile bound beyond metafor's limit, Knapp–Hartung with zero residuals) and on the
// cases the kernel leaves to the engine (k = 1, missing values, a zero variance, metafor's control).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BATCH_COLUMNS, metaAnalysis, metaAnalysisBatch, type MetaAnalysisBatchResult, type MetaAnalysisOptions } from '../../src/index.ts';
import { pack } from './pack-analyses.ts';

interface Analysis {
  readonly yi: readonly number[];
  readonly vi: readonly number[];
}

/** |a − b| ≤ 1e-12·max(1, |b|); `null` (metafor's NA) must be NaN in the batch. */
function close(a: number, b: number | null): boolean {
  if (b === null || Number.isNaN(b)) return Number.isNaN(a);
  if (!Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
}

type Single = ReturnType<typeof metaAnalysis>;

/** Every column of the batch, against the single fit. */
function singleColumns(s: Single): Record<(typeof BATCH_COLUMNS)[number], number | null> {
  return {
    k: s.k, estimate: s.estimate, se: s.se, statistic: s.statistic, pValue: s.pValue,
    ciLower: s.ci.lower, ciUpper: s.ci.upper, piLower: s.predictionInterval.lower, piUpper: s.predictionInterval.upper,
    tau2: s.tau2, tau2Se: s.tau2Se, tau2CiLower: s.tau2Ci?.lower ?? null, tau2CiUpper: s.tau2Ci?.upper ?? null,
    i2: s.i2, i2CiLower: s.i2Ci?.lower ?? null, i2CiUpper: s.i2Ci?.upper ?? null, h2: s.h2, q: s.q, qPValue: s.qPValue,
  };
}

/** The largest relative difference over all columns and analyses (checked against 1e-12 by the callers). */
let worst = 0;

function expectAgrees(batch: MetaAnalysisBatchResult, analyses: readonly Analysis[], options: MetaAnalysisOptions, offset = 0) {
  analyses.forEach((a, i) => {
    const j = i + offset;
    const single = metaAnalysis({ yi: [...a.yi], vi: [...a.vi] }, options);
    const want = singleColumns(single);
    for (const name of BATCH_COLUMNS) {
      const got = batch[name][j]!;
      const w = want[name];
      expect(close(got, w), `analysis ${j}, ${name}: batch ${got}, metaAnalysis ${w}`).toBe(true);
      if (w !== null && Number.isFinite(w) && Number.isFinite(got)) worst = Math.max(worst, Math.abs(got - w) / Math.max(1, Math.abs(w)));
    }
    expect(batch.warnings[j]).toEqual(single.warnings);
  });
}

/** Seeded random-effects data: k studies, vᵢ uniform on [0.01, 0.21], τ² = 0.05 (as the benchmark). */
function simulated(m: number, k: number, seed: number): Analysis[] {
  let s = seed >>> 0;
  const u = () => ((s = (1664525 * s + 1013904223) >>> 0) + 0.5) / 2 ** 32;
  const norm = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  return Array.from({ length: m }, () => {
    const vi = Array.from({ length: k }, () => 0.01 + 0.2 * u());
    return { yi: vi.map((v) => 0.3 + Math.sqrt(0.05) * norm() + Math.sqrt(v) * norm()), vi };
  });
}

const METHODS = ['REML', 'ML', 'DL', 'EB', 'PM', 'HE', 'SJ', 'EE'] as const;
const TESTS = ['z', 't', 'knha'] as const;

describe('metaAnalysisBatch agrees with metaAnalysis column by column (1e-12) and word for word', () => {
  it.each(METHODS.flatMap((method) => TESTS.map((test) => ({ method, test }))))('simulated batches, $method, $test', (options) => {
    const analyses = simulated(60, 10, 11).concat(simulated(20, 4, 12));
    expectAgrees(metaAnalysisBatch(pack(analyses), options), analyses, options);
  });

  it('REML on 600 analyses of k = 10 (the benchmark\'s data), where plain Fisher scoring sometimes oscillates for ever', () => {
    const analyses = simulated(600, 10, 11);
    const batch = metaAnalysisBatch(pack(analyses));
    expectAgrees(batch, analyses, {});
    expect([...batch.tau2].some((t) => t === 0)).toBe(true);
  });

  it('variances over four decades and outliers (ML and REML: brackets polished, several candidates)', () => {
    const spread = fc.array(
      fc.record({
        yi: fc.oneof(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -20, max: 20, noNaN: true })),
        logv: fc.double({ min: -3, max: 1, noNaN: true }),
      }).map((s) => ({ yi: s.yi, vi: 10 ** s.logv })),
      { minLength: 2, maxLength: 40 },
    ).map((rows) => ({ yi: rows.map((r) => r.yi), vi: rows.map((r) => r.vi) }));
    fc.assert(
      fc.property(fc.array(spread, { minLength: 1, maxLength: 6 }), fc.constantFrom('ML', 'REML'), fc.constantFrom(...TESTS), (analyses, method, test) => {
        expectAgrees(metaAnalysisBatch(pack(analyses), { method, test }), analyses, { method, test });
      }),
      { seed: 20261201, numRuns: 150 },
    );
  });

  it('edge cases in one batch: k = 1, k = 2, τ² = 0, identical estimates, several maxima, a bound beyond metafor\'s limit, k > 32', () => {
    const analyses: Analysis[] = [
      { yi: [0.4], vi: [0.02] }, // k = 1: τ² = 0 and a warning
      { yi: [0.1, 0.5], vi: [0.01, 0.02] }, // k = 2
      { yi: [0.1, 0.12, 0.11, 0.13], vi: [0.05, 0.04, 0.06, 0.05] }, // τ̂² = 0 (boundary)
      { yi: [0.3, 0.3, 0.3], vi: [0.01, 0.02, 0.03] }, // identical estimates: Knapp–Hartung s² = 0
      // several maxima of the likelihood (test/engine/global-maximum.test.ts, checked in R)
      { yi: [0.048, -0.096, -5.133, -0.052, 0.487, 0.652], vi: [0.00182, 0.0197, 1.96, 0.0056, 3.71, 2.37] },
      { yi: [-0.868, 0.024, 1.713, 0.901, -0.092, -0.016, -1.948], vi: [0.112, 0.00248, 4.98, 5.81, 0.0589, 0.00618, 0.203] },
      { yi: [0, 2, 4], vi: [1, 1, 1] }, // the Q-profile upper bound lies beyond max(100, 10·τ̂²)
      simulated(1, 41, 5)[0]!, // odd k > 32
      simulated(1, 50, 6)[0]!, // even k > 32
    ];
    for (const method of ['REML', 'ML', 'DL', 'EB', 'PM', 'EE'] as const) {
      for (const test of TESTS) expectAgrees(metaAnalysisBatch(pack(analyses), { method, test }), analyses, { method, test });
    }
  });

  it('metafor\'s control (the engine\'s path) and a zero variance (REML accepts it, DL refuses)', () => {
    const analyses = simulated(30, 6, 3);
    expectAgrees(metaAnalysisBatch(pack(analyses), { control: 'metafor' }), analyses, { control: 'metafor' });
    const zero: Analysis[] = [{ yi: [0.1, 0.4, 0.2, 0.8], vi: [0, 0.02, 0.01, 0.03] }, ...simulated(3, 5, 4)];
    expectAgrees(metaAnalysisBatch(pack(zero), { method: 'REML' }), zero, { method: 'REML' });
    const dl = metaAnalysisBatch(pack(zero), { method: 'DL' });
    expect(Number.isNaN(dl.estimate[0]!)).toBe(true);
    expect(() => metaAnalysis({ yi: [...zero[0]!.yi], vi: [...zero[0]!.vi] }, { method: 'DL' })).toThrow(/sampling variance must be positive/);
    expectAgrees(dl, zero.slice(1), { method: 'DL' }, 1);
  });

  it('missing values: the row is skipped with a warning numbered in the whole batch, the rest as metaAnalysis', () => {
    const analyses = simulated(4, 6, 9);
    const input = pack(analyses);
    input.yi[6 + 2] = NaN; // analysis 1, its third row (row 9 of the batch)
    input.vi[18 + 5] = NaN; // analysis 3, its sixth row (row 24)
    const batch = metaAnalysisBatch(input);
    expect(batch.warnings[1]).toEqual(['Row 9 omitted: yi missing.']);
    expect(batch.warnings[3]).toEqual(['Row 24 omitted: vi missing.']);
    const kept = analyses.map((a, j) => {
      const drop = j === 1 ? 2 : j === 3 ? 5 : -1;
      return { yi: a.yi.filter((_, i) => i !== drop), vi: a.vi.filter((_, i) => i !== drop) };
    });
    // the single fits have no missing rows, so compare the columns and the other warnings
    const plain = { ...batch, warnings: batch.warnings.map((w) => w.filter((x) => !/omitted/.test(x))) } as MetaAnalysisBatchResult;
    expectAgrees(plain, kept, {});
  });

  it('the largest difference seen over all these checks is below 1e-12', () => {
    expect(worst).toBeLessThan(1e-12);
  });
});
