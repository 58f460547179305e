import type { BackTransform } from '../effect-sizes/back-transform.ts';
import type { ForestRow } from './forest-rows.ts';
import { invertTransform } from './invert-transform.ts';

/**
 * The axis domain of a forest plot on the analysis scale. The core is what a reader must see:
 * the point estimates (except those of studies more than 10 times less precise than the median
 * study), the summary intervals, the prediction interval and the reference line.
 * Study CIs widen it, but at most by the core's width on each side, so one study with a huge
 * variance does not squash the others; CIs past the limits get arrows. Explicit `limits` (display
 * scale) win.
 */
export function forestDomain(
  rows: readonly ForestRow[], transform: BackTransform, reference: number | null, limits: readonly [number, number] | null,
): [number, number] {
  if (limits) {
    const lo = invertTransform(transform, limits[0]);
    const hi = invertTransform(transform, limits[1]);
    if (Number.isFinite(lo) && Number.isFinite(hi) && lo < hi) return [lo, hi];
  }
  const core: number[] = reference === null ? [] : [reference];
  const wide: number[] = [];
  const studies = rows.filter((r) => r.kind === 'study');
  const halfWidths = studies.map((r) => (r.upper - r.lower) / 2).sort((a, b) => a - b);
  const typical = halfWidths[Math.floor((halfWidths.length - 1) / 2)] ?? 0;
  for (const r of rows) {
    if (r.kind === 'study') {
      // a study 10 times less precise than the median one does not stretch the axis
      if ((r.upper - r.lower) / 2 <= 10 * typical) core.push(r.estimate);
      wide.push(r.lower, r.upper);
    } else if (r.kind === 'summary' || r.kind === 'prediction') {
      core.push(r.lower, r.upper);
    }
  }
  const finite = (xs: number[]) => xs.filter(Number.isFinite);
  const c = finite(core);
  let lo = Math.min(...c);
  let hi = Math.max(...c);
  const span = hi - lo > 0 ? hi - lo : Math.max(Math.abs(lo), 1) * 0.5;
  if (hi - lo <= 0) [lo, hi] = [lo - span / 2, hi + span / 2];
  const w = finite(wide);
  lo = Math.max(Math.min(lo, ...w), lo - span);
  hi = Math.min(Math.max(hi, ...w), hi + span);
  return clampToTransform([lo, hi], transform);
}

/** Keeps a domain inside where the display transform is informative (e.g. |z| ≤ 3.8, r ≈ ±0.999). */
function clampToTransform([lo, hi]: [number, number], t: BackTransform): [number, number] {
  const bound = t.name === 'tanh' || t.name === 'ztor2' ? 3.8 : t.name === 'ilogit' || t.name === 'iprobit' ? 9 : t.name === 'exp' || t.name === 'iabt' ? 25 : Infinity;
  const low = t.name === 'iarcsin' || t.name === 'ipft' || t.name === 'ztor2' || t.name === 'iahw' || t.name === 'iabt' || t.name === 'isqrt' || t.name === 'iirft' ? 0 : -bound;
  const high = t.name === 'iarcsin' || t.name === 'ipft' ? Math.PI / 2 : t.name === 'iahw' ? 1 : bound;
  const a = Math.max(lo, low);
  const b = Math.min(hi, high);
  return a < b ? [a, b] : [lo, hi];
}
