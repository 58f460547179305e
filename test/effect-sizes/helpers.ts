import { readFileSync, readdirSync } from 'node:fs';
import { expect } from 'vitest';
import { TOLERANCES } from '../tolerances.ts';

/** Relative tolerance for closed-form effect sizes against R. */
export const REL = TOLERANCES.closed;

/**
 * Expects `got` to reproduce `want` (R output): null in `want` <=> NaN in `got`, numbers to
 * `rel` relative (an exact zero must be met within 1e-15).
 */
export function expectReproduces(got: readonly number[], want: readonly (number | null)[], label: string, rel: number = REL): void {
  expect(got.length, `${label}: length`).toBe(want.length);
  want.forEach((w, i) => {
    const g = got[i]!;
    if (w === null) {
      expect(Number.isNaN(g), `${label}[${i}]: want NA, got ${g}`).toBe(true);
    } else {
      const ok = Math.abs(g - w) <= rel * Math.abs(w) || Math.abs(g - w) <= 1e-15;
      expect(ok, `${label}[${i}]: got ${g}, want ${w}`).toBe(true);
    }
  });
}

export interface FixtureEffect {
  measure: string;
  columns: Record<string, string>;
  options: Record<string, unknown> | null;
  yi: (number | null)[];
  vi: (number | null)[];
}

/** The metafor 5.1-12 fixtures of test/fixtures/metafor (name, rows, effectSizes). */
export function metaforFixtures(): { name: string; rows: Record<string, unknown>[]; effectSizes: FixtureEffect[] }[] {
  const dir = new URL('../fixtures/metafor/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const fx = JSON.parse(readFileSync(new URL(f, dir), 'utf8'));
      return { name: f.replace(/\.json$/, ''), rows: fx.rows, effectSizes: fx.effectSizes ?? [] };
    });
}

/** test/effect-sizes/r-reference/options.json, written by options.R (R metafor 5.1-12). */
export function optionReferences(): {
  datasets: Record<string, Record<string, unknown>[]>;
  cases: {
    name: string;
    measure: string;
    dataset: string;
    columns: Record<string, string>;
    options: Record<string, unknown>;
    call: string;
    yi: (number | null)[];
    vi: (number | null)[];
  }[];
} {
  return JSON.parse(readFileSync(new URL('./r-reference/options.json', import.meta.url), 'utf8'));
}
