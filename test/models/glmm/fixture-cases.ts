import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { GlmmOptions } from '../../../src/models/glmm/glmm-options.ts';

/** One rma.glmm result of the fixture (metafor's names with dots as underscores). */
export interface MetaforGlmm {
  readonly beta: number | number[];
  readonly se: number | number[];
  readonly zval: number | number[];
  readonly pval: number | number[];
  readonly ci_lb: number | number[];
  readonly ci_ub: number | number[];
  readonly tau2: number;
  readonly sigma2: number | null;
  readonly se_tau2: number | null;
  readonly ci_lb_tau2: number | null;
  readonly ci_ub_tau2: number | null;
  readonly I2: number | null;
  readonly H2: number | null;
  readonly QE_Wld: number | null;
  readonly QEp_Wld: number | null;
  readonly QE_LRT: number | null;
  readonly QEp_LRT: number | null;
  readonly QE_df: number | null;
  readonly QM: number;
  readonly QMp: number;
  readonly ll: number;
  readonly AIC: number;
  readonly BIC: number;
  readonly AICc: number;
  readonly k: number;
  readonly parms: number;
  readonly warnings: string | string[];
  readonly error?: string;
}

export interface GlmmCase {
  readonly name: string;
  readonly dataset: string;
  readonly rows: object[];
  readonly args: Record<string, string>;
  readonly mods: string | null;
  readonly default: MetaforGlmm;
  readonly tight?: MetaforGlmm;
}

const path = fileURLToPath(new URL('../../fixtures/metafor-glmm/rma-glmm.json', import.meta.url));
/** The fixture cases by name (test/fixtures/metafor-glmm/generate.R). */
export const GLMM_CASES: Readonly<Record<string, GlmmCase>> = JSON.parse(readFileSync(path, 'utf8')) as Record<string, GlmmCase>;

/** The glmm() options of a fixture case (columns mapped from metafor's argument names). */
export function optionsOf(c: GlmmCase): GlmmOptions {
  const { measure, model, method, test, ...roles } = c.args as Record<string, string>;
  const columns = Object.fromEntries(Object.entries(roles).filter(([, v]) => typeof v === 'string')) as GlmmOptions['columns'];
  const moderators: Record<string, number[]> = {};
  if (c.mods) for (const name of c.mods.replace('~', '').split('+').map((s) => s.trim())) moderators[name] = c.rows.map((r) => (r as Record<string, number>)[name]!);
  return {
    measure: measure as GlmmOptions['measure'],
    ...(model !== undefined && (measure === 'OR' || measure === 'IRR') ? { model: model as GlmmOptions['model'] } : {}),
    ...(method !== undefined ? { method: method as 'ML' | 'EE' } : {}),
    ...(test !== undefined ? { test: test as 'z' | 't' } : {}),
    columns, ...(c.mods ? { moderators } : {}),
  };
}

/** The reference of a case: the tightened fit when metafor produced it, else the default one. */
export function referenceOf(c: GlmmCase): MetaforGlmm | null {
  if (c.tight && c.tight.error === undefined) return c.tight;
  return c.default.error === undefined ? c.default : null;
}

export const arr = (x: number | number[] | null): number[] => (x === null ? [] : Array.isArray(x) ? x : [x]);
