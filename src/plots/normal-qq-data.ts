import { CompensatedAccumulator } from '../numeric/compensated-sum.ts';
import { normalQuantile } from '../distributions/normal.ts';
import { seededNormals } from '../numeric/seeded-normals.ts';
import { standardizedResiduals } from '../diagnostics/standardized-residuals.ts';
import { readFitView } from '../models/read-fit.ts';
import { InputError, assertLevel, numberCode } from '../errors.ts';
import type { MetaAnalysisResult } from '../types.ts';
import { checkOptions, optionKeys } from '../check-options.ts';
import { readResult } from '../read-result.ts';

/**
 * Most simulated residuals of the envelope, reps × k (10⁸, 800 MB of doubles), so that a corrupt
 * `reps` (1e308) fails at once (`E_TOO_LARGE`) instead of exhausting memory.
 */
const MAX_ENVELOPE_DRAWS = 100_000_000;

/** Options of {@link normalQqData}. */
export interface NormalQqOptions {
  /** Coverage of the pseudo-confidence envelope; default the fit's level. */
  readonly level?: number;
  /** Simulated data sets for the envelope (metafor's `reps`); default 2000, at most 10⁸ / k. */
  readonly reps?: number;
  /** Seed of the simulation, so that the same call draws the same envelope; default 1. */
  readonly seed?: number;
}

/** The valid keys of {@link NormalQqOptions} (any other key is an `E_UNKNOWN_OPTION` error). */
export const NORMAL_QQ_OPTION_KEYS = optionKeys<NormalQqOptions>()('level', 'reps', 'seed');

/** One study in a normal Q–Q plot, in increasing order of its standardized residual. */
export interface QqPoint {
  readonly label: string;
  /** Theoretical standard normal quantile Φ⁻¹((i − a)/(k + 1 − 2a)). */
  readonly theoretical: number;
  /** Standardized residual (metafor's `rstandard(fit)$z`). */
  readonly residual: number;
}

/** The data a normal Q–Q plot of standardized residuals draws (metafor's `qqnorm.rma.uni`). */
export interface NormalQqData {
  readonly points: readonly QqPoint[];
  /** The envelope at the same theoretical quantiles (sorted), lower and upper bound. */
  readonly envelope: {
    readonly theoretical: readonly number[];
    readonly lower: readonly number[];
    readonly upper: readonly number[];
  };
  readonly level: number;
  readonly reps: number;
}

/**
 * Normal Q–Q plot data of the standardized residuals of an intercept-only model (metafor's
 * `qqnorm.rma.uni`; Wang & Bushman, 1998, Psychol Methods 3:46). The k residuals zᵢ
 * ({@link standardizedResiduals}) are sorted and set against the standard normal quantiles at
 * R's plotting positions (i − a)/(k + 1 − 2a), a = 3/8 for k ≤ 10 and 1/2 otherwise.
 *
 * The pseudo-confidence envelope is simulated as metafor does: `reps` vectors ε ~ N(0, I) give
 * residual vectors (I − H)ε, H = 1wᵀ/Σw the hat matrix of the weighted mean; each is sorted, and
 * the envelope at order i is the empirical (1 − level)/2 and (1 + level)/2 quantiles (R's type 7)
 * of the i-th sorted values. Deviation: metafor smooths the bounds with `supsmu`; here they are
 * not smoothed (2000 replicates by default rather than 1000 keep them steady). Work O(reps·k log k).
 *
 * @param fit a result of `metaAnalysis` with k ≥ 2 studies
 * @throws InputError when `fit` is not a `metaAnalysis` result or has k = 1, for a `level`
 *   outside (0, 1), or `reps` that is not an integer ≥ 10 (`E_TOO_LARGE` when reps × k > 10⁸).
 * @example
 * const fit = metaAnalysis({ yi: [0, 1, 2], vi: [1, 1, 1] }, { method: 'EE' });
 * normalQqData(fit).points.map((p) => p.theoretical) // => [-0.8694..., 0, 0.8694...] (Φ⁻¹((1 − 3/8)/3.25), …)
 */
export function normalQqData(fit: MetaAnalysisResult, options: NormalQqOptions = {}): NormalQqData {
  return readResult(fit, 'metaAnalysis', 'fit', () => {
    checkOptions(options, NORMAL_QQ_OPTION_KEYS);
    const f = readFitView(fit, 'normalQqData', 2);
    const level = options.level ?? f.level;
    assertLevel(level);
    const reps = options.reps ?? 2000;
    if (!Number.isInteger(reps) || reps < 10) throw new InputError('must be an integer of at least 10', { field: 'reps', value: reps, code: numberCode(reps) });
    if (reps * f.k > MAX_ENVELOPE_DRAWS) {
      throw new InputError(`${reps} replicates of ${f.k} studies are more than the ${MAX_ENVELOPE_DRAWS} draws the envelope holds; ask for fewer`, { field: 'reps', value: reps, code: 'E_TOO_LARGE' });
    }
    const seed = options.seed ?? 1;
    if (!Number.isInteger(seed)) throw new InputError('must be an integer', { field: 'seed', value: seed, code: numberCode(seed) });
    const residuals = standardizedResiduals(fit).map((r, i) => ({ label: r.label, z: r.z ?? 0, i }));
    residuals.sort((a, b) => a.z - b.z || a.i - b.i);
    const theoretical = plottingQuantiles(f.k);
    const points = residuals.map((r, i) => Object.freeze({ label: r.label, theoretical: theoretical[i]!, residual: r.z }));
    const bounds = simulatedEnvelope(f.vi, f.tau2, level, reps, seed);
    return Object.freeze({
      points: Object.freeze(points),
      envelope: Object.freeze({ theoretical: Object.freeze(theoretical), lower: Object.freeze(bounds.lower), upper: Object.freeze(bounds.upper) }),
      level,
      reps,
    });
  });
}

/** Standard normal quantiles at R's `ppoints(k)`. */
function plottingQuantiles(k: number): number[] {
  const a = k <= 10 ? 3 / 8 : 1 / 2;
  return Array.from({ length: k }, (_, i) => normalQuantile((i + 1 - a) / (k + 1 - 2 * a)));
}

function simulatedEnvelope(vi: Float64Array, tau2: number, level: number, reps: number, seed: number): { lower: number[]; upper: number[] } {
  const k = vi.length;
  const h = new Float64Array(k);
  const total = new CompensatedAccumulator();
  for (let i = 0; i < k; i++) total.add(1 / (vi[i]! + tau2));
  for (let i = 0; i < k; i++) h[i] = 1 / (vi[i]! + tau2) / total.value();
  const normal = seededNormals(seed);
  const draws = new Float64Array(k * reps); // draws[i * reps + r]: i-th smallest residual of replicate r
  const e = new Float64Array(k);
  for (let r = 0; r < reps; r++) {
    let fitted = 0;
    for (let i = 0; i < k; i++) {
      e[i] = normal();
      fitted += h[i]! * e[i]!;
    }
    for (let i = 0; i < k; i++) e[i] = e[i]! - fitted;
    e.sort();
    for (let i = 0; i < k; i++) draws[i * reps + r] = e[i]!;
  }
  const lower: number[] = [];
  const upper: number[] = [];
  for (let i = 0; i < k; i++) {
    const row = draws.subarray(i * reps, (i + 1) * reps).sort();
    lower.push(quantileType7(row, (1 - level) / 2));
    upper.push(quantileType7(row, (1 + level) / 2));
  }
  return { lower, upper };
}

/** R's default sample quantile (type 7) of sorted values. */
function quantileType7(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
