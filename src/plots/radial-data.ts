import { normalQuantile } from '../distributions/normal.ts';
import { readFitView } from '../models/read-fit.ts';
import { assertLevel } from '../errors.ts';
import type { Interval, MetaAnalysisResult } from '../types.ts';
import { checkOptions } from '../check-options.ts';
import { readResult } from '../read-result.ts';

/** One study in a radial (Galbraith) plot. */
export interface RadialPoint {
  readonly label: string;
  /** Precision xᵢ = 1/√(vᵢ + τ̂²). */
  readonly x: number;
  /** Standardized effect zᵢ = yᵢ/√(vᵢ + τ̂²); the slope of the ray from the origin is yᵢ. */
  readonly z: number;
}

/** The numbers a radial plot draws (metafor's `radial.rma`). */
export interface RadialData {
  readonly points: readonly RadialPoint[];
  /** Pooled estimate μ̂: the slope of the line through the origin. */
  readonly estimate: number;
  /** Its confidence interval (the short arc beside the effect-size arc). */
  readonly ci: Interval;
  /** z_{1−α/2}: the band z = μ̂x ± z_crit around the line holds ~(level) of the points under the model. */
  readonly zCrit: number;
  readonly level: number;
  /** Right end of the x axis: 1.3·max xᵢ (metafor's default). */
  readonly xMax: number;
  /** τ̂² used in the weights (0 for EE). */
  readonly tau2: number;
  /** Whether the model is the equal-effects model (then xᵢ = 1/√vᵢ). */
  readonly equalEffects: boolean;
}

/**
 * Radial (Galbraith) plot data of an intercept-only model (Galbraith, 1988, Stat Med 7:889;
 * Galbraith, 1994, JASA 89:1232; metafor's `radial.rma`): each study at
 *
 *   xᵢ = 1/√(vᵢ + τ̂²),  zᵢ = yᵢ/√(vᵢ + τ̂²),
 *
 * so that the ray from the origin through a point has slope yᵢ (its effect size, read off an arc
 * on the right) and the pooled estimate μ̂ = Σxᵢzᵢ/Σxᵢ² is the slope of the least-squares line
 * through the origin. The band z = μ̂x ± z_{1−α/2} marks where points fall when the model holds.
 * O(k).
 *
 * @param fit a result of `metaAnalysis`
 * @param options.level level of the band; default the fit's level (the CI is the fit's own)
 * @throws InputError when `fit` is not a `metaAnalysis` result or `level` is outside (0, 1)
 * @example
 * const fit = metaAnalysis({ yi: [0.2, 0.4], vi: [0.04, 0.01] }, { method: 'EE' });
 * radialData(fit).points.map((p) => [p.x, p.z]) // => [[5, 1], [10, 4]] (x = 1/√vᵢ, z = yᵢ/√vᵢ)
 * fit.estimate // => 0.36 (the slope through the origin: (5·1 + 10·4)/(25 + 100))
 */
export function radialData(fit: MetaAnalysisResult, options: { readonly level?: number } = {}): RadialData {
  return readResult(fit, 'metaAnalysis', 'fit', () => {
    checkOptions(options, ['level']);
    const f = readFitView(fit, 'radialData', 1);
    const level = options.level ?? f.level;
    assertLevel(level);
    const points = Array.from({ length: f.k }, (_, i) => {
      const s = Math.sqrt(f.vi[i]! + f.tau2);
      return Object.freeze({ label: f.labels[i]!, x: 1 / s, z: f.yi[i]! / s });
    });
    const maxX = points.reduce((m, p) => Math.max(m, p.x), 0);
    return Object.freeze({
      points: Object.freeze(points),
      estimate: f.estimate,
      ci: fit.ci,
      zCrit: normalQuantile((1 + level) / 2),
      level,
      xMax: 1.3 * maxX,
      tau2: f.tau2,
      equalEffects: f.method === 'EE',
    });
  });
}
