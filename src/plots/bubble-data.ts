import { CompensatedAccumulator } from '../numeric/compensated-sum.ts';
import { normalQuantile } from '../distributions/normal.ts';
import { studentTQuantile } from '../distributions/student-t.ts';
import { InputError, assertLevel, numberCode } from '../errors.ts';
import type { MetaRegressionResult } from '../models/regression/meta-regression.ts';
import { checkOptions, optionKeys } from '../check-options.ts';
import { readResult } from '../read-result.ts';

/** Most points along the fitted line (a corrupt `steps` of 1e9 would exhaust memory): 100 000. */
const MAX_STEPS = 100_000;

/** Options of {@link bubbleData}. */
export interface BubbleDataOptions {
  /** The moderator on the x axis; default the only moderator (required when there are several). */
  readonly moderator?: string;
  /** Level of the confidence and prediction bands; default the fit's level. */
  readonly level?: number;
  /** Number of points along the fitted line; default 101, at most {@link MAX_STEPS} (100 000). */
  readonly steps?: number;
  /** Moderator values at which to evaluate the line instead of the default grid (metafor's `xvals`). */
  readonly at?: readonly number[];
}

/** The valid keys of {@link BubbleDataOptions} (any other key is an `E_UNKNOWN_OPTION` error). */
export const BUBBLE_DATA_OPTION_KEYS = optionKeys<BubbleDataOptions>()('moderator', 'level', 'steps', 'at');

/** One study in a bubble plot. */
export interface BubblePoint {
  readonly label: string;
  /** Moderator value. */
  readonly x: number;
  /** Observed effect yᵢ (analysis scale). */
  readonly y: number;
  /** Weight in percent, 100·wᵢ/Σwⱼ with wᵢ = 1/(vᵢ + τ̂²). */
  readonly weight: number;
  /** metafor's relative point size (`psize`): √weight mapped linearly onto [0.5, 3]. */
  readonly size: number;
}

/** The fitted line and its bands at `x`, other moderators held at their means. */
export interface BubbleLine {
  readonly x: readonly number[];
  readonly fitted: readonly number[];
  readonly ciLower: readonly number[];
  readonly ciUpper: readonly number[];
  readonly piLower: readonly number[];
  readonly piUpper: readonly number[];
}

/** The numbers a bubble plot of a meta-regression draws (metafor's `regplot`). */
export interface BubbleData {
  readonly moderator: string;
  readonly points: readonly BubblePoint[];
  readonly line: BubbleLine;
  /** Values at which the other moderators are held (their means over the studies). */
  readonly heldAt: Readonly<Record<string, number>>;
  readonly level: number;
}

/**
 * Bubble-plot data of a meta-regression (metafor's `regplot.rma`; Thompson & Higgins, 2002, Stat
 * Med 21:1559): the studies at (moderator xᵢ, effect yᵢ) with a size growing with √wᵢ (metafor's
 * `psize`: linear from 0.5 for the smallest weight to 3 for the largest, all 1 when equal), and
 * the fitted line over the moderator's range widened by 4% on each side,
 *
 *   ŷ(x) = x̃ᵀβ̂,  CI = ŷ ± c·√(x̃ᵀΣx̃),  PI = ŷ ± c·√(x̃ᵀΣx̃ + τ̂²),
 *
 * where x̃ holds the intercept, x for the plotted moderator and the means of the others, Σ is the
 * coefficients' covariance and c the normal (test `z`) or t(k − p) quantile (`t`, `knha`), as
 * metafor's `predict`. Everything is on the analysis scale. O(k·p + steps·p²).
 *
 * @throws InputError when `fit` is not a `metaRegression` result, `moderator` is not one of its
 *   moderators (or is missing with several), `level` is outside (0, 1), `steps` < 2 (or above
 *   100 000: `E_TOO_LARGE`), or `at` holds
 *   a value that is not a finite number.
 * @example
 * const fit = metaRegression({ yi: [0, 2, 1, 5], vi: [1, 1, 1, 1] }, { moderators: { x: [0, 1, 2, 3] } });
 * const d = bubbleData(fit, { steps: 2 });
 * d.line.x      // => [-0.12, 3.12]
 * d.line.fitted // => [-0.268, 4.268] (β₀ + β₁x at both ends, β = [-0.1, 1.4], the least-squares line for equal vᵢ)
 */
export function bubbleData(fit: MetaRegressionResult, options: BubbleDataOptions = {}): BubbleData {
  return readResult(fit, 'metaRegression', 'fit', () => {
    checkOptions(options, BUBBLE_DATA_OPTION_KEYS);
    const names = readRegression(fit);
    const moderator = options.moderator ?? (names.length === 1 ? names[0]! : undefined);
    if (moderator === undefined) {
      throw new InputError(`the model has ${names.length} moderators; choose the one on the x axis (${names.join(', ')})`, { field: 'moderator', code: 'E_INVALID_CHOICE' });
    }
    if (!names.includes(moderator)) {
      throw new InputError(`is not a moderator of the model; choose one of ${names.join(', ')}`, { field: 'moderator', value: moderator, code: 'E_INVALID_CHOICE' });
    }
    const level = options.level ?? fit.level;
    assertLevel(level);
    const steps = options.steps ?? 101;
    if (!Number.isInteger(steps) || steps < 2) throw new InputError('must be an integer of at least 2', { field: 'steps', value: steps, code: numberCode(steps) });
    if (steps > MAX_STEPS) throw new InputError(`must be at most ${MAX_STEPS}`, { field: 'steps', value: steps, code: 'E_TOO_LARGE' });

    const xs = fit.moderators[moderator]!;
    const heldAt = Object.fromEntries(names.filter((n) => n !== moderator).map((n) => [n, mean(fit.moderators[n]!)]));
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    const grid = options.at === undefined
      ? Array.from({ length: steps }, (_, i) => lo - 0.04 * (hi - lo) + (i / (steps - 1)) * 1.08 * (hi - lo))
      : checkedValues(options.at);
    const crit = fit.test === 'z' || fit.df === null ? normalQuantile((1 + level) / 2) : studentTQuantile((1 + level) / 2, fit.df);
    const line = { x: grid, fitted: [] as number[], ciLower: [] as number[], ciUpper: [] as number[], piLower: [] as number[], piUpper: [] as number[] };
    for (const x of grid) {
      const row = [1, ...names.map((n) => (n === moderator ? x : heldAt[n]!))];
      const pred = row.reduce((s, v, j) => s + v * fit.coefficients[j]!.estimate, 0);
      const variance = quadraticForm(row, fit.covariance);
      const ci = crit * Math.sqrt(variance);
      const pi = crit * Math.sqrt(variance + fit.tau2);
      line.fitted.push(pred);
      line.ciLower.push(pred - ci);
      line.ciUpper.push(pred + ci);
      line.piLower.push(pred - pi);
      line.piUpper.push(pred + pi);
    }
    return Object.freeze({
      moderator,
      points: Object.freeze(bubblePoints(fit, xs)),
      line: Object.freeze(Object.fromEntries(Object.entries(line).map(([k, v]) => [k, Object.freeze(v)])) as unknown as BubbleLine),
      heldAt: Object.freeze(heldAt),
      level,
    });
  });
}

function checkedValues(at: unknown): number[] {
  if (!Array.isArray(at) || at.length === 0) throw new InputError('must be a non-empty array of moderator values', { field: 'at', value: at, code: 'E_INVALID_TYPE' });
  at.forEach((x, i) => {
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new InputError('must be a finite number', { field: 'at', row: i + 1, value: x, code: numberCode(x) });
  });
  return [...(at as number[])];
}

function readRegression(fit: unknown): string[] {
  const f = fit as Partial<MetaRegressionResult> | null;
  if (f === null || typeof f !== 'object' || !Array.isArray(f.coefficients) || f.moderators === undefined || !Array.isArray(f.yi)) {
    throw new InputError('needs a fitted meta-regression (the result of metaRegression)', { field: 'fit', code: 'E_INVALID_RESULT' });
  }
  return f.coefficients.slice(1).map((c) => c.name);
}

function bubblePoints(fit: MetaRegressionResult, xs: readonly number[]): BubblePoint[] {
  const w = fit.vi.map((v) => 1 / (v + fit.tau2));
  const total = new CompensatedAccumulator();
  for (const wi of w) total.add(wi);
  const weights = w.map((wi) => (100 * wi) / total.value());
  const root = weights.map(Math.sqrt);
  const lo = Math.min(...root);
  const range = Math.max(...root) - lo;
  return fit.yi.map((y, i) => Object.freeze({
    label: fit.labels[i]!,
    x: xs[i]!,
    y,
    weight: weights[i]!,
    size: range <= Math.sqrt(Number.EPSILON) ? 1 : 0.5 + (2.5 * (root[i]! - lo)) / range,
  }));
}

function quadraticForm(x: readonly number[], m: readonly (readonly number[])[]): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) for (let j = 0; j < x.length; j++) s += x[i]! * m[i]![j]! * x[j]!;
  return s;
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
