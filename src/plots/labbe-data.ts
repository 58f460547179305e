import { effectSizes } from '../effect-sizes/effect-sizes.ts';
import type { ZeroCellRule } from '../effect-sizes/options.ts';
import { InputError } from '../errors.ts';
import { readTables, resolveTwoByTwoOptions, type TableRole } from '../models/two-by-two/read-tables.ts';
import type { Interval, Measure, MetaAnalysisResult } from '../types.ts';
import { checkOptions, optionKeys } from '../check-options.ts';
import { readResult } from '../read-result.ts';

/** The 2×2 measures a L'Abbé plot is drawn for, and the arm-level outcome of each. */
const ARM_MEASURE = { OR: 'PLO', RR: 'PLN', RD: 'PR', AS: 'PAS' } as const satisfies Partial<Record<Measure, Measure>>;
export type LabbeMeasure = keyof typeof ARM_MEASURE;

/** Options of {@link labbeData}: how the rows hold the 2×2 tables (as given to `effectSizes`). */
export interface LabbeDataOptions {
  /** Role → key (`ai`, `bi`, `ci`, `di`, or `ai`, `n1i`, `ci`, `n2i`); a role left out is its own key. */
  readonly columns?: Partial<Record<TableRole, string>>;
  /** Key of the study label; default `study`. */
  readonly label?: string;
  /** Added to the zero cells of an arm (metafor's `add`); default 1/2, 0 for AS. */
  readonly add?: number;
  /** Which arms get `add` (metafor's `to`); default `only0`. */
  readonly to?: ZeroCellRule;
}

/** The valid keys of {@link LabbeDataOptions} (any other key is an `E_UNKNOWN_OPTION` error). */
export const LABBE_DATA_OPTION_KEYS = optionKeys<LabbeDataOptions>()('columns', 'label', 'add', 'to');

/** One study in a L'Abbé plot: its two arm-level outcomes on the analysis scale. */
export interface LabbePoint {
  readonly label: string;
  /** Outcome of group 2 (the control arm, cells ci and di), e.g. its log odds for OR. */
  readonly x: number;
  /** Outcome of group 1 (the treated arm, cells ai and bi). */
  readonly y: number;
  /** Sum of the two arm variances, vₓ + v_y. */
  readonly variance: number;
  /** metafor's point size: 1/√(vₓ + v_y) mapped linearly onto [0.5, 3.5]. */
  readonly size: number;
}

/** The numbers a L'Abbé plot draws (metafor's `labbe.rma`). */
export interface LabbeData {
  readonly measure: LabbeMeasure;
  /** Arm-level measure of both axes: PLO (log odds), PLN (log risk), PR (risk) or PAS (arcsine risk). */
  readonly armMeasure: Measure;
  readonly points: readonly LabbePoint[];
  /** Pooled effect μ̂: the line y = x + μ̂ on the analysis scale. */
  readonly estimate: number;
  readonly ci: Interval;
  readonly predictionInterval: Interval;
  /** Range of x over which the effect line stays inside the outcome's domain (metafor's rule). */
  readonly lineRange: { readonly from: number; readonly to: number };
}

/**
 * L'Abbé plot data for a meta-analysis of 2×2 tables (L'Abbé, Detsky & O'Rourke, 1987, Ann
 * Intern Med 107:224; metafor's `labbe.rma`): each study's outcome in group 2 (x) against group 1
 * (y), both on the arm-level scale of the measure (log odds for OR, log risk for RR, risk for RD,
 * arcsine risk for AS), computed from the counts with `add` and `to` applied per arm as metafor
 * does. The line y = x marks no effect, y = x + μ̂ the pooled effect. Point sizes follow
 * 1/√(vₓ + v_y). Rows whose effect size cannot be computed are left out, as the fit left them.
 *
 * @param fit a `metaAnalysis` result of measure OR, RR, RD or AS
 * @param rows the rows the fit's effect sizes came from (same columns and zero-cell options)
 * @throws InputError when the fit's measure is not OR, RR, RD or AS, the rows cannot be read as
 *   2×2 tables (naming the row and field), or they do not give the fit's studies.
 * @example
 * const rows = [{ ai: 4, bi: 119, ci: 11, di: 128 }, { ai: 6, bi: 300, ci: 29, di: 274 }];
 * const fit = metaAnalysis(effectSizes('OR', rows), { method: 'EE' });
 * labbeData(fit, rows).points[0] // => { x: -2.4541, y: -3.3928, ... } (x = log(11/128), y = log(4/119): log odds in each arm)
 */
export function labbeData(fit: MetaAnalysisResult, rows: readonly object[], options: LabbeDataOptions = {}): LabbeData {
  return readResult(fit, 'metaAnalysis', 'fit', () => {
    checkOptions(options, LABBE_DATA_OPTION_KEYS);
    const measure = fit?.measure;
    if (measure === undefined || measure === null || !(measure in ARM_MEASURE)) {
      throw new InputError(`a L'Abbé plot needs a fit of 2×2 tables with measure OR, RR, RD or AS`, { field: 'fit.measure', value: measure ?? null, code: 'E_INVALID_CHOICE' });
    }
    const m = measure as LabbeMeasure;
    const armMeasure = ARM_MEASURE[m];
    const resolved = resolveTwoByTwoOptions({ columns: options.columns, label: options.label, add: options.add, to: options.to }, []);
    const tables = readTables(rows, resolved, "L'Abbé plot");
    const zeroCells = { add: options.add, to: options.to };
    const es = effectSizes(m, rows, { columns: options.columns, label: options.label, ...zeroCells });
    const used = es.yi.flatMap((y, i) => (Number.isFinite(y) && Number.isFinite(es.vi[i]!) ? [i] : []));
    checkSameStudies(fit, used.map((i) => es.yi[i]!));
    const arm = (events: Float64Array, others: Float64Array) =>
      effectSizes(armMeasure, used.map((i) => ({ xi: events[i]!, ni: events[i]! + others[i]! })), zeroCells);
    const treated = arm(tables.all.a, tables.all.b);
    const control = arm(tables.all.c, tables.all.d);
    const variance = used.map((_, j) => control.vi[j]! + treated.vi[j]!);
    const sizes = pointSizes(variance.map((v) => 1 / Math.sqrt(v)));
    const points = used.map((i, j) => Object.freeze({
      label: es.labels[i]!, x: control.yi[j]!, y: treated.yi[j]!, variance: variance[j]!, size: sizes[j]!,
    }));
    return Object.freeze({
      measure: m,
      armMeasure,
      points: Object.freeze(points),
      estimate: fit.estimate,
      ci: fit.ci,
      predictionInterval: fit.predictionInterval,
      lineRange: Object.freeze(lineRange(m, fit.estimate, points)),
    });
  });
}

function checkSameStudies(fit: MetaAnalysisResult, yi: readonly number[]): void {
  const same = yi.length === fit.yi.length && yi.every((y, i) => Math.abs(y - fit.yi[i]!) <= 1e-9 * Math.max(1, Math.abs(y)));
  if (!same) {
    throw new InputError(
      `the rows give ${yi.length} ${fit.measure} effect sizes that are not the fit's ${fit.yi.length}; pass the rows, columns and add/to the fit's effect sizes came from`,
      { field: 'rows', code: 'E_LENGTH_MISMATCH' },
    );
  }
}

/** metafor's `plim = c(0.5, 3.5)` scaling of the weights 1/√v. */
function pointSizes(w: readonly number[]): number[] {
  const lo = Math.min(...w);
  const range = Math.max(...w) - lo;
  return w.map((x) => (range <= Math.sqrt(Number.EPSILON) ? 1 : 0.5 + (3 * (x - lo)) / range));
}

/** Where y = x + μ̂ stays a valid outcome: risks in [0, 1], arcsine risks in [0, π/2], log risks ≤ 0. */
function lineRange(measure: LabbeMeasure, b: number, points: readonly LabbePoint[]): { from: number; to: number } {
  const values = points.flatMap((p) => [p.x, p.y]);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min;
  switch (measure) {
    case 'OR': return { from: min - span, to: max + span };
    case 'RR': return { from: min - span, to: Math.min(0, -b) };
    case 'RD': return { from: Math.max(0, -b), to: Math.min(1, 1 - b) };
    case 'AS': return { from: Math.max(0, -b), to: Math.min(Math.PI / 2, Math.PI / 2 - b) };
  }
}
