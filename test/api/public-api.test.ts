// Type-level checks of the public contract (DESIGN.md): names and fields that scripts and the
// reproduction suite rely on. `tsc --noEmit` (run by CI) checks these; vitest runs them too.
import { describe, expectTypeOf, it, expect } from 'vitest';
import * as api from '../../src/index.ts';
import {
  effectSizes, metaAnalysis, formatResult,
  type EffectSizes, type Interval, type MetaAnalysisResult, type Measure, type PoolingMethod, type Tau2Method, type TestType,
} from '../../src/index.ts';

describe('public API types', () => {
  it('effectSizes(measure, rows, options) returns EffectSizes', () => {
    expectTypeOf(effectSizes).parameter(0).toEqualTypeOf<Measure>();
    expectTypeOf(effectSizes).returns.toEqualTypeOf<EffectSizes>();
    expectTypeOf<EffectSizes['yi']>().toEqualTypeOf<readonly number[]>();
    expectTypeOf<EffectSizes['vi']>().toEqualTypeOf<readonly number[]>();
  });

  it('metaAnalysis takes EffectSizes or { yi, vi } and returns the contract fields', () => {
    expectTypeOf(metaAnalysis).returns.toEqualTypeOf<MetaAnalysisResult>();
    expectTypeOf(metaAnalysis).toBeCallableWith({ yi: [1, 2], vi: [0.1, 0.2] }, { method: 'DL', test: 'knha', level: 0.9 });
    expectTypeOf(metaAnalysis).toBeCallableWith({ yi: Float64Array.of(1), vi: Float64Array.of(1) });
    type R = MetaAnalysisResult;
    expectTypeOf<R['method']>().toEqualTypeOf<PoolingMethod>();
    expectTypeOf<R['test']>().toEqualTypeOf<TestType>();
    expectTypeOf<R['ci']>().toEqualTypeOf<Interval>();
    expectTypeOf<R['predictionInterval']>().toEqualTypeOf<Interval>();
    expectTypeOf<R['tau2Ci']>().toEqualTypeOf<Interval | undefined>();
    expectTypeOf<R['df']>().toEqualTypeOf<number | null>();
    expectTypeOf<R['weights']>().toEqualTypeOf<readonly number[]>();
    expectTypeOf<R['warnings']>().toEqualTypeOf<readonly string[]>();
    for (const f of ['k', 'estimate', 'se', 'statistic', 'tau2', 'tau', 'i2', 'h2', 'q', 'qDf', 'qPValue', 'level'] as const) {
      expectTypeOf<R[typeof f]>().toEqualTypeOf<number>();
    }
  });

  it('formatResult returns text', () => {
    expectTypeOf(formatResult).returns.toEqualTypeOf<string>();
  });

  it('every runtime export is a function, a class, a number or a frozen constant (no stubs)', () => {
    for (const [name, value] of Object.entries(api)) {
      const ok = typeof value === 'function' || typeof value === 'number' || (typeof value === 'object' && value !== null && Object.isFrozen(value));
      expect(ok, name).toBe(true);
    }
  });
});
