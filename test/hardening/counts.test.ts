// Issue #10, class "counts": an option that counts work (replications, subsets, iterations,
// maxiter, reps) with a corrupt value such as 1.7e308 used to run without end (simulate) or fail
// with a misleading error; each count now has a documented maximum, beyond which the call fails
// at once with E_TOO_LARGE naming the option. The maxima are those of the TSDoc of each option.
import { describe, expect, it } from 'vitest';
import * as p from '../../src/index.ts';
import { thrownInputError } from '../input-error.ts';

const k = 40;
const yi = Array.from({ length: k }, (_, i) => Math.sin(i) / 2);
const vi = Array.from({ length: k }, (_, i) => 0.02 + (i % 5) / 100);
const fit = () => p.metaAnalysis({ yi, vi }, { method: 'DL' });

/** The error of `f`, which must come at once (a hang or a real run takes far longer). */
function fastError(f: () => unknown) {
  const start = performance.now();
  const e = thrownInputError(f);
  expect(performance.now() - start).toBeLessThan(2_000);
  return [e.code, e.field];
}

describe('counts beyond their documented maximum', () => {
  const design = (extra: object) => ({ k: 5, tau2: 0.05, vi: [0.04, 0.02, 0.05, 0.03, 0.06], replications: 20, seed: 1, ...extra });

  it('simulate: replications 1.7e308 (ran without end) and above 10⁷ are E_TOO_LARGE', () => {
    for (const replications of [1.7e308, 2 ** 53, 10_000_001]) {
      expect(fastError(() => p.simulate(design({ replications }), { method: 'DL' }, { progress: false }))).toEqual(['E_TOO_LARGE', 'replications']);
    }
  });

  it('simulate: k × replications above 10⁹ and k above 5·10⁷ are E_TOO_LARGE', () => {
    const drawn = (kk: number, replications: number) => ({ k: kk, tau2: 0.05, viDistribution: { min: 0.01, max: 0.1 }, replications, seed: 1 });
    expect(fastError(() => p.simulate(drawn(1000, 2_000_000), { method: 'DL' }, { progress: false }))).toEqual(['E_TOO_LARGE', 'replications']);
    expect(fastError(() => p.simulate(drawn(1.7e308, 1), { method: 'DL' }, { progress: false }))).toEqual(['E_TOO_LARGE', 'k']);
  });

  it('simulate: an ordinary count still runs', () => {
    const r = p.simulate(design({ replications: 3 }), { method: 'DL' }, { progress: false });
    expect(r.replications).toBe(3);
  });

  it('gosh: subsets 1.7e308 and above 10⁷ are E_TOO_LARGE (not a malformed-fit error)', () => {
    for (const subsets of [1.7e308, 10_000_001]) expect(fastError(() => p.gosh(fit(), { subsets }))).toEqual(['E_TOO_LARGE', 'subsets']);
  });

  it('permutationTest: iterations 1.7e308 and above 10⁷ are E_TOO_LARGE, so is an exact test of 2⁴⁰ sign flips', () => {
    for (const iterations of [1.7e308, 10_000_001]) {
      expect(fastError(() => p.permutationTest(fit(), { iterations, progress: false }))).toEqual(['E_TOO_LARGE', 'iterations']);
    }
    expect(fastError(() => p.permutationTest(fit(), { exact: true, progress: false }))).toEqual(['E_TOO_LARGE', 'exact']);
  });

  it('control.maxiter 1.7e308 with an unreachable threshold (iterated without end) and above 10⁶ is E_TOO_LARGE', () => {
    for (const maxiter of [1.7e308, 1_000_001]) {
      for (const method of ['REML', 'EB', 'PM'] as const) {
        expect(fastError(() => p.metaAnalysis({ yi, vi }, { method, control: { maxiter, threshold: 1e-300 } }))).toEqual(['E_TOO_LARGE', 'control.maxiter']);
      }
      expect(fastError(() => p.metaRegression({ yi, vi }, { moderators: { x: vi }, control: { maxiter } }))).toEqual(['E_TOO_LARGE', 'control.maxiter']);
    }
  });

  it('normalQqData and qqPlot: reps × k above 10⁸ is E_TOO_LARGE (not a malformed-fit error)', () => {
    for (const reps of [1.7e308, Math.ceil(1e8 / k) + 1]) {
      expect(fastError(() => p.normalQqData(fit(), { reps }))).toEqual(['E_TOO_LARGE', 'reps']);
      expect(fastError(() => p.qqPlot(fit(), { reps } as never))).toEqual(['E_TOO_LARGE', 'reps']);
    }
  });

  it('bubbleData and bubblePlot: steps 1e9 (exhausted memory and crashed the process) is E_TOO_LARGE', () => {
    const reg = p.metaRegression({ yi, vi }, { moderators: { x: vi } });
    for (const steps of [1e9, 100_001]) {
      expect(fastError(() => p.bubbleData(reg, { steps }))).toEqual(['E_TOO_LARGE', 'steps']);
      expect(fastError(() => p.bubblePlot(reg, { steps }))).toEqual(['E_TOO_LARGE', 'steps']);
    }
  });

  it('glmm: nAGQ 1.7e308 is refused (its range is 1 to 50)', () => {
    const rows = [{ xi: 3, ni: 20 }, { xi: 5, ni: 25 }, { xi: 1, ni: 30 }, { xi: 8, ni: 22 }];
    expect(fastError(() => p.glmm(rows, { measure: 'PLO', nAGQ: 1.7e308 } as never))[1]).toBe('nAGQ');
  });

  it('metaAnalysisBatch: workers 1e9 (ran the process out of memory) and above 256 are E_TOO_LARGE', () => {
    const batch = { yi: Float64Array.from(yi), vi: Float64Array.from(vi), offsets: [0, 20, 40] };
    for (const workers of [1e9, 2 ** 40, 257]) {
      expect(fastError(() => p.metaAnalysisBatch(batch, { workers }))).toEqual(['E_TOO_LARGE', 'workers']);
    }
  });
});
