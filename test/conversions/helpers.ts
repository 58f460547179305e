import { readFileSync } from 'node:fs';

/** metafor 5.1 reference values (test/fixtures/conversions/conversions.json, from generate.R). */
export interface MetaforConversions {
  source: { metafor: string; functions: string };
  fivenum: {
    input: { n: number; min: number | null; q1: number | null; median: number | null; q3: number | null; max: number | null };
    mean: number;
    sd: number;
    skewed: boolean;
  }[];
  wald: {
    input: { estimate: number; lower: number | null; upper: number | null; pValue: number | null; transform: string };
    yi: number;
    vi: number;
  }[];
}

export function metaforConversions(): MetaforConversions {
  return JSON.parse(readFileSync(new URL('../fixtures/conversions/conversions.json', import.meta.url), 'utf8'));
}

/** Values computed in R from the published formulas (r-reference/formulas.R). */
export interface FormulaReference {
  fivenum: {
    name: string;
    input: { n: number; min?: number; q1?: number; median?: number; q3?: number; max?: number };
    method: { mean: 'luo' | 'wan' | 'hozo' | 'bland'; sd: 'wan' | 'shi' | 'hozo' | 'bland' } | null;
    mean: number;
    sd: number;
    statistic: number;
    critical: number;
    skewed: boolean;
  }[];
  cochrane: Record<string, number>;
  wald: Record<string, { yi: number; vi: number }>;
  maxSd: Record<string, number>;
  impute: Record<string, number>;
}

export function formulaReference(): FormulaReference {
  return JSON.parse(readFileSync(new URL('./r-reference/formulas.json', import.meta.url), 'utf8'));
}
