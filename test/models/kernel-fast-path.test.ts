// metaAnalysis fits the plainest calls (options method/test/level only, 2 ≤ k ≤ 4096, every
// vᵢ > 0, rows with a missing value omitted) through the batch kernel with cached buffers (src/models/kernel-meta-analysis.ts) and
// everything else through the engine. An explicit `control: undefined` means the default control,
// yet sends the call down the engine's path: the two results must be the same object field for
// field, to the last bit (Object.is), lazily built per-study outputs and field order included; and
// bad input must fail with the same InputError either way. Numbers against metafor: bcg.json.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectSizes, InputError, metaAnalysis, TAU2_METHODS, TEST_TYPES, type MetaAnalysisResult } from '../../src/index.ts';
import bcg from '../fixtures/metafor/bcg.json' with { type: 'json' };
import { freezeResult } from '../../src/freeze-result.ts';
import { expectClose, TOLERANCES } from '../tolerances.ts';

type Options = { method?: (typeof TAU2_METHODS)[number]; test?: (typeof TEST_TYPES)[number]; level?: number };
type Input = Parameters<typeof metaAnalysis>[0];

/** The differences between two values, every own enumerable key (getters read) and its order. */
function differences(a: unknown, b: unknown, path: string, out: string[]): string[] {
  if (typeof a === 'number' && typeof b === 'number') {
    if (!Object.is(a, b)) out.push(`${path}: ${a} vs ${b}`);
  } else if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    if (a !== b) out.push(`${path}: ${String(a)} vs ${String(b)}`);
  } else {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.join() !== kb.join()) out.push(`${path}: keys ${ka.join()} vs ${kb.join()}`);
    if (Object.isFrozen(a) !== Object.isFrozen(b)) out.push(`${path}: frozen ${Object.isFrozen(a)} vs ${Object.isFrozen(b)}`);
    for (const key of kb) differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`, out);
  }
  return out;
}

/** The result of the default path and of the engine's, or both errors. */
function bothPaths(input: Input, options: Options): { fast: MetaAnalysisResult | Error; engine: MetaAnalysisResult | Error } {
  const run = (o: object) => {
    try {
      return metaAnalysis(input, o);
    } catch (e) {
      return e as Error;
    }
  };
  return { fast: run(options), engine: run({ ...options, control: undefined }) };
}

function expectSame(input: Input, options: Options): MetaAnalysisResult | Error {
  const { fast, engine } = bothPaths(input, options);
  if (engine instanceof Error || fast instanceof Error) {
    expect(fast).toBeInstanceOf(InputError);
    expect(engine).toBeInstanceOf(InputError);
    expect(String(fast)).toBe(String(engine));
    expect((fast as InputError).field).toBe((engine as InputError).field);
    expect((fast as InputError).row).toBe((engine as InputError).row);
    return fast;
  }
  expect(differences(fast, engine, 'result', [])).toEqual([]);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(engine));
  return fast;
}

const scaled = fc.record({
  k: fc.integer({ min: 2, max: 40 }),
  scale: fc.integer({ min: -6, max: 6 }).map((e) => 10 ** e),
  tau: fc.constantFrom(0, 0.05, 0.3, 1, 3),
  vMin: fc.constantFrom(1e-4, 0.01, 0.5),
  vSpread: fc.constantFrom(1, 10, 1000),
  seed: fc.integer({ min: 1, max: 2 ** 30 }),
  method: fc.constantFrom(...TAU2_METHODS),
  test: fc.constantFrom(...TEST_TYPES),
  level: fc.constantFrom(0.8, 0.9, 0.95, 0.99),
  typed: fc.boolean(),
  missing: fc.integer({ min: -20, max: 10 }),
});

/** k studies from the random-effects model (a small LCG, so the data are reproducible). */
function simulate(k: number, scale: number, tau: number, vMin: number, vSpread: number, seed: number) {
  let s = seed >>> 0;
  const u = () => ((s = (1664525 * s + 1013904223) >>> 0) + 0.5) / 2 ** 32;
  const yi: number[] = [];
  const vi: number[] = [];
  for (let i = 0; i < k; i++) {
    const v = vMin * vSpread ** u();
    vi.push(v * scale * scale);
    yi.push(scale * (0.3 + tau * (2 * u() - 1) * 1.7 + Math.sqrt(v) * (2 * u() - 1) * 1.7));
  }
  return { yi, vi };
}

describe('metaAnalysis: the kernel path is the engine path', () => {
  it('gives every field to the last bit on random data (every method, test and level, arrays or Float64Arrays)', () => {
    fc.assert(
      fc.property(scaled, (c) => {
        const { yi, vi } = simulate(c.k, c.scale, c.tau, c.vMin, c.vSpread, c.seed);
        // a missing value in some analyses (omitted with a warning by both paths)
        if (c.missing > 0 && c.missing < c.k) (c.seed % 2 === 0 ? yi : vi)[c.missing] = NaN;
        const input = c.typed ? { yi: Float64Array.from(yi), vi: Float64Array.from(vi) } : { yi, vi };
        expectSame(input, { method: c.method, test: c.test, level: c.level });
      }),
      { numRuns: 400 },
    );
  });

  it('agrees on the edge cases: τ² = 0, equal effects, k = 2, a Q-profile bound beyond metafor limit, tiny and huge units', () => {
    const cases: { yi: number[]; vi: number[] }[] = [
      { yi: [0.1, 0.1, 0.1, 0.1], vi: [0.01, 0.02, 0.03, 0.04] },
      { yi: [0.1, 0.2], vi: [0.01, 0.01] },
      { yi: [0.1, 0.25, 0.2], vi: [0.5, 0.6, 0.7] },
      { yi: [-40, 0, 40, 1], vi: [1e-4, 1e-4, 1e-4, 1e-4] },
      { yi: [1e-200, 3e-200, -2e-200], vi: [1e-400 * 1e10, 2e-390, 3e-390].map((v) => v || 1e-300) },
      { yi: [1e150, 3e150, -2e150], vi: [1e300, 2e300, 3e300] },
      { yi: [0, 1, 0, 1, 0, 1], vi: [1, 1, 1, 1, 1, 1] },
      { yi: [0.3, -0.1, 5, 0.2], vi: [0.01, 1e-9, 2, 0.04] },
    ];
    for (const data of cases) {
      for (const method of TAU2_METHODS) for (const test of TEST_TYPES) expectSame(data, { method, test });
    }
  });

  it('agrees at the kernel size limit (4096 studies) and beyond it', () => {
    for (const k of [4096, 4097]) expectSame(simulate(k, 1, 0.2, 0.01, 20, k), { test: 'knha' });
  });

  it('agrees with labels, a measure, an effectSizes result and sei for vi', () => {
    const data = simulate(9, 1, 0.3, 0.02, 5, 11);
    expectSame({ ...data, labels: data.yi.map((_, i) => `S${i}`) }, { method: 'PM' });
    expectSame({ ...data, measure: 'SMD' } as Input, { test: 't' });
    expectSame({ yi: data.yi, sei: data.vi.map(Math.sqrt) } as unknown as Input, {});
    const es = effectSizes('RR', bcg.rows, { columns: { ai: 'tpos', bi: 'tneg', ci: 'cpos', di: 'cneg' }, label: 'author' });
    expectSame(es, { test: 'knha' });
  });

  it('keeps no state between calls: interleaved sizes and settings give what a fresh engine fit gives', () => {
    const runs = [5, 12, 5, 30, 12, 2, 5].map((k, i) => simulate(k, 1, 0.2, 0.01, 50, 100 + i));
    for (let round = 0; round < 2; round++) {
      runs.forEach((data, i) => expectSame(data, { method: i % 2 === 0 ? 'REML' : 'DL', test: i % 3 === 0 ? 'knha' : 'z' }));
    }
  });

  it('refuses or omits bad input exactly as the engine does', () => {
    const bad: unknown[] = [
      { yi: [0.1, NaN, 0.3], vi: [0.01, 0.02, 0.03] },
      { yi: [0.1, 0.2, 0.3], vi: [0.01, null, 0.03] },
      { yi: [0.1, Infinity, 0.3], vi: [0.01, 0.02, 0.03] },
      { yi: [0.1, 0.2, 0.3], vi: [0.01, -0.02, 0.03] },
      { yi: [0.1, 0.2, 0.3], vi: [0.01, Infinity, 0.03] },
      { yi: [0.1, '0.2', 0.3], vi: [0.01, 0.02, 0.03] },
      { yi: [0.1, 0.2, 0.3], vi: [0.01, 0.02] },
      // eslint-disable-next-line no-sparse-arrays
      { yi: [0.1, , 0.3], vi: [0.01, 0.02, 0.03] },
      { yi: [0.1, 0.2, 0.3], vi: [0, 0.02, 0.03] },
      { yi: Float64Array.of(0.1, 0.2), vi: Float64Array.of(0.01, Number.NaN) },
      { yi: [0.1], vi: [0.01] },
      { yi: [], vi: [] },
      { yi: 'abc', vi: [0.01] },
      null,
    ];
    for (const input of bad) for (const method of ['REML', 'DL', 'EE'] as const) expectSame(input as Input, { method });
  });

  it('matches metafor 5.1 (bcg, RR, REML, Knapp–Hartung): estimate, τ², Q-profile bounds and weights', () => {
    const rr = bcg.effectSizes.find((e) => e.measure === 'RR')!;
    const want = bcg.models.find((m) => m.measure === 'RR' && m.method === 'REML' && m.test === 'knha') as unknown as Record<string, number> & { weights: number[] };
    const fit = metaAnalysis({ yi: rr.yi, vi: rr.vi }, { test: 'knha' });
    const tol = TOLERANCES.iterative;
    expectClose(fit.estimate, want.b, tol, 'b');
    expectClose(fit.se, want.se, tol, 'se');
    expectClose(fit.pValue, want.pval, tol, 'pval');
    expectClose(fit.tau2, want.tau2, tol, 'tau2');
    expectClose(fit.tau2Se, want['se.tau2'], tol, 'se.tau2');
    expectClose(fit.predictionInterval.upper, want['pi.ub'], tol, 'pi.ub');
    expectClose(fit.q, want.QE, tol, 'QE');
    expectClose(fit.tau2Ci!.lower, want['tau2.lb'], TOLERANCES.profile, 'tau2.lb');
    expectClose(fit.i2Ci!.upper, want['I2.ub'], TOLERANCES.profile, 'I2.ub');
    expectClose(fit.h2Ci!.upper, want['H2.ub'], TOLERANCES.profile, 'H2.ub');
    fit.weights.forEach((w, i) => expectClose(w, want.weights[i], tol, `weights[${i}]`));
  });

  it('freezeResult walks a frozen result (the kernel path returns one) without calling its getters', () => {
    let reads = 0;
    const inner = Object.freeze({ k: 2, ci: Object.freeze({ lower: 0, upper: 1 }), get yi() { reads++; return [1, 2]; } });
    const outer = freezeResult({ fits: [inner], note: { text: 'x' } });
    expect(reads).toBe(0);
    expect(Object.isFrozen(outer.fits) && Object.isFrozen(outer.note)).toBe(true);
    const fit = metaAnalysis({ yi: [0.1, 0.3, 0.5], vi: [0.01, 0.02, 0.015] });
    expect(Object.isFrozen(fit) && Object.isFrozen(fit.ci) && Object.isFrozen(fit.tau2Ci) && Object.isFrozen(fit.warnings)).toBe(true);
  });

  it('returns deeply frozen results on every path (per-study outputs, intervals, counts, omitted rows, warnings)', () => {
    const data = { yi: [0.1, 0.3, NaN, 0.5, -0.2], vi: [0.01, 0.02, 0.01, 0.015, 0.04] };
    const w = [1, 2, 3, 4, 5];
    const options: object[] = [
      {}, { test: 'knha' }, { method: 'EE' }, { control: 'metafor' }, { tau2: 0.02 }, { weights: w },
      { weights: w, weighted: false }, { method: 'GENQ', weights: w }, { method: 'DL', test: 't', level: 0.9 },
    ];
    const frozenEverywhere = (x: unknown, path: string, out: string[]): string[] => {
      if (x === null || typeof x !== 'object') return out;
      if (!Object.isFrozen(x)) out.push(path);
      for (const key of Object.keys(x)) frozenEverywhere((x as Record<string, unknown>)[key], `${path}.${key}`, out);
      return out;
    };
    for (const o of options) {
      const single = 'weights' in o ? [] : [{ yi: [0.2], vi: [0.01] }];
      for (const input of [data, { ...data, labels: ['a', 'b', 'c', 'd', 'e'] }, ...single]) {
        expect(frozenEverywhere(metaAnalysis(input, o as Options), JSON.stringify(o), [])).toEqual([]);
      }
    }
  });
});
