import { ticks as linearTicks } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { backTransform, type BackTransform } from '../effect-sizes/back-transform.ts';
import { InputError, numberCode } from '../errors.ts';
import { textWidth } from './font-metrics.ts';
import { invertTransform } from './invert-transform.ts';
import { checkOptions, optionKeys } from '../check-options.ts';

/** One tick of an axis: where it sits (analysis scale) and what it says (display scale). */
export interface AxisTick {
  /** Position on the analysis scale (e.g. the log odds ratio). */
  readonly value: number;
  /** The value shown (e.g. the odds ratio). */
  readonly display: number;
  readonly label: string;
}

/** A horizontal or vertical axis: a linear map from the analysis scale to pixels, with ticks. */
export interface AxisScale {
  /** Domain on the analysis scale, `[low, high]`. */
  readonly domain: readonly [number, number];
  /** Pixel range, `[at low, at high]` (may be reversed for vertical axes). */
  readonly range: readonly [number, number];
  readonly transform: BackTransform;
  readonly ticks: readonly AxisTick[];
  /** Analysis-scale value to pixels (linear; not clamped). */
  readonly position: (x: number) => number;
  /** Whether an analysis-scale value lies within the domain. */
  readonly contains: (x: number) => boolean;
}

/** Options of {@link axisScale}. */
export interface AxisScaleOptions {
  /** Domain on the analysis scale. */
  readonly domain: readonly [number, number];
  /** Pixel range. */
  readonly range: readonly [number, number];
  /** Display transform (default: none). Ticks are chosen to be round on the display scale. */
  readonly transform?: BackTransform;
  /** Extend the domain to round display values (default true). */
  readonly nice?: boolean;
  /** Font size of the tick labels, for the no-overlap check (default 12). */
  readonly fontSize?: number;
  /** At most this many ticks (default 10). */
  readonly maxTicks?: number;
  /** A vertical axis: labels are checked for collisions by their height, not their width (default false). */
  readonly vertical?: boolean;
}

/** The valid keys of {@link AxisScaleOptions} (any other key is an `E_UNKNOWN_OPTION` error). */
export const AXIS_SCALE_OPTION_KEYS = optionKeys<AxisScaleOptions>()('domain', 'range', 'transform', 'nice', 'fontSize', 'maxTicks', 'vertical');

/**
 * A linear position scale (d3-scale) on the analysis scale whose ticks are round numbers on the
 * display scale, as a reader of a forest plot expects: odds ratios 0.1, 0.2, 0.5, 1, 2, 5 on a
 * log axis (metafor's `atransf = exp` with round `at`), correlations 0, 0.2, 0.4 for Fisher's z.
 * Tick candidates come from d3-array's `ticks` (1-2-5 steps); among them the densest set whose
 * labels do not collide (gap ≥ 0.6 em) is kept. Tick labels share one number of decimals on
 * linear axes; log-ratio axes print each tick with the decimals it needs (0.05, 0.2, 1, 10).
 *
 * @throws {InputError} for a domain that is not finite or has low ≥ high.
 * @example
 * axisScale({ domain: [Math.log(0.2), Math.log(5)], range: [0, 300], transform: backTransform('OR') })
 *   .ticks.map((t) => t.label); // => ['0.2', '0.5', '1', '2', '5']
 */
export function axisScale(options: AxisScaleOptions): AxisScale {
  checkOptions(options ?? null, AXIS_SCALE_OPTION_KEYS);
  const transform = options.transform ?? backTransform(null, 'none');
  let [lo, hi] = options.domain;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) {
    throw new InputError('must be two finite numbers, low < high', { field: 'domain', value: options.domain, code: numberCode(options.domain) });
  }
  if (options.nice ?? true) [lo, hi] = niceDomain(lo, hi, transform);
  const scale = scaleLinear().domain([lo, hi]).range([options.range[0], options.range[1]]);
  const position = (x: number): number => scale(x);
  const fontSize = options.fontSize ?? 12;
  const extent = options.vertical ? () => fontSize : (label: string) => textWidth(label, { fontSize });
  const ticks = chooseTicks(lo, hi, transform, position, extent, fontSize, options.maxTicks ?? 10);
  const domain = [lo, hi] as const;
  return Object.freeze({
    domain, range: [options.range[0], options.range[1]] as const, transform, ticks: Object.freeze(ticks), position,
    contains: (x: number) => x >= lo - 1e-9 * (hi - lo) && x <= hi + 1e-9 * (hi - lo),
  });
}

/** Round display values 1, 2, 5 × 10^k, in increasing order, covering [a, b] (a > 0). */
function oneTwoFive(a: number, b: number, multipliers: readonly number[]): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(a)) - 1; e <= Math.ceil(Math.log10(b)) + 1; e++) {
    for (const m of multipliers) {
      const v = Number((m * 10 ** e).toPrecision(12));
      if (v >= a * (1 - 1e-12) && v <= b * (1 + 1e-12)) out.push(v);
    }
  }
  return out;
}

function niceDomain(lo: number, hi: number, t: BackTransform): [number, number] {
  if (t.name === 'none') {
    const [a, b] = scaleLinear().domain([lo, hi]).nice(6).domain() as [number, number];
    return [a, b];
  }
  const a = t.apply(lo);
  const b = t.apply(hi);
  if (t.name === 'exp') {
    const steps = oneTwoFive(a / 100, b * 100, [1, 2, 5]);
    const low = steps.filter((v) => v <= a * (1 + 1e-12)).at(-1) ?? a;
    const high = steps.find((v) => v >= b * (1 - 1e-12)) ?? b;
    return [Math.log(low), Math.log(high)];
  }
  const [na, nb] = scaleLinear().domain([a, b]).nice(6).domain() as [number, number];
  const low = invertTransform(t, na);
  const high = invertTransform(t, nb);
  return [Number.isFinite(low) && low <= lo ? low : lo, Number.isFinite(high) && high >= hi ? high : hi];
}

function decimalsFor(step: number): number {
  return Math.max(0, Math.min(10, -Math.floor(Math.log10(step) + 1e-9)));
}

function linearCandidate(a: number, b: number, count: number): { values: number[]; digits: number } {
  const values = linearTicks(a, b, count);
  const step = values.length > 1 ? values[1]! - values[0]! : Math.abs(b - a) || 1;
  return { values, digits: decimalsFor(step) };
}

function chooseTicks(
  lo: number, hi: number, t: BackTransform, position: (x: number) => number,
  extent: (label: string) => number, fontSize: number, maxTicks: number,
): AxisTick[] {
  // widen by a hair so that round bounds survive the round trip through the transform (tanh(atanh(-0.4)))
  const eps = 1e-9 * Math.abs(t.apply(hi) - t.apply(lo));
  const a = t.apply(lo) - eps;
  const b = t.apply(hi) + eps;
  const candidates: AxisTick[][] = [];
  if (t.name === 'exp') {
    for (const m of [[1, 2, 5], [1, 3], [1]]) candidates.push(oneTwoFive(a, b, m).map((v) => tick(t, v, labelDigits(v))));
  }
  for (let count = maxTicks; count >= 2; count--) {
    const { values, digits } = linearCandidate(a, b, count);
    candidates.push(values.map((v) => tick(t, v, digits)));
  }
  const usable = candidates
    .map((c) => c.filter((k) => Number.isFinite(k.value)))
    .filter((c) => c.length >= 2 && c.length <= maxTicks && labelsFit(c, position, extent, 0.6 * fontSize));
  const preferred = usable.find((c) => c.length >= 3) ?? usable[0];
  return preferred ?? [tick(t, t.apply(lo), 2), tick(t, t.apply(hi), 2)].filter((k) => Number.isFinite(k.value));
}

function labelDigits(v: number): number {
  for (let d = 0; d < 10; d++) if (Math.abs(Number(v.toFixed(d)) - v) <= 1e-9 * Math.abs(v)) return d;
  return 10;
}

function tick(t: BackTransform, display: number, digits: number): AxisTick {
  const label = display.toFixed(digits);
  return { value: invertTransform(t, display), display, label: /^-0\.?0*$/.test(label) ? label.slice(1) : label };
}

function labelsFit(
  ticks: readonly AxisTick[], position: (x: number) => number, extent: (label: string) => number, gap: number,
): boolean {
  const boxes = ticks
    .map((k) => ({ x: position(k.value), w: extent(k.label) }))
    .sort((p, q) => p.x - q.x);
  for (let i = 1; i < boxes.length; i++) {
    const p = boxes[i - 1]!;
    const q = boxes[i]!;
    if (q.x - q.w / 2 - (p.x + p.w / 2) < gap) return false;
  }
  return true;
}
