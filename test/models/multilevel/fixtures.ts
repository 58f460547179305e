// Shared loader for the multilevel fixtures (test/fixtures/metafor-multilevel/*.json, written by
// test/fixtures/metafor-multilevel/generate.R with R metafor 3.8-1 and clubSandwich 0.5.8).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type Num = number | null;
export interface RobustRef {
  se: number; statistic: number; df: number; pval: number; 'ci.lb': number; 'ci.ub': number;
}
export interface FitRef {
  method: 'REML' | 'ML';
  test: 'z' | 't';
  level: number;
  metaforFree: { sigma2: number[]; 'rel.tol': number; b: number; logLik: number };
  polish: { iterations: number; maxAbsScore: number };
  k: number; b: number; se: number; statistic: number; df?: number; pval: number; 'ci.lb': number; 'ci.ub': number;
  sigma2: [number, number]; 's.nlevels': [number, number]; QE: number; QEdf: number; QEp: number; logLik: number;
  weightsRowsum: number[];
  robust: { CR1: RobustRef; CR2: RobustRef };
  robustBy?: ({ cluster: string; CR1: RobustRef; CR2?: RobustRef })[];
}
export interface MultilevelFixture {
  dataset: string;
  description: string;
  rows: (Record<string, string | number> & { outer: string | number; inner: string | number; yi: number; vi: number })[];
  fits: FitRef[];
}

export const MULTILEVEL_FIXTURES = ['konstantopoulos2011', 'assink2016', 'inner-zero', 'outer-zero', 'shared-inner'] as const;

export function loadMultilevelFixture(name: string): MultilevelFixture {
  const url = new URL(`../../fixtures/metafor-multilevel/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as MultilevelFixture;
}

/** `{ yi, vi }` and the label columns of a fixture, labels as strings. */
export function fixtureInput(fx: MultilevelFixture) {
  return {
    input: { yi: fx.rows.map((r) => r.yi), vi: fx.rows.map((r) => r.vi) },
    outer: fx.rows.map((r) => String(r.outer)),
    inner: fx.rows.map((r) => String(r.inner)),
  };
}
