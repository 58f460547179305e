import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { metaAnalysis, metaAnalysisBatch, BATCH_COLUMNS, InputError, TAU2_METHODS, type MetaAnalysisBatchResult } from '../../src/index.ts';
import { pack } from './pack-analyses.ts';

const close = (a: number, b: number | null) => (b === null ? Number.isNaN(a) : Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)));

function expectAgrees(batch: MetaAnalysisBatchResult, j: number, single: ReturnType<typeof metaAnalysis>) {
  const pairs: [number, number | null][] = [
    [batch.estimate[j]!, single.estimate], [batch.se[j]!, single.se], [batch.pValue[j]!, single.pValue],
    [batch.ciLower[j]!, single.ci.lower], [batch.ciUpper[j]!, single.ci.upper], [batch.tau2[j]!, single.tau2],
    [batch.i2[j]!, single.i2], [batch.h2[j]!, single.h2], [batch.q[j]!, single.q], [batch.qPValue[j]!, single.qPValue],
    [batch.piLower[j]!, single.predictionInterval.lower], [batch.piUpper[j]!, single.predictionInterval.upper],
    [batch.tau2CiLower[j]!, single.tau2Ci?.lower ?? null], [batch.tau2CiUpper[j]!, single.tau2Ci?.upper ?? null],
    [batch.i2CiLower[j]!, single.i2Ci?.lower ?? null], [batch.i2CiUpper[j]!, single.i2Ci?.upper ?? null],
  ];
  for (const [got, want] of pairs) expect(close(got, want), `${got} vs ${want}`).toBe(true);
}

const study = fc.record({
  y: fc.double({ min: -3, max: 3, noNaN: true }),
  v: fc.double({ min: 0.001, max: 2, noNaN: true }),
});
const analysis = fc.array(study, { minLength: 2, maxLength: 12 }).map((s) => ({ yi: s.map((x) => x.y), vi: s.map((x) => x.v) }));

describe('metaAnalysisBatch', () => {
  it('agrees with one metaAnalysis per analysis to 1e-12 (every method, knha)', () => {
    fc.assert(
      fc.property(fc.array(analysis, { minLength: 1, maxLength: 5 }), fc.constantFrom(...TAU2_METHODS), (analyses, method) => {
        const batch = metaAnalysisBatch(pack(analyses), { method, test: 'knha' });
        expect(batch.m).toBe(analyses.length);
        analyses.forEach((a, j) => expectAgrees(batch, j, metaAnalysis(a, { method, test: 'knha' })));
      }),
      { seed: 11, numRuns: 60 },
    );
  });

  it('skips missing rows with a warning, as metaAnalysis does', () => {
    const batch = metaAnalysisBatch({ yi: [0.1, NaN, 0.5, 0.2, 0.4, 0.3], vi: [0.01, 0.02, 0.015, 0.01, 0.01, 0.02], offsets: [0, 3, 6] });
    expect(batch.k[0]).toBe(2);
    expect(batch.warnings[0]).toContain('Row 2 omitted: yi missing.');
    expectAgrees(batch, 0, metaAnalysis({ yi: [0.1, 0.5], vi: [0.01, 0.015] }));
  });

  it('keeps NaN and a reason for a fit the engine refuses', () => {
    const batch = metaAnalysisBatch({ yi: [0.1, 0.2, 0.3, 0.4], vi: [0, 0.01, 0.01, 0.02], offsets: [0, 2, 4] }, { method: 'DL' });
    expect(Number.isNaN(batch.estimate[0]!)).toBe(true);
    expect(batch.warnings[0]!.join(' ')).toMatch(/sampling variance must be positive/);
    expectAgrees(batch, 1, metaAnalysis({ yi: [0.3, 0.4], vi: [0.01, 0.02] }, { method: 'DL' }));
  });

  it('survives JSON.stringify as plain arrays', () => {
    const batch = metaAnalysisBatch({ yi: [0.1, 0.3, 0.5], vi: [0.01, 0.02, 0.015], offsets: [0, 3] }, { method: 'EE' });
    const json = JSON.parse(JSON.stringify(batch));
    for (const name of BATCH_COLUMNS) expect(Array.isArray(json[name])).toBe(true);
    expect(json.estimate[0]).toBe(batch.estimate[0]);
    expect(json.tau2CiLower[0]).toBe(null);
  });

  it('throws InputError naming the field for bad input', () => {
    expect(() => metaAnalysisBatch({ yi: [1, 2], vi: [1, 1], offsets: [0, 3] })).toThrow(InputError);
    expect(() => metaAnalysisBatch({ yi: [1, 2], vi: [1, -1], offsets: [0, 2] })).toThrow(/vi.*row 2|row 2.*vi/);
    expect(() => metaAnalysisBatch({ yi: [1, 2], vi: [1, 1], offsets: [0, 2, 1, 2] })).toThrow(/offsets/);
    expect(() => metaAnalysisBatch({ yi: [1, 2], vi: [1, 1], offsets: [0, 2] }, { workers: 0 })).toThrow(/workers/);
    expect(() => metaAnalysisBatch({ yi: [1, 2], vi: [1, 1], offsets: [0, 2] }, { methd: 'DL' } as never)).toThrow(/method/);
  });

  it('gives the same columns with worker threads (tiny batch)', async () => {
    const analyses = [
      { yi: [0.1, 0.3, 0.5], vi: [0.01, 0.02, 0.015] },
      { yi: [0.2, 0.4, 0.1, 0.9], vi: [0.01, 0.01, 0.03, 0.02] },
      { yi: [-0.1, 0.6], vi: [0.05, 0.04] },
    ];
    const input = pack(analyses);
    const serial = metaAnalysisBatch(input);
    const parallel = await metaAnalysisBatch(input, { workers: 2 });
    for (const name of BATCH_COLUMNS) expect(Array.from(parallel[name])).toEqual(Array.from(serial[name]));
    expect(parallel.warnings).toEqual(serial.warnings);
  }, 60_000);

  it('gives the same columns and warnings with worker threads on a batch of many chunks, reused and run twice at once', async () => {
    const analyses = Array.from({ length: 700 }, (_, j) => {
      const k = 1 + (j % 9);
      return { yi: Array.from({ length: k }, (_, i) => Math.sin(7 * j + 3 * i) * (1 + (j % 4))), vi: Array.from({ length: k }, (_, i) => 0.01 + ((j * 13 + i * 7) % 17) / 40) };
    });
    const input = pack(analyses);
    input.yi[5] = NaN; // a missing value in analysis 2
    input.vi[40] = 0; // a zero variance
    for (const method of ['REML', 'DL'] as const) {
      const serial = metaAnalysisBatch(input, { method, test: 'knha' });
      const [a, b] = await Promise.all([
        metaAnalysisBatch(input, { method, test: 'knha', workers: 2 }),
        metaAnalysisBatch(input, { method, test: 'knha', workers: 3 }),
      ]);
      for (const parallel of [a, b]) {
        for (const name of BATCH_COLUMNS) expect(Array.from(parallel[name])).toEqual(Array.from(serial[name]));
        expect(parallel.warnings).toEqual(serial.warnings);
      }
      expect(serial.warnings.some((w) => w.length > 0)).toBe(true);
    }
  }, 120_000);

  it('lets a script that awaits a batch on workers exit by itself (idle workers do not hold the process)', () => {
    const script = `import { metaAnalysisBatch } from ${JSON.stringify(new URL('../../src/index.ts', import.meta.url).href)};
      const r = await metaAnalysisBatch({ yi: [0, 0.2, 0.4, 0.1, 0.3], vi: [0.01, 0.01, 0.01, 0.02, 0.02], offsets: [0, 3, 5] }, { method: 'DL', workers: 2 });
      console.log(r.tau2[0]);`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 110_000 }).toString();
    expect(Math.abs(Number(out.trim()) - 0.03)).toBeLessThan(1e-12); // DL, equal vᵢ: Σ(yᵢ−ȳ)²/(k−1) − v = 0.04 − 0.01
  }, 120_000);
});

describe('metaAnalysisBatch refuses lying or sparse array-likes before reading them (found by the adversarial test, which timed 7–60 s per call before)', () => {
  it.each([
    ['yi', { yi: { length: 1e9 }, vi: [1], offsets: [0, 1] }, 'E_TOO_LARGE'],
    ['offsets', { yi: [1], vi: [1], offsets: { length: 1e9 } }, 'E_TOO_LARGE'],
    // eslint-disable-next-line no-sparse-arrays
    ['yi', { yi: [1, , 2], vi: [1, 1, 1], offsets: [0, 3] }, 'E_SPARSE_ARRAY'],
  ])('%s', (field, input, code) => {
    expect(() => metaAnalysisBatch(input as never)).toThrow(expect.objectContaining({ field, code }));
  });
});
