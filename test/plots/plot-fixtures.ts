// Loads the plot-geometry fixtures of test/fixtures/metafor-plots (written by its generate.R
// from R metafor) and refits the same models with pooled.
import { readFileSync } from 'node:fs';
import { effectSizes, metaAnalysis } from '../../src/index.ts';
import type { Measure, MetaAnalysisResult, Tau2Method, TestType } from '../../src/index.ts';

export interface IntercepOnlyFixture {
  readonly method: Tau2Method;
  readonly test: TestType;
  readonly b: number;
  readonly 'ci.lb': number;
  readonly 'ci.ub': number;
  readonly tau2: number;
  readonly baujat: { x: number[]; y: number[] };
  readonly radial: { x: number[]; y: number[] };
  readonly rstandard: { resid: number[]; se: number[]; z: number[] };
  readonly qqnorm: { x: number[]; y: number[] };
  readonly envelope: { lower: number[]; upper: number[] };
}

export interface RegplotFixture {
  readonly method: Tau2Method;
  readonly test: TestType;
  readonly moderators: string | string[];
  readonly b: number[];
  readonly 'at.year'?: number;
  readonly xs: number[];
  readonly pred: number[];
  readonly 'ci.lb': number[];
  readonly 'ci.ub': number[];
  readonly 'pi.lb': number[];
  readonly 'pi.ub': number[];
  readonly psize?: number[];
}

export interface LabbeFixture {
  readonly measure: Measure;
  readonly b: number;
  readonly x: number[];
  readonly y: number[];
  readonly cex: number[];
}

export interface PlotFixture {
  readonly dataset: string;
  readonly measure: Measure;
  readonly rows: Record<string, unknown>[];
  readonly fits: IntercepOnlyFixture[];
  readonly labbe?: LabbeFixture[];
  readonly regplot?: RegplotFixture[];
}

export function loadPlotFixture(name: string): PlotFixture {
  return JSON.parse(readFileSync(new URL(`../fixtures/metafor-plots/${name}.json`, import.meta.url), 'utf8')) as PlotFixture;
}

export const BCG_COLUMNS = { ai: 'tpos', bi: 'tneg', ci: 'cpos', di: 'cneg' } as const;

/** Effect sizes of a fixture's data set, as its generate.R computes them. */
export function fixtureEffects(fx: PlotFixture) {
  const label = (r: Record<string, unknown>, i: number) => String(r.author ?? r.study ?? r.source ?? `Study ${i + 1}`);
  const rows = fx.rows.map((r, i) => ({ ...r, study: `${label(r, i)}${r.year ? ` ${String(r.year)}` : ''}` }));
  if (fx.dataset === 'dat.bcg') return effectSizes('RR', rows, { columns: BCG_COLUMNS });
  if (fx.dataset === 'dat.normand1999') return effectSizes('SMD', rows);
  return effectSizes('GEN', rows);
}

/** The intercept-only fit of a fixture entry. */
export function fixtureFit(fx: PlotFixture, entry: IntercepOnlyFixture): MetaAnalysisResult {
  return metaAnalysis(fixtureEffects(fx), { method: entry.method, test: entry.test });
}

/** Every intercept-only fit of the plot fixtures, as [name, fixture, entry] cases for describe.each. */
export function interceptOnlyCases(): (readonly [string, PlotFixture, IntercepOnlyFixture])[] {
  return ['bcg', 'normand1999', 'raudenbush1985'].flatMap((name) => {
    const fx = loadPlotFixture(name);
    return fx.fits.map((entry) => [`${name} ${entry.method} ${entry.test}`, fx, entry] as const);
  });
}
