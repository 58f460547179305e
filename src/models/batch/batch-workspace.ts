import { medianInPlace } from '../../numeric/median-in-place.ts';
import { interceptModel, type ReusableModel } from '../engine/intercept-model.ts';
import type { WeightedFit, WeightedModel } from '../engine/weighted-model.ts';
import { cachedQuantile } from '../inference/cached-quantile.ts';
import type { BatchSettings } from './fit-batch-range.ts';

/**
 * The buffers a batch reuses for every analysis with k studies: the scaled data, what the
 * kernel reads from the fits at 0 and at τ̂², and the quantiles of
 * the tests and of the Q-profile (their df is k − 1, the same for every analysis of this size).
 * One engine `interceptModel` over the buffers serves every analysis: `reload` makes it forget
 * what it remembered of the previous one (its fit at 0, its centre), so nothing crosses analyses.
 *
 * @example
 * const ws = new BatchWorkspace(3, { method: 'REML', test: 'z', level: 0.95, control: DEFAULT_TAU2_CONTROL });
 * ws.load(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1]), 0) // => true
 * ws.shift // => 2
 */
export class BatchWorkspace {
  /** Outcomes (yᵢ − shift)/√unit of the loaded analysis. */
  readonly y: Float64Array;
  /** Variances vᵢ/unit of the loaded analysis. */
  readonly v: Float64Array;
  /** The median of y subtracted (`scaleData`'s shift) and the variance unit, a power of 4. */
  shift = 0;
  unit = 1;
  /** The fit at τ² = 0 of the loaded analysis, read once (see {@link atZero}). */
  private readonly zero = { sumW: NaN, sumW2: NaN, rss: NaN, rss2: NaN, trP: NaN, logDetGram: NaN };
  private zeroRead = false;
  /**
   * What the kernel reads from the fit at one τ² (the last the likelihood maximizer fitted, or
   * τ̂² itself), so that the fit at τ̂² is not repeated; `tau2` NaN when there is none.
   */
  readonly at = { tau2: NaN, coef: NaN, gramFactor: NaN, rss: NaN, trPP: NaN, sumW: NaN, sumW2: NaN };
  /** The engine's model of the loaded analysis. */
  model!: ReusableModel;
  /** Critical value of the CI and PI (normal, or t with k − 1 df). */
  readonly crit: number;
  /** χ² quantiles of the Q-profile: Q(τ²) equals `qLower` at the lower bound, `qUpper` at the upper. */
  readonly qLower: number;
  readonly qUpper: number;
  private readonly scratch: Float64Array;
  /** `qPair`'s sums and centres (see `qRootsInPlace`). */
  readonly pair = new Float64Array(6);
  /** The Q-profile roots [lower, upper] found by `qRootsInPlace`. */
  readonly roots = new Float64Array(2);

  constructor(
    readonly k: number,
    settings: BatchSettings,
  ) {
    this.y = new Float64Array(k);
    this.v = new Float64Array(k);
    this.scratch = new Float64Array(k);
    const alpha = 1 - settings.level;
    const df = k - 1;
    this.crit = settings.test === 'z'
      ? cachedQuantile('normal', alpha / 2, Infinity, true)
      : df > 0 ? cachedQuantile('t', alpha / 2, df, true) : NaN;
    this.qLower = df > 0 ? cachedQuantile('chisq', alpha / 2, df, true) : NaN;
    this.qUpper = df > 0 ? cachedQuantile('chisq', alpha / 2, df, false) : NaN;
  }

  /**
   * Loads rows `start` … `start + k − 1`, centred and scaled exactly as `scaleData` does (median
   * of y; the power of 4 nearest the median vᵢ), the model reloaded over them. `false`
   * (nothing usable loaded) when a value is missing or a variance is not positive: such an
   * analysis takes the engine's general path, which words its warnings.
   */
  load(yi: ArrayLike<number>, vi: ArrayLike<number>, start: number): boolean {
    const { k, scratch: s } = this;
    for (let i = 0; i < k; i++) {
      const y = yi[start + i]!;
      if (!(vi[start + i]! > 0) || Number.isNaN(y)) return false;
      s[i] = y;
    }
    const shift = medianInPlace(s);
    for (let i = 0; i < k; i++) s[i] = vi[start + i]!;
    const typical = medianInPlace(s);
    if (!(typical > 0 && typical < Infinity)) return false;
    const e = Math.max(-500, Math.min(500, Math.round(0.5 * Math.log2(typical))));
    const c = 2 ** e;
    const { y, v } = this;
    for (let i = 0; i < k; i++) {
      y[i] = (yi[start + i]! - shift) / c;
      v[i] = vi[start + i]! / c / c;
    }
    this.shift = shift;
    this.unit = c * c;
    // one model per workspace (its arrays are y and v, refilled above), told to forget the last analysis
    if (this.model === undefined) this.model = interceptModel(y, v, this.unit);
    else this.model.reload(this.unit);
    this.at.tau2 = NaN;
    this.zeroRead = false;
    return true;
  }

  /**
   * The fit at τ² = 0 (Q, the typical variance, the score and ℓ at 0, the start of both
   * Q-profile roots), fitted on first use in an analysis and read once; `null` if it fails.
   */
  atZero(): { readonly sumW: number; readonly sumW2: number; readonly rss: number; readonly rss2: number; readonly trP: number; readonly logDetGram: number } | null {
    const zero = this.zero;
    if (!this.zeroRead) {
      this.zeroRead = true;
      const fit = this.model.fitTau2(0);
      if (fit === null) zero.sumW = NaN;
      else {
        zero.sumW = fit.sumW;
        zero.sumW2 = fit.sumW2;
        zero.rss = fit.rss;
        zero.rss2 = fit.rss2;
        zero.trP = fit.trP;
        zero.logDetGram = fit.logDetGram;
      }
    }
    return Number.isNaN(zero.sumW) ? null : zero;
  }

  /** Keeps what the kernel needs of `fit`, the model's fit at τ². */
  remember(tau2: number, fit: WeightedFit): void {
    const at = this.at;
    at.tau2 = tau2;
    at.coef = fit.coef[0]!;
    at.gramFactor = fit.gramFactor[0]!;
    at.rss = fit.rss;
    at.trPP = fit.trPP;
    at.sumW = fit.sumW;
    at.sumW2 = fit.sumW2;
  }
}
