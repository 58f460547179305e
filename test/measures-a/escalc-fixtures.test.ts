// Every escalc() case of test/fixtures/metafor-measures-a/escalc.json (R metafor 5.1-12,
// generate.R there) reproduced: closed forms to TOLERANCES.closed, the tetrachoric correlation
// (metafor: Nelder–Mead with a finite-difference Hessian) to TOLERANCES.tetrachoric. NA <=> NaN.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { effectSizes } from '../../src/effect-sizes/effect-sizes.ts';
import type { EffectSizesOptions } from '../../src/effect-sizes/options.ts';
import type { Measure } from '../../src/types.ts';
import { TOLERANCES, expectClose, mismatch } from '../tolerances.ts';

interface Case {
  dataset: string;
  measure: Measure;
  columns: Record<string, string>;
  options: Record<string, unknown> | unknown[];
  yi: (number | null)[];
  vi: (number | null)[];
  warnings: string[];
}
interface Published {
  measure: Measure;
  ai: number;
  bi: number;
  ci: number;
  di: number;
  yi: number;
  sei: number;
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/metafor-measures-a/escalc.json', import.meta.url), 'utf8')) as {
  datasets: Record<string, Record<string, unknown>[]>;
  cases: Case[];
  published: Published[];
};

/** metafor's options as effectSizes options (R's empty list() arrives as []). */
export function asOptions(o: Case['options']): EffectSizesOptions {
  return Array.isArray(o) ? {} : (o as EffectSizesOptions);
}

const TETRACHORIC: ReadonlySet<string> = new Set(['RTET', 'ZTET']);

describe('effectSizes reproduces metafor 5.1-12 escalc for the measures of issue #13 (part A)', () => {
  it('has the cases', () => {
    expect(fixture.cases.length).toBeGreaterThan(300);
  });
  for (const c of fixture.cases) {
    const opts = asOptions(c.options);
    it(`${c.dataset} ${c.measure} ${JSON.stringify(opts)}`, () => {
      const rows = fixture.datasets[c.dataset]!;
      const got = effectSizes(c.measure, rows, { columns: c.columns, ...opts });
      const problems: string[] = [];
      for (let i = 0; i < rows.length; i++) {
        const want = expected(c, i);
        const tetra = TETRACHORIC.has(c.measure);
        const tol = tetra ? TOLERANCES.tetrachoric : TOLERANCES.closed;
        problems.push(
          ...[mismatch(got.yi[i], want.yi, tol, `yi[${i}]`, tetra ? 5e-5 : undefined), mismatch(got.vi[i], want.vi, tol, `vi[${i}]`, tetra ? 1e-6 : undefined)]
            .filter((m): m is string => m !== null),
        );
      }
      expect(problems).toEqual([]);
    });
  }
});

/**
 * metafor's values, with our two deviations by design: a row dropped by drop00 is NA in both yi and
 * vi (metafor keeps IRSD's vi, which does not depend on the counts), and a tetrachoric correlation
 * of a table with one zero cell has no variance (metafor's is its optimizer's finite-difference
 * Hessian at the boundary ρ = ±1, e.g. 70368744), so the row is NA.
 */
function expected(c: Case, i: number): { yi: number | null; vi: number | null } {
  const yi = c.yi[i] ?? null, vi = c.vi[i] ?? null;
  if (yi === null) return { yi: null, vi: null };
  if (TETRACHORIC.has(c.measure) && Math.abs(c.measure === 'ZTET' ? Math.tanh(yi) : yi) === 1 && vi !== 0) return { yi: null, vi: null };
  return { yi, vi };
}

describe("the published values of metafor's tests (Handbook of Research Synthesis, Table 13.4)", () => {
  for (const p of fixture.published) {
    it(p.measure, () => {
      const got = effectSizes(p.measure, [{ ai: p.ai, bi: p.bi, ci: p.ci, di: p.di }]);
      expectClose(got.yi[0], p.yi, 0.00005 / Math.abs(p.yi) + 1e-3 * (TETRACHORIC.has(p.measure) ? 1 : 0), `${p.measure} yi`);
      expectClose(Math.sqrt(got.vi[0]!), p.sei, 0.00005 / p.sei, `${p.measure} sei`);
    });
  }
});
