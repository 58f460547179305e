import { chiSquareSf } from '../../distributions/chi-square.ts';
import { normalSf } from '../../distributions/normal.ts';
import { studentTSf } from '../../distributions/student-t.ts';
import { TAU2_ESTIMATORS } from '../tau2/estimators.ts';
import type { Tau2Fit } from '../tau2/tau2-fit.ts';
import type { BatchColumns } from './batch-columns.ts';
import { BatchWorkspace } from './batch-workspace.ts';
import type { BatchSettings } from './fit-batch-range.ts';
import { qRootsInPlace } from './q-roots-in-place.ts';

/** The warnings of an analysis that has none (shared, frozen). */
export const NO_WARNINGS: readonly string[] = Object.freeze([]);

/**
 * The batch's fast path: fits one analysis exactly as `metaAnalysis` does (`fitIntercept`,
 * then `heterogeneityIntervals`: the same scaling, the same τ² estimator on the engine's own
 * intercept-only model, the same tests, Q, I², H² and Q-profile roots) and writes every column
 * straight into the batch's Float64Arrays, reusing one {@link BatchWorkspace} per k, with τ²
 * from the engine's own estimator and the Q-profile from the engine's paired search in place
 * (`qRootsInPlace`): every column equals the single fit's to the last bit. Each weighted fit is read at once and computed once where the engine computes
 * it twice (the fit at τ̂² gives the SE of τ̂², the estimate and Knapp–Hartung's s²; the fit at
 * 0 gives Q, the typical variance and the score at 0).
 *
 * `fitEstimated` serves `metaAnalysis` itself (its fast path, `kernelMetaAnalysis`) and also
 * returns the estimator's fit (iterations, convergence, warnings).
 *
 * `fit` returns `null` (and may have written nothing) for an analysis that needs the engine's
 * general path: k < 2, a missing value, a variance ≤ 0, metafor's stopping rule, or any
 * situation in which the engine adds a warning of its own (several maxima, a bound beyond
 * metafor's search limit, Knapp–Hartung with zero residuals, …).
 *
 * @example
 * const kernel = new BatchKernel({ method: 'DL', test: 'z', level: 0.95, control: DEFAULT_TAU2_CONTROL });
 * const cols = batchColumns(1);
 * kernel.fit(new Float64Array([0, 0.2, 0.4]), new Float64Array([0.01, 0.01, 0.01]), 0, 3, cols, 0) // => []
 * cols.tau2[0] // => 0.03 (DL for equal vᵢ: Σ(yᵢ−ȳ)²/(k−1) − v = 0.04 − 0.01)
 */
export class BatchKernel {
  private readonly workspaces = new Map<number, BatchWorkspace>();
  private readonly usable: boolean;
  private last: BatchWorkspace | undefined;

  /** `maxWorkspaces`: the most workspaces kept (one per k; all are dropped when a new k would exceed it). */
  constructor(
    private readonly settings: BatchSettings,
    private readonly maxWorkspaces = Infinity,
  ) {
    const { method, test, control } = settings;
    this.usable = control.stopping === 'exact' && !(method === 'EE' && test === 'knha');
  }

  /** Fits rows `start` … `start + k − 1` into `columns` at `out`; its warnings, or `null`: use the engine. */
  fit(yi: Float64Array, vi: Float64Array, start: number, k: number, columns: BatchColumns, out: number): readonly string[] | null {
    const t = this.fitRows(yi, vi, start, k, columns, out);
    return t === null ? null : t.warnings.length > 0 ? t.warnings : NO_WARNINGS;
  }

  /**
   * `metaAnalysis`'s fast path: the analysis `yi`, `vi` (all of it) into `columns` at `out`, τ²
   * by the engine's own estimator (`TAU2_ESTIMATORS`, on the workspace's model), whose fit —
   * iterations, convergence, last change and warnings, in model units — is returned; `null`:
   * use the engine. After a fit, {@link typicalVariance}, {@link tau2Model}, {@link sumW},
   * {@link shift} and {@link unit} describe it.
   */
  fitEstimated(yi: ArrayLike<number>, vi: ArrayLike<number>, columns: BatchColumns, out: number): Tau2Fit | null {
    return this.fitRows(yi, vi, 0, yi.length, columns, out);
  }

  /**
   * τ² by the engine's own estimator on the workspace's model (allocation-light: the likelihood
   * scan reuses its buffers), then the columns: the batch's τ² is the single fit's to the last bit.
   */
  private fitRows(yi: ArrayLike<number>, vi: ArrayLike<number>, start: number, k: number, columns: BatchColumns, out: number): Tau2Fit | null {
    const ws = this.loaded(yi, vi, start, k);
    if (ws === null) return null;
    const { method, control } = this.settings;
    const t = TAU2_ESTIMATORS[method](ws.model, control);
    return this.finish(ws, t.tau2, t.se, columns, out) ? t : null;
  }

  /** The typical within-study variance (user's units) of the last analysis fitted to the end. */
  typicalVariance = NaN;
  /** τ̂² (model units), Σwᵢ at τ̂², centre and variance unit of the last analysis fitted to the end. */
  tau2Model = NaN;
  sumW = NaN;
  shift = 0;
  unit = 1;

  /** The workspace of k studies with rows `start` … loaded, or `null` (the engine fits it). */
  private loaded(yi: ArrayLike<number>, vi: ArrayLike<number>, start: number, k: number): BatchWorkspace | null {
    if (k < 2 || !this.usable) return null;
    const ws = this.workspace(k);
    return ws.load(yi, vi, start) ? ws : null;
  }

  /**
   * Everything after τ̂² (model units; `tau2Se` the estimator's SE, NaN for ML and REML, whose
   * SE comes from the fit at τ̂²): estimates, tests, Q, I², H² and the Q-profile intervals.
   * `false` where the engine would warn or fail.
   */
  private finish(ws: BatchWorkspace, tau2: number, tau2Se: number | null, columns: BatchColumns, out: number): boolean {
    const method = this.settings.method;
    if (!Number.isFinite(tau2 * ws.unit)) return false;
    if (ws.at.tau2 !== tau2) {
      const fit = ws.model.fitTau2(tau2);
      if (fit === null) return false;
      ws.remember(tau2, fit);
    }
    if (method === 'REML') tau2Se = Math.sqrt(2 / ws.at.trPP);
    else if (method === 'ML') tau2Se = Math.sqrt(2 / ws.at.sumW2);
    if (!this.writeEstimates(ws, tau2, columns, out)) return false;
    columns.k[out] = ws.k;
    columns.tau2[out] = tau2 * ws.unit;
    columns.tau2Se[out] = tau2Se === null ? NaN : tau2Se * ws.unit;
    if (!this.writeHeterogeneity(ws, tau2, columns, out)) return false;
    this.tau2Model = tau2;
    this.sumW = ws.at.sumW;
    this.shift = ws.shift;
    this.unit = ws.unit;
    return true;
  }

  private workspace(k: number): BatchWorkspace {
    if (this.last?.k === k) return this.last;
    let ws = this.workspaces.get(k);
    if (ws === undefined) {
      if (this.workspaces.size >= this.maxWorkspaces) this.workspaces.clear();
      ws = new BatchWorkspace(k, this.settings);
      this.workspaces.set(k, ws);
    }
    this.last = ws;
    return ws;
  }

  /**
   * `coefficientEstimates` and `wald` at τ̂² (model units) from its fit (`ws.at`): estimate, SE, test, CI
   * and prediction interval. `false` where Knapp–Hartung's residuals are all zero or the
   * statistic is infinite (warnings of the engine's path).
   */
  private writeEstimates(ws: BatchWorkspace, tau2: number, columns: BatchColumns, out: number): boolean {
    const fit = ws.at;
    const test = this.settings.test;
    const df = ws.k - 1;
    let s2 = 1;
    if (test === 'knha') {
      if (fit.rss <= Number.EPSILON) return false;
      s2 = fit.rss / df;
    }
    const g = fit.gramFactor;
    const covariance = ((1 / g) / g) * s2;
    const c = Math.sqrt(ws.unit);
    const estimate = ws.shift + c * fit.coef;
    const se = c * Math.sqrt(covariance);
    const statistic = estimate / se;
    if (statistic === Infinity || statistic === -Infinity) return false;
    const crit = ws.crit;
    columns.estimate[out] = estimate;
    columns.se[out] = se;
    columns.statistic[out] = statistic;
    columns.pValue[out] = test === 'z' ? 2 * normalSf(Math.abs(statistic)) : 2 * studentTSf(Math.abs(statistic), df);
    columns.ciLower[out] = estimate - crit * se;
    columns.ciUpper[out] = estimate + crit * se;
    const piHalf = crit * c * Math.sqrt(covariance + tau2);
    columns.piLower[out] = estimate - piHalf;
    columns.piUpper[out] = estimate + piHalf;
    return true;
  }

  /**
   * `cochranQ`, `inconsistency` and `heterogeneityIntervals` (Q-profile) of the loaded analysis at
   * τ̂² (model units). `false` where the engine warns (a Q-profile bound beyond metafor's limit).
   */
  private writeHeterogeneity(ws: BatchWorkspace, tau2: number, columns: BatchColumns, out: number): boolean {
    const { model, unit, k } = ws;
    const equalEffects = this.settings.method === 'EE';
    const df = k - 1;
    const zero = ws.atZero();
    if (zero === null) return false;
    const q = Math.max(0, zero.rss);
    const typical = df / zero.trP;
    this.typicalVariance = typical * unit;
    columns.q[out] = q;
    columns.qPValue[out] = chiSquareSf(q, df);
    columns.i2[out] = equalEffects ? Math.max(0, (100 * (q - df)) / q) : (100 * tau2) / (typical + tau2);
    columns.h2[out] = equalEffects ? q / df : tau2 / typical + 1;
    if (equalEffects) return true;
    const tau2Hat = (tau2 * unit) / unit;
    // `metaAnalysis`'s own roots (`qProfileTau2`): the paired search from τ̂², to the last bit
    if (!qRootsInPlace(ws, ws.qLower, ws.qUpper, tau2Hat)) return false;
    const exactLower = ws.roots[0]!;
    const exactUpper = ws.roots[1]!;
    const limit = Math.max(100 / unit, 10 * tau2Hat);
    if (exactUpper > limit) return false;
    const lower = Math.min(exactLower, limit) * unit;
    const upper = Math.min(exactUpper, limit) * unit;
    const typicalUser = typical * unit;
    columns.tau2CiLower[out] = finiteOrNaN(lower);
    columns.tau2CiUpper[out] = finiteOrNaN(upper);
    columns.i2CiLower[out] = finiteOrNaN((100 * lower) / (typicalUser + lower));
    columns.i2CiUpper[out] = finiteOrNaN((100 * upper) / (typicalUser + upper));
    return true;
  }
}

function finiteOrNaN(x: number): number {
  return Number.isFinite(x) ? x : NaN;
}
