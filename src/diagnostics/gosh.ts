import { checkOptions } from '../check-options.ts';
import { InputError } from '../errors.ts';
import { fitIntercept } from '../models/engine/fit-intercept.ts';
import { readFit } from '../models/read-fit.ts';
import { DEFAULT_TAU2_CONTROL } from '../models/tau2/tau2-fit.ts';
import { seededUniforms } from '../numeric/seeded-normals.ts';
import type { MetaAnalysisResult, Tau2Method } from '../types.ts';
import { readResult } from '../read-result.ts';

/** Options of {@link gosh}. */
export interface GoshOptions {
  /**
   * Most subsets fitted (default 10⁴, at most {@link MAX_GOSH_SUBSETS} and at most 10⁹ / k);
   * when 2ᵏ − 1 is not larger, every subset is fitted.
   */
  readonly subsets?: number;
  /** Seed of the random subsets (default 1). */
  readonly seed?: number;
}

/**
 * Most subsets {@link gosh} fits (ten million, ten times metafor's default of 10⁶), so that a
 * corrupt count (1e308) fails at once (`E_TOO_LARGE`) instead of running without end.
 */
export const MAX_GOSH_SUBSETS = 10_000_000;

/** Most cells of the subsets × k membership table (one byte each: 1 GB). */
const MAX_GOSH_CELLS = 1_000_000_000;

/**
 * GOSH results (metafor's `gosh.rma`): for subset s, the studies it holds and the fit's
 * estimate, I², τ² and Q; NaN where the engine refuses a subset (e.g. a zero variance).
 * `JSON.stringify` writes the columns as arrays.
 */
export interface GoshResult {
  readonly k: number;
  readonly method: Tau2Method;
  /** Number of subsets fitted. */
  readonly subsets: number;
  /** true when every non-empty subset was fitted, false for a random sample of them. */
  readonly exhaustive: boolean;
  readonly seed: number;
  readonly estimate: Float64Array;
  readonly i2: Float64Array;
  readonly tau2: Float64Array;
  readonly q: Float64Array;
  /** Studies in each subset. */
  readonly size: Float64Array;
  /** Subset s holds study i when included[s·k + i] = 1 (row-major subsets × k). */
  readonly included: Uint8Array;
}

/**
 * Graphical display of study heterogeneity (GOSH; Olkin, Dahabreh & Trikalinos, 2012, Res
 * Synth Methods 3:214), metafor's `gosh()`: the model is refitted, with the fit's τ² method,
 * to subsets of the studies, and each subset's estimate and I² are kept, for a scatter of I²
 * against the estimate in which clusters point to influential studies. With 2ᵏ − 1 ≤ `subsets`
 * every non-empty subset is fitted; otherwise `subsets` random ones, each study in a subset with
 * probability ½ (empty subsets redrawn), from a seeded generator. Each fit is the engine's
 * intercept-only fit (no Q-profile), O(size) per iteration of the estimator.
 *
 * @param fit  a `metaAnalysis` result
 * @param options `{ subsets = 10⁴, seed = 1 }`
 * @throws InputError when `fit` is not a metaAnalysis result or an option is not a positive
 *   integer; `E_TOO_LARGE` for more than {@link MAX_GOSH_SUBSETS} subsets or subsets × k above 10⁹.
 * @example
 * const g = gosh(metaAnalysis({ yi: [0.1, 0.3, 0.5], vi: [0.01, 0.02, 0.015] }, { method: 'DL' }));
 * g.subsets // => 7  (every non-empty subset of 3 studies)
 * g.estimate[6] // => 0.2921644901 (all three studies: metafor 5.1 rma(method = "DL") 0.292164490136149)
 */
export function gosh(fit: MetaAnalysisResult, options: GoshOptions = {}): GoshResult {
  return readResult(fit, 'metaAnalysis', 'fit', () => {
    const o = checkOptions<GoshOptions>(options, ['subsets', 'seed']);
    const f = readFit(fit, 'gosh', { minK: 2 });
    const wanted = o.subsets ?? 10_000;
    const seed = o.seed ?? 1;
    if (!(Number.isInteger(wanted) && wanted >= 1)) throw new InputError('must be a positive integer', { field: 'subsets', value: wanted });
    if (wanted > MAX_GOSH_SUBSETS) throw new InputError(`must be at most ${MAX_GOSH_SUBSETS}`, { field: 'subsets', value: wanted, code: 'E_TOO_LARGE' });
    if (!Number.isInteger(seed)) throw new InputError('must be an integer', { field: 'seed', value: seed });
    const k = f.k;
    const all = 2 ** k - 1;
    const exhaustive = all <= wanted;
    const m = exhaustive ? all : wanted;
    if (m * k > MAX_GOSH_CELLS) {
      throw new InputError(`${m} subsets of ${k} studies are ${m * k} cells, more than the ${MAX_GOSH_CELLS} gosh keeps; ask for fewer subsets`, { field: 'subsets', value: wanted, code: 'E_TOO_LARGE' });
    }
    const included = new Uint8Array(m * k);
    const u = seededUniforms(seed);
    for (let s = 0; s < m; s++) {
      const row = s * k;
      if (exhaustive) {
        for (let i = 0; i < k; i++) included[row + i] = Math.floor((s + 1) / 2 ** i) % 2;
      } else {
        let n = 0;
        while (n === 0) for (let i = 0; i < k; i++) n += included[row + i] = u() < 0.5 ? 1 : 0;
      }
    }
    const estimate = new Float64Array(m).fill(NaN);
    const i2 = new Float64Array(m).fill(NaN);
    const tau2 = new Float64Array(m).fill(NaN);
    const q = new Float64Array(m).fill(NaN);
    const size = new Float64Array(m);
    const y = new Float64Array(k);
    const v = new Float64Array(k);
    for (let s = 0; s < m; s++) {
      let n = 0;
      for (let i = 0; i < k; i++) {
        if (included[s * k + i] === 1) {
          y[n] = f.yi[i]!;
          v[n++] = f.vi[i]!;
        }
      }
      size[s] = n;
      const r = fitIntercept(y.subarray(0, n), v.subarray(0, n), f.method, f.test, f.level, DEFAULT_TAU2_CONTROL);
      if (!r.ok) continue;
      estimate[s] = r.estimate;
      i2[s] = r.i2;
      tau2[s] = r.tau2;
      q[s] = r.q;
    }
    const result = { k, method: f.method, subsets: m, exhaustive, seed, estimate, i2, tau2, q, size, included };
    Object.defineProperty(result, 'toJSON', {
      enumerable: false,
      value: () => ({
        k, method: f.method, subsets: m, exhaustive, seed,
        estimate: Array.from(estimate), i2: Array.from(i2), tau2: Array.from(tau2), q: Array.from(q),
        size: Array.from(size), included: Array.from(included),
      }),
    });
    return Object.freeze(result);
  });
}
