import { countProvenance } from '../conversions/count-provenance.ts';
import { finiteOrNull } from '../numeric/finite-or-null.ts';
import type { Interval, MetaAnalysisResult, ProvenanceCounts } from '../types.ts';
import { batchColumns } from './batch/batch-columns.ts';
import { BatchKernel, NO_WARNINGS } from './batch/batch-kernel.ts';
import type { ResolvedStudies } from './resolve-input.ts';
import { plainValues } from './plain-studies.ts';
import type { ResolvedModelOptions } from './resolve-options.ts';

/** Most studies fitted by the kernel (beyond, `scaleData` centres on a sample of y, and buffers kept per k grow). */
export const KERNEL_MAX_K = 4096;
/**
 * Up to this many studies the per-study outputs are built at once (cheaper than accessors: an
 * object with a getter is built field by field by V8, ≈ 1.4 µs); beyond, on first read.
 */
const EAGER_K = 64;
/** Workspaces (one per k) each cached kernel keeps. */
const MAX_WORKSPACES = 4;

/** One kernel per settings object (`plainModelOptions` shares them), and the one-row columns it writes into. */
const KERNELS = new WeakMap<ResolvedModelOptions, BatchKernel>();
const COLUMNS = batchColumns(1);

/**
 * `metaAnalysis`'s fast path for the common case — no user weights, no fixed τ², not GENQ,
 * exact stopping (`plainModelOptions`), 2 ≤ k ≤ 4096 studies with every vᵢ > 0 (rows with a
 * missing value already omitted by `resolveStudies`, with its warnings) — through the batch's
 * {@link BatchKernel}: one cached workspace per k, every number written into reused buffers,
 * τ² by the engine's own estimator (so iterations, convergence and warnings are the engine's),
 * then only the result object itself is built (per-study outputs on first read). The same
 * numbers and fields as the engine's path (`fitIntercept`, `heterogeneityIntervals`); `null`
 * wherever the kernel declines (anything the engine would warn about beyond the estimator's own
 * warnings, or refuse): the caller then takes the engine's path.
 *
 * @example
 * kernelMetaAnalysis(resolveStudies({ yi: [0.1, 0.3, 0.5], vi: [0.01, 0.02, 0.015] }), resolveModelOptions({ method: 'DL' }))?.estimate
 * // => 0.2921644901 (metafor 5.1 rma(yi, vi, method = "DL"): 0.292164490136149)
 */
export function kernelMetaAnalysis(studies: ResolvedStudies, settings: ResolvedModelOptions): MetaAnalysisResult | null {
  const { yi, vi } = plainValues(studies);
  const k = yi.length;
  if (k > KERNEL_MAX_K || settings.control.stopping !== 'exact') return null;
  let kernel = KERNELS.get(settings);
  if (kernel === undefined) {
    kernel = new BatchKernel(settings, MAX_WORKSPACES);
    KERNELS.set(settings, kernel);
  }
  const c = COLUMNS;
  const t = kernel.fitEstimated(yi, vi, c, 0);
  if (t === null) return null;
  const { method, test, level } = settings;
  const lazy = new LazyOutputs(studies, yi, vi, kernel.unit, kernel.tau2Model, kernel.sumW);
  const warnings = studies.warnings.length + t.warnings.length === 0 ? NO_WARNINGS : Object.freeze([...studies.warnings, ...t.warnings]);
  const tau2 = c.tau2[0]!;
  const equalEffects = method === 'EE';
  const eager = k <= EAGER_K;
  const typical = kernel.typicalVariance;
  const lower = c.tau2CiLower[0]!;
  const upper = c.tau2CiUpper[0]!;
  // one literal with every field (a spread in it would make V8 build a dictionary-mode object)
  const result: Partial<Record<'tau2Ci' | 'i2Ci' | 'h2Ci', Interval>> & Record<string, unknown> = {
    k,
    measure: studies.measure,
    method,
    test,
    level,
    estimate: c.estimate[0]!,
    se: c.se[0]!,
    statistic: c.statistic[0]!,
    df: test === 'z' ? null : k - 1,
    pValue: finiteOrNull(c.pValue[0]!) as number,
    ci: interval(c.ciLower[0]!, c.ciUpper[0]!),
    tau2,
    tau2Se: finiteOrNull(c.tau2Se[0]!),
    tau: Math.sqrt(tau2),
    i2: c.i2[0]!,
    h2: c.h2[0]!,
    q: c.q[0]!,
    qDf: k - 1,
    qPValue: c.qPValue[0]!,
    predictionInterval: interval(c.piLower[0]!, c.piUpper[0]!),
    weights: eager ? lazy.weights() : undefined,
    yi: eager ? lazy.yi() : undefined,
    vi: eager ? lazy.vi() : undefined,
    labels: eager ? lazy.labels() : undefined,
    provenance: studies.provenanceGiven ? countProvenance(studies.provenance) : allReported(k),
    converged: t.converged,
    iterations: t.iterations,
    lastChange: t.lastChange,
    omitted: studies.omitted,
    tau2Ci: equalEffects ? undefined : interval(lower, upper),
    i2Ci: equalEffects ? undefined : interval(c.i2CiLower[0]!, c.i2CiUpper[0]!),
    h2Ci: equalEffects ? undefined : interval(lower / typical + 1, upper / typical + 1),
    warnings,
  };
  if (equalEffects) {
    // the EE model has no τ², so no Q-profile intervals (the engine's result lacks the fields)
    delete result.tau2Ci;
    delete result.i2Ci;
    delete result.h2Ci;
  }
  // the getters replace the placeholders in place (the order of the fields stays)
  if (!eager) Object.defineProperties(result, lazy.accessors());
  // every field is frozen already (intervals, counts, warnings) or built frozen on first read;
  // `freezeResult` reads a frozen object's fields without calling its getters
  return Object.freeze(result) as unknown as MetaAnalysisResult;
}

/**
 * The per-study outputs of a kernel result, each built once and frozen (on first read, as
 * `lazyFrozen` builds those of the engine's path, beyond {@link EAGER_K} studies): yi and vi (the call's own copies), the
 * labels, and the engine's weights in percent, 100·wᵢ/Σw with wᵢ = 1/(vᵢ/unit + τ̂²) (τ̂² and Σw
 * in model units), computed as `coefficientEstimates` computes them.
 */
class LazyOutputs {
  private yiOut: readonly number[] | undefined;
  private viOut: readonly number[] | undefined;
  private labelsOut: readonly string[] | undefined;
  private weightsOut: readonly number[] | undefined;

  constructor(
    private readonly studies: ResolvedStudies,
    private readonly yiIn: ArrayLike<number>,
    private readonly viIn: ArrayLike<number>,
    private readonly unit: number,
    private readonly tau2: number,
    private readonly sumW: number,
  ) {}

  yi(): readonly number[] {
    return (this.yiOut ??= Object.freeze(plainArray(this.yiIn)));
  }

  vi(): readonly number[] {
    return (this.viOut ??= Object.freeze(plainArray(this.viIn)));
  }

  labels(): readonly string[] {
    return (this.labelsOut ??= Object.freeze(this.studies.labels));
  }

  /** Enumerable getters of the four outputs, for `Object.defineProperties`. */
  accessors(): PropertyDescriptorMap {
    return {
      weights: { get: () => this.weights(), enumerable: true, configurable: true },
      yi: { get: () => this.yi(), enumerable: true, configurable: true },
      vi: { get: () => this.vi(), enumerable: true, configurable: true },
      labels: { get: () => this.labels(), enumerable: true, configurable: true },
    };
  }

  weights(): readonly number[] {
    if (this.weightsOut === undefined) {
      const { tau2, sumW } = this;
      const inverse = 1 / Math.sqrt(this.unit);
      const vi = this.viIn;
      const out = new Array<number>(vi.length);
      for (let i = 0; i < vi.length; i++) out[i] = 100 * (1 / (vi[i]! * inverse * inverse + tau2) / sumW);
      this.weightsOut = Object.freeze(out);
    }
    return this.weightsOut;
  }
}

/** The values of an array or Float64Array in a new array (a loop: `Array.from` walks a typed array by its iterator). */
function plainArray(x: ArrayLike<number>): number[] {
  const out = new Array<number>(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i]!;
  return out;
}

function allReported(k: number): ProvenanceCounts {
  return Object.freeze({ reported: k, derived: 0, imputed: 0, assumed: 0 });
}

function interval(lower: number, upper: number): Interval {
  return Object.freeze({ lower: finiteOrNull(lower), upper: finiteOrNull(upper) });
}
