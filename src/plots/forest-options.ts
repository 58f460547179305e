import { TRANSFORMS, type TransformName } from '../effect-sizes/back-transform.ts';
import { InputError, assertOneOf, numberCode } from '../errors.ts';
import { positiveOption } from './positive-option.ts';
import { optionKeys } from '../check-options.ts';

/** An extra text column of a forest plot (year, n, events, …), one value per study. */
export interface ForestColumn {
  /** Column header. */
  readonly header: string;
  /** Values, index-aligned with the fit's studies (`fit.labels`). */
  readonly values?: ArrayLike<string | number | null | undefined>;
  /** Or: the key of each of `options.rows` to read. */
  readonly key?: string;
  /** Decimals for non-integer numbers (default: the plot's `digits`). */
  readonly digits?: number;
  /** Alignment (default: `end` when every value is a number, else `start`). */
  readonly align?: 'start' | 'end';
}

/** Options of `forestPlot`. Everything per study is index-aligned with `fit.labels`. */
export interface ForestPlotOptions {
  /** Display scale: `'auto'` (default) back-transforms log ratios to ratios, Fisher's z to r, …; `'none'` keeps the analysis scale. */
  readonly transform?: TransformName | 'auto';
  /** Sample sizes, needed only for the inverse Freeman–Tukey (`PFT`) display scale. */
  readonly n?: ArrayLike<number>;
  /** Axis limits on the display scale (e.g. `[0.1, 10]` for odds ratios); CIs past them get arrows. */
  readonly limits?: readonly [number, number];
  /** Extra columns between the label and the plot. */
  readonly columns?: readonly ForestColumn[];
  /** Rows to read `columns[].key` from, one per study. */
  readonly rows?: readonly Readonly<Record<string, unknown>>[];
  /** Subgroup of each study: studies are drawn in blocks, each with its own diamond, and the test for subgroup differences. */
  readonly groups?: readonly string[];
  /** Research group or cohort of each study (`null` when unknown); studies sharing one are marked with a letter and a colour. */
  readonly clusters?: readonly (string | null | undefined)[];
  /** Studies whose finding is not independently replicated, marked with †. */
  readonly notReplicated?: readonly boolean[];
  /** Decimals of estimates and CIs (default 2, more when the pooled CI is narrower than 0.1 on the display scale, at most 4). */
  readonly digits?: number;
  /** Font size in px (default 12). */
  readonly fontSize?: number;
  /** Total width in px; the plot area takes what the columns leave (default: the columns plus a plot area of 25 em). */
  readonly width?: number;
  /** Total height in px; rows (and, if needed, the font) shrink to fit (default: 1.5 em per row). */
  readonly height?: number;
  /** Widest label column in px before labels are truncated with … (default 20 em). */
  readonly labelWidth?: number;
  /** Title above the plot. */
  readonly title?: string;
  /** Axis title (default: the display scale, e.g. "Risk Ratio (log scale)"). */
  readonly axisTitle?: string;
  /** Header of the label column (default "Study"). */
  readonly labelHeader?: string;
  /** Show the weight column (default true). */
  readonly showWeights?: boolean;
  /** Draw the prediction interval (default true for random-effects models with k ≥ 2). */
  readonly predictionInterval?: boolean;
  /** Reference line on the display scale (default: no effect, 0 or 1; none for single-group measures); `null` for none. */
  readonly referenceLine?: number | null;
}

/** The valid keys of {@link ForestPlotOptions} (any other key is an `E_UNKNOWN_OPTION` error). */
export const FOREST_PLOT_OPTION_KEYS = optionKeys<ForestPlotOptions>()('transform', 'n', 'limits', 'columns', 'rows', 'groups', 'clusters', 'notReplicated', 'digits', 'fontSize', 'width', 'height', 'labelWidth', 'title', 'axisTitle', 'labelHeader', 'showWeights', 'predictionInterval', 'referenceLine');

/** Options with every default filled in. */
export interface ResolvedForestOptions {
  readonly transform: TransformName | 'auto';
  readonly n: ArrayLike<number> | undefined;
  readonly limits: readonly [number, number] | null;
  readonly columns: readonly ForestColumn[];
  readonly rows: readonly Readonly<Record<string, unknown>>[] | undefined;
  readonly groups: readonly string[] | null;
  readonly clusters: readonly (string | null | undefined)[] | null;
  readonly notReplicated: readonly boolean[] | null;
  readonly digits: number | null;
  readonly fontSize: number;
  readonly width: number | null;
  readonly height: number | null;
  readonly labelWidth: number;
  readonly title: string | null;
  readonly axisTitle: string | null;
  readonly labelHeader: string;
  readonly showWeights: boolean;
  readonly predictionInterval: boolean | null;
  readonly referenceLine: number | null | undefined;
}

/**
 * Validates the options of `forestPlot` against the number of studies `k` and fills in defaults.
 *
 * @throws {InputError} naming the option (and the study) for a wrong length, a bad number or limits.
 * @example
 * resolveForestOptions({}, 13).fontSize; // => 12
 */
export function resolveForestOptions(options: ForestPlotOptions, k: number): ResolvedForestOptions {
  if (options.transform !== undefined && options.transform !== 'auto') assertOneOf(options.transform, TRANSFORMS, 'transform');
  const fontSize = positiveOption(options.fontSize, 'fontSize', 12);
  for (const [name, arr] of [['groups', options.groups], ['clusters', options.clusters], ['notReplicated', options.notReplicated], ['rows', options.rows]] as const) {
    if (arr !== undefined) sameLength(arr, k, name);
  }
  options.groups?.forEach((g, i) => {
    if (typeof g !== 'string' || g === '') throw new InputError('every study needs a subgroup label', { field: 'groups', row: i + 1, value: g, code: 'E_MISSING_VALUE' });
  });
  (options.columns ?? []).forEach((c, j) => checkColumn(c, j, k, options.rows));
  const limits = options.limits ?? null;
  if (limits !== null && !(Number.isFinite(limits[0]) && Number.isFinite(limits[1]) && limits[0] < limits[1])) {
    throw new InputError('must be two finite numbers, low < high, on the display scale', { field: 'limits', value: limits, code: numberCode(limits) });
  }
  const digits = options.digits ?? null;
  if (digits !== null && (!Number.isInteger(digits) || digits < 0 || digits > 10)) throw new InputError('must be an integer from 0 to 10', { field: 'digits', value: digits, code: numberCode(digits) });
  return {
    transform: options.transform ?? 'auto',
    n: options.n,
    limits,
    columns: options.columns ?? [],
    rows: options.rows,
    groups: options.groups ?? null,
    clusters: options.clusters ?? null,
    notReplicated: options.notReplicated ?? null,
    digits,
    fontSize,
    width: options.width === undefined ? null : positiveOption(options.width, 'width', 0),
    height: options.height === undefined ? null : positiveOption(options.height, 'height', 0),
    labelWidth: positiveOption(options.labelWidth, 'labelWidth', 20 * fontSize),
    title: options.title ?? null,
    axisTitle: options.axisTitle ?? null,
    labelHeader: options.labelHeader ?? 'Study',
    showWeights: options.showWeights ?? true,
    predictionInterval: options.predictionInterval ?? null,
    referenceLine: options.referenceLine,
  };
}


function sameLength(arr: ArrayLike<unknown>, k: number, field: string): void {
  if (arr === null || typeof arr !== 'object' || arr.length !== k) {
    throw new InputError(`must have one entry per study in the fit (fit.labels: ${k}), got ${arr?.length ?? 'none'}`, { field, code: 'E_LENGTH_MISMATCH' });
  }
}

function checkColumn(c: ForestColumn, j: number, k: number, rows: ForestPlotOptions['rows']): void {
  const field = `columns[${j}]`;
  if (typeof c?.header !== 'string') throw new InputError('needs a header (string)', { field, value: c, code: 'E_INVALID_TYPE' });
  if (c.values !== undefined) return sameLength(c.values, k, `${field}.values`);
  if (c.key === undefined) throw new InputError('needs values or a key', { field, value: c, code: 'E_MISSING_VALUE' });
  if (rows === undefined) throw new InputError(`key "${c.key}" needs options.rows`, { field, code: 'E_MISSING_COLUMN' });
}
