import { describe, expect, it } from 'vitest';
import { InputError, effectSizes, imputeSd, metaAnalysis, sensitivity } from '../../src/index.ts';

describe('sensitivity', () => {
  it('re-runs the analysis for each value, in order, and returns a frozen table', () => {
    const seen: number[] = [];
    const t = sensitivity({ parameter: 'sd', values: [3, 1, 2], analyse: (v) => { seen.push(v); return { twice: 2 * v }; } });
    expect(seen).toEqual([3, 1, 2]);
    expect(t).toEqual({ parameter: 'sd', rows: [{ value: 3, result: { twice: 6 } }, { value: 1, result: { twice: 2 } }, { value: 2, result: { twice: 4 } }] });
    expect(Object.isFrozen(t)).toBe(true);
    expect(Object.isFrozen(t.rows)).toBe(true);
    expect(Object.isFrozen(t.rows[0])).toBe(true);
    expect(JSON.parse(JSON.stringify(t))).toEqual(t);
  });

  it('drives a meta-analysis over an assumed SD: a larger assumed SD gives the study less weight', () => {
    const rows = [
      { study: 'A', m1i: 10, sd1i: 4, n1i: 30, m2i: 8, sd2i: 4, n2i: 30 },
      { study: 'B', m1i: 12, sd1i: 5, n1i: 40, m2i: 9, sd2i: 5, n2i: 40 },
      { study: 'C', m1i: 11.5, n1i: 30, m2i: 2.8, n2i: 30 },
    ];
    const table = sensitivity({
      parameter: 'sd',
      values: [5, 10, 20],
      analyse: (sd) => {
        const imputed = imputeSd(rows, { method: 'assumed', value: sd });
        return metaAnalysis(effectSizes('MD', imputed.rows, { provenance: imputed.provenance }), { method: 'EE' });
      },
    });
    const weightC = table.rows.map((row) => row.result.weights[2]!);
    expect(weightC[0]!).toBeGreaterThan(weightC[1]!);
    expect(weightC[1]!).toBeGreaterThan(weightC[2]!);
    expect(table.rows[0]!.result.provenance).toMatchObject({ reported: 2, assumed: 1 });
  });

  it('bad input → InputError; a failing analysis names the parameter and value and keeps the cause', () => {
    expect(() => sensitivity({ parameter: '', values: [1], analyse: (v) => v })).toThrow(/parameter/);
    expect(() => sensitivity({ parameter: 'r', values: [], analyse: (v) => v })).toThrow(/values/);
    expect(() => sensitivity({ parameter: 'r', values: [Number.NaN], analyse: (v) => v })).toThrow(/values/);
    expect(() => sensitivity({ parameter: 'r', values: [1], analyse: 3 as never })).toThrow(/analyse/);
    const boom = new Error('boom');
    try {
      sensitivity({ parameter: 'r', values: [0.5, 2], analyse: (v) => { if (v > 1) throw boom; return v; } });
      expect.fail('should throw');
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as Error).message).toMatch(/r = 2: boom/);
      expect((e as Error & { cause?: unknown }).cause).toBe(boom);
    }
  });
});
