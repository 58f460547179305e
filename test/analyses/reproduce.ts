/**
 * Reproduction harness: turns one metafor fixture (test/fixtures/metafor*, written by R metafor
 * 5.1-12 through generate.R) into vitest blocks, so that each published analysis has a one-line
 * test file (`reproduce('metafor/bcg.json')`).
 *
 * For each fixture it checks
 * - every `effectSizes` entry: effectSizes(measure, rows, { columns, ...options }) against
 *   escalc's yi and vi (closed tier, NA <=> NaN);
 * - every `models` entry without `error`: metaAnalysis({ yi, vi }, { method, test, level: 0.95 })
 *   with the fixture's yi/vi (NA rows passed as NaN, which both sides omit) against rma(): k,
 *   estimate, se, statistic, pValue, ci, tau2, tau, tau2Se, i2, h2, q, qDf, qPValue, df,
 *   predictionInterval, weights (tier of the tau² method) and the Q-profile tau2Ci, i2Ci, h2Ci
 *   (profile tier). All mismatches of one model are reported together, one line each;
 * - every `models` entry with `error` (metafor refused to fit): see {@link expectRefusal};
 * - every model where metafor warned (fixtures from metafor-extra/generate.R record `warnings`):
 *   our result must carry a warning for the same reason, see {@link WARNING_KINDS}.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError, effectSizes, metaAnalysis } from '../../src/index.ts';
import type { EffectSizesOptions, Measure, MetaAnalysisResult, Tau2Method, TestType } from '../../src/index.ts';
import { ABSOLUTE_FLOOR_FACTOR, TOLERANCES, arrayMismatches, mismatch, tierOf } from '../tolerances.ts';

type Num = number | null;

/** One escalc() result in a fixture. */
export interface FixtureEffect {
  readonly measure: string;
  readonly columns: Record<string, string>;
  readonly options: Record<string, unknown> | null;
  readonly yi: Num[] | Num;
  readonly vi: Num[] | Num;
  readonly warnings?: string[] | string;
}

/** One rma() fit in a fixture (metafor's field names). */
export interface FixtureModel {
  readonly measure: string;
  /** 0-based index of the effectSizes entry (metafor-extra fixtures); else matched by measure. */
  readonly effect?: number;
  readonly method: string;
  readonly test: string;
  readonly error?: string;
  readonly warnings?: string[] | string;
  readonly 'test.used'?: string;
  readonly 'ci.error'?: string;
  readonly [field: string]: unknown;
}

export interface Fixture {
  readonly dataset: string;
  readonly description: string;
  readonly rows: Record<string, unknown>[];
  readonly effectSizes: FixtureEffect[];
  readonly models: FixtureModel[];
}

/** Reads a fixture given its path below test/fixtures (e.g. `metafor/bcg.json`). */
export function loadFixture(path: string): Fixture {
  return JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')) as Fixture;
}

/** jsonlite unboxes length-1 vectors in the public fixtures: make every vector an array. */
function vector(x: Num[] | Num | undefined): Num[] {
  if (x === undefined) return [];
  return Array.isArray(x) ? x : [x];
}

function strings(x: string[] | string | undefined): string[] {
  if (x === undefined || x === null) return [];
  return Array.isArray(x) ? x : [x];
}

const toNumbers = (x: Num[]): number[] => x.map((v) => (v === null ? NaN : v));

function optionText(options: Record<string, unknown> | null): string {
  if (options === null || Object.keys(options).length === 0) return '';
  return ` {${Object.entries(options).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')}}`;
}

/** The effectSizes entry a model pools. */
function effectOf(fx: Fixture, model: FixtureModel): FixtureEffect {
  const entry = model.effect !== undefined ? fx.effectSizes[model.effect] : fx.effectSizes.find((e) => e.measure === model.measure);
  if (entry === undefined) throw new Error(`${fx.dataset}: no effectSizes entry for model ${model.measure} ${model.method}`);
  return entry;
}

function modelLabel(fx: Fixture, model: FixtureModel): string {
  const entry = effectOf(fx, model);
  return `${model.measure}${optionText(entry.options)} ${model.method} ${model.test}`;
}

/** Field-by-field comparison of one rma() fit; returns one message per mismatch. */
export function compareModel(got: MetaAnalysisResult, want: FixtureModel): string[] {
  const tol = TOLERANCES[tierOf(want.method)];
  const prof = TOLERANCES.profile;
  const out: string[] = [];
  const num = (field: string): Num | undefined => want[field] as Num | undefined;
  // Absolute floors (see tolerances.ts): tau is √tau², so its floor is the image of tau²'s;
  // I² is in percent, so a floor of tol percentage points. Both matter only where tau² is zero
  // to solver precision (ML/REML at the boundary), where each solver stops at its own ~1e-13.
  const floorOf = (field: string, t: number): number | undefined =>
    field === 'I2' || field === 'I2.lb' || field === 'I2.ub' ? t : undefined;
  const check = (g: unknown, field: string, name: string, t: number = tol): void => {
    if (!(field in want)) return;
    const m = mismatch(g, num(field), t, name, floorOf(field, t));
    if (m !== null) out.push(`${m} [metafor ${field}]`);
  };
  if (got.k !== want.k) out.push(`k: got ${got.k}, want ${String(want.k)}`);
  check(got.estimate, 'b', 'estimate');
  check(got.se, 'se', 'se');
  check(got.statistic, 'statistic', 'statistic');
  check(got.pValue, 'pval', 'pValue');
  check(got.ci?.lower, 'ci.lb', 'ci.lower');
  check(got.ci?.upper, 'ci.ub', 'ci.upper');
  check(got.tau2, 'tau2', 'tau2');
  if (typeof want.tau2 === 'number') {
    const m = mismatch(got.tau, Math.sqrt(want.tau2), tol, 'tau', Math.sqrt(tol * ABSOLUTE_FLOOR_FACTOR));
    if (m !== null) out.push(`${m} [sqrt(metafor tau2)]`);
  }
  check(got.tau2Se, 'se.tau2', 'tau2Se');
  check(got.i2, 'I2', 'i2');
  check(got.h2, 'H2', 'h2');
  check(got.q, 'QE', 'q');
  check(got.qPValue, 'QEp', 'qPValue');
  if (typeof want.k === 'number' && got.qDf !== want.k - 1) out.push(`qDf: got ${got.qDf}, want ${want.k - 1} [metafor k - 1]`);
  // metafor stores df only for t/knha tests; for z (also when it switched knha to z at k = 1) df is NA.
  const wantDf = 'df' in want ? num('df') : null;
  const dfMismatch = mismatch(got.df, wantDf ?? null, tol, 'df');
  if (dfMismatch !== null) out.push(`${dfMismatch} [metafor ddf${want['test.used'] ? `, test.used ${want['test.used']}` : ''}]`);
  // metafor 3.8-1's predict() gave no prediction interval for EE models (pi.lb = numeric(0),
  // written as []); with tau² = 0 the interval is the CI, so EE is checked against ci.lb/ci.ub.
  const noPi = Array.isArray(want['pi.lb']) && (want['pi.lb'] as unknown[]).length === 0;
  if (noPi && want.method === 'EE') {
    check(got.predictionInterval?.lower, 'ci.lb', 'predictionInterval.lower (EE: = CI)');
    check(got.predictionInterval?.upper, 'ci.ub', 'predictionInterval.upper (EE: = CI)');
  } else if (!noPi) {
    check(got.predictionInterval?.lower, 'pi.lb', 'predictionInterval.lower');
    check(got.predictionInterval?.upper, 'pi.ub', 'predictionInterval.upper');
  }
  if ('weights' in want) {
    const w = vector(want.weights as Num[] | Num);
    out.push(...arrayMismatches(got.weights, w, tol, 'weights').map((m) => `${m} [metafor weights()]`));
  }
  if (want.method === 'EE') {
    if (got.tau2Ci !== undefined) out.push(`tau2Ci: got ${JSON.stringify(got.tau2Ci)}, want absent for EE`);
  } else if ('tau2.lb' in want) {
    const pairs: [unknown, string, string][] = [
      [got.tau2Ci?.lower, 'tau2.lb', 'tau2Ci.lower'], [got.tau2Ci?.upper, 'tau2.ub', 'tau2Ci.upper'],
      [got.i2Ci?.lower, 'I2.lb', 'i2Ci.lower'], [got.i2Ci?.upper, 'I2.ub', 'i2Ci.upper'],
      [got.h2Ci?.lower, 'H2.lb', 'h2Ci.lower'], [got.h2Ci?.upper, 'H2.ub', 'h2Ci.upper'],
    ];
    for (const [g, field, name] of pairs) check(g, field, name, prof);
  } else if (want['ci.error'] !== undefined) {
    // metafor's confint() refused (k = 1, or a non-positive variance): we must not report bounds.
    for (const [name, ci] of [['tau2Ci', got.tau2Ci], ['i2Ci', got.i2Ci], ['h2Ci', got.h2Ci]] as const) {
      if (ci === undefined) continue;
      for (const side of ['lower', 'upper'] as const) {
        const v = ci[side];
        if (v !== null && Number.isFinite(v)) out.push(`${name}.${side}: got ${v}, want none (metafor confint: ${want['ci.error']})`);
      }
    }
  }
  return out;
}

/**
 * metafor's warnings, grouped by reason, and what one of our warnings must match to count as
 * "the same reason". The texts differ by design; the reasons must not. The first kind whose
 * `metafor` pattern matches classifies a warning (order matters); an unclassified metafor
 * warning only requires that we warn at all.
 */
export const WARNING_KINDS: readonly { readonly metafor: RegExp; readonly ours: RegExp; readonly reason: string }[] = [
  { metafor: /NAs omitted/i, ours: /omit|missing|NaN|\bNA\b/i, reason: 'rows with NA omitted' },
  { metafor: /Knapp & Hartung.*EE/i, ours: /Knapp|knha|equal-effects|\bEE\b/i, reason: 'Knapp–Hartung with an EE model' },
  { metafor: /since k\s*=\s*1/i, ours: /k\s*=\s*1|one study|single study|only one/i, reason: 'k = 1' },
  { metafor: /Fisher scoring|did not converge|local maximum/i, ours: /converg|Fisher|local|stuck|maxim/i, reason: 'estimation trouble' },
  { metafor: /Cannot compute Q-test/i, ours: /Q-test|\bQ\b(?!-profile)|I²|I\^2|H²|heterogeneity/i, reason: 'Q / I² / H² not computable' },
  { metafor: /non-positive sampling variances/i, ours: /variance|\bvi\b/i, reason: 'non-positive sampling variance' },
];

/** Reasons metafor warned for which `ours` has no matching warning. */
export function missingWarnings(metafor: readonly string[], ours: readonly string[]): string[] {
  const missing: string[] = [];
  for (const text of metafor) {
    const kind = WARNING_KINDS.find((k) => k.metafor.test(text));
    const found = kind === undefined ? ours.length > 0 : ours.some((w) => kind.ours.test(w));
    if (!found) missing.push(`metafor warned "${text.replace(/\s+/g, ' ')}" (${kind?.reason ?? 'unclassified'}); ours: ${JSON.stringify(ours)}`);
  }
  return missing;
}

/**
 * metafor error texts that come from the data (a variance ≤ 0, too few studies): our function
 * must refuse them with an InputError. Any other metafor error (an algorithm that failed to
 * converge) may be met by an InputError or by a result that carries a warning.
 */
export const INPUT_ERRORS: readonly RegExp[] = [
  /non-positive sampling variances/i,
  /Division by zero when computing the inverse variance weights/i,
  /fewer than|at least|k\s*=\s*1|too few/i,
];

/** Asserts how we meet a fit that metafor refused with `error` (see {@link INPUT_ERRORS}). */
export function expectRefusal(run: () => MetaAnalysisResult, error: string, label: string): void {
  const mustThrow = INPUT_ERRORS.some((re) => re.test(error));
  let result: MetaAnalysisResult | undefined;
  try {
    result = run();
  } catch (e) {
    expect(e, `${label}: threw ${String(e)}, want an InputError`).toBeInstanceOf(InputError);
    return;
  }
  // metafor's Fisher scoring stops at tau² = 0 on a zero variance ("Division by zero") even where
  // the likelihood or estimating equation has its solution at tau² > 0: there we fit, and must
  // say that metafor stops
  const algorithmic = /Division by zero/i.test(error) && result.tau2 > 0 &&
    result.warnings.some((w) => /stops with an error \("Division by zero"\)/.test(w));
  if (mustThrow && !algorithmic) {
    expect.fail(`${label}: metafor refused ("${error}"), we returned estimate ${result.estimate}, tau2 ${result.tau2} without throwing an InputError`);
  }
  expect(result.warnings.length, `${label}: metafor refused ("${error}"), we returned without a warning`).toBeGreaterThan(0);
}

/** Defines the describe/it blocks reproducing the fixture at test/fixtures/`path`. */
export function reproduce(path: string): void {
  const fx = loadFixture(path);
  describe(`${fx.dataset} (${path})`, () => {
    it('has effect sizes and models to check', () => {
      expect(fx.effectSizes.length).toBeGreaterThan(0);
      expect(fx.models.length).toBeGreaterThan(0);
    });

    describe('effectSizes = escalc', () => {
      for (const entry of fx.effectSizes) {
        it(`${entry.measure}${optionText(entry.options)}`, () => {
          const options = { columns: entry.columns, ...(entry.options ?? {}) } as EffectSizesOptions;
          const got = effectSizes(entry.measure as Measure, fx.rows, options);
          expect(got.measure).toBe(entry.measure);
          const problems = [
            ...arrayMismatches(got.yi, vector(entry.yi), TOLERANCES.closed, 'yi'),
            ...arrayMismatches(got.vi, vector(entry.vi), TOLERANCES.closed, 'vi'),
          ];
          expect(problems, problems.join('\n')).toEqual([]);
        });
      }
    });

    describe('metaAnalysis = rma', () => {
      for (const model of fx.models) {
        const label = modelLabel(fx, model);
        const entry = effectOf(fx, model);
        const run = (): MetaAnalysisResult =>
          metaAnalysis(
            { yi: toNumbers(vector(entry.yi)), vi: toNumbers(vector(entry.vi)) },
            { method: model.method as Tau2Method, test: model.test as TestType, level: 0.95 },
          );
        if (model.error !== undefined) {
          it(`${label}: refused like metafor ("${model.error}")`, () => expectRefusal(run, model.error!, label));
          continue;
        }
        it(label, () => {
          const problems = compareModel(run(), model);
          expect(problems, problems.join('\n')).toEqual([]);
        });
        const metaforWarnings = strings(model.warnings);
        if (metaforWarnings.length > 0) {
          it(`${label}: warns like metafor`, () => {
            const problems = missingWarnings(metaforWarnings, run().warnings);
            expect(problems, problems.join('\n')).toEqual([]);
          });
        }
      }
    });
  });
}
