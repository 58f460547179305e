import { checkOptions, isPlainObject, optionKeys } from '../../check-options.ts';
import { InputError } from '../../errors.ts';
import { metaAnalysisBatch } from '../batch/meta-analysis-batch.ts';
import { terminalProgress } from '../permutation/terminal-progress.ts';
import type { MetaAnalysisOptions } from '../resolve-options.ts';
import { PerformanceTally, type PerformanceMeasures, type ReplicateOutcome } from './performance-tally.ts';
import { replicateStream } from './replicate-stream.ts';
import { resolveSimulationDesign, type SimulationDesign, type UniformVariances } from './simulation-design.ts';

/** One simulated meta-analysis, as given to an analysis function. */
export interface SimulatedData {
  readonly yi: Float64Array;
  readonly vi: Float64Array;
}

/**
 * The analysis whose performance {@link simulate} measures: the options of `metaAnalysis` (run
 * through `metaAnalysisBatch`, all replicates of a chunk at once), or any function of the data
 * that returns an estimate and, where it has them, `se`, `ci`, `pValue` and `tau2` (a
 * `metaAnalysis` result does).
 */
export type SimulationAnalysis = MetaAnalysisOptions | ((data: SimulatedData, replicate: number) => ReplicateOutcome);

/** Options of {@link simulate}. */
export interface SimulateOptions {
  /**
   * Significance level of the test counted by `power`; default 1 − `level` of the analysis
   * options (0.05 for the default analysis and for a function).
   */
  readonly alpha?: number;
  /** Draw a progress bar on standard error when it is a terminal; default true. */
  readonly progress?: boolean;
}

/** The valid keys of {@link SimulateOptions}. */
export const SIMULATE_OPTION_KEYS = optionKeys<SimulateOptions>()('alpha', 'progress');

/** The result of {@link simulate}: the design, the analysis and its performance measures. */
export interface SimulationResult extends PerformanceMeasures {
  readonly design: {
    readonly k: number;
    readonly tau2: number;
    readonly mu: number;
    /** Fixed sampling variances, or null when they were drawn from `viDistribution`. */
    readonly vi: readonly number[] | null;
    readonly viDistribution: UniformVariances | null;
    readonly seed: number;
  };
  /** What was analysed: `metaAnalysis (REML, z test, level 0.95)` or `custom analysis`. */
  readonly analysis: string;
  /** Whether the replicates went through `metaAnalysisBatch`. */
  readonly batch: boolean;
  readonly replications: number;
  /** Replicates without a finite estimate (the analysis threw or refused the data). */
  readonly failures: number;
  /** Significance level of `power`. */
  readonly alpha: number;
  /** Distinct warnings of the analyses (and errors of failed replicates), each with its count. */
  readonly warnings: readonly string[];
}

/** The options of `metaAnalysis` that `simulate` passes to `metaAnalysisBatch`. */
const ANALYSIS_OPTION_KEYS = optionKeys<MetaAnalysisOptions>()('method', 'test', 'level', 'control');
/** Most rows of a batch chunk (bounds the memory of the packed replicates). */
const CHUNK_ROWS = 200_000;
/** Most distinct warnings kept. */
const MAX_WARNINGS = 10;

/**
 * Monte Carlo evaluation of a meta-analytic method (Morris, White & Crowther, 2019, Stat Med
 * 38:2074): `replications` data sets of k studies are drawn from the random-effects model
 * yᵢ = μ + uᵢ + εᵢ, uᵢ ~ N(0, τ²), εᵢ ~ N(0, vᵢ), with fixed `vi` or vᵢ drawn uniformly from
 * `viDistribution`, from one seeded stream (see `replicateStream`), and each is analysed. The
 * result gives the bias of the estimate of μ (with its Monte Carlo SE), the RMSE, the empirical
 * and mean reported SE, the coverage of the CIs (with MCSE), the rejection rate of H₀: θ = 0 at
 * α (power; the type I error rate when μ = 0), and the bias and RMSE of τ̂².
 *
 * The default analysis is `metaAnalysis` with REML; `analyse` may give other `metaAnalysis`
 * options, and then the replicates are pooled by `metaAnalysisBatch` in chunks (the same
 * numbers as one `metaAnalysis` per replicate, faster), or be any function of `{ yi, vi }`. A
 * replicate whose analysis throws or gives no finite estimate counts as a failure, and its
 * message is listed in `warnings`. A progress bar is drawn on standard error when it is a
 * terminal.
 *
 * @param design `{ k, tau2, mu = 0, vi | viDistribution: { min, max }, replications, seed }`
 * @param analyse `metaAnalysis` options (default `{ method: 'REML' }`) or a function
 * @param options `{ alpha, progress = true }`
 * @throws InputError naming the field for an invalid design (see `resolveSimulationDesign`;
 *   `E_TOO_LARGE` beyond 10 million replications or a billion simulated studies),
 *   unknown options or an alpha outside (0, 1); the errors of `metaAnalysisBatch` for invalid
 *   analysis options.
 * @example
 * const r = simulate({ k: 10, tau2: 0, mu: 0.2, vi: Array(10).fill(0.04), replications: 400, seed: 1 }, { method: 'EE' });
 * Math.abs(r.bias) < 4 * r.biasMcse // => true (EE is unbiased when τ² = 0)
 * Math.abs(r.coverage - 0.95) < 4 * Math.sqrt(0.95 * 0.05 / 400) // => true (95% CIs cover μ 95% of the time)
 */
export function simulate(design: SimulationDesign, analyse?: SimulationAnalysis, options: SimulateOptions = {}): SimulationResult {
  const d = resolveSimulationDesign(design);
  checkOptions(options, SIMULATE_OPTION_KEYS);
  const batch = analyse === undefined || isPlainObject(analyse);
  if (!batch && typeof analyse !== 'function') {
    throw new InputError('must be metaAnalysis options such as { method: \'DL\' } or a function of { yi, vi }', { field: 'analyse', code: 'E_INVALID_TYPE' });
  }
  const analysisOptions: MetaAnalysisOptions = batch ? (analyse as MetaAnalysisOptions | undefined) ?? {} : {};
  // metaAnalysis options only (no `workers`: the chunks are pooled in this thread)
  checkOptions(analysisOptions, ANALYSIS_OPTION_KEYS, 'analyse');
  // 1 − level to 15 digits: 0.05, not 0.050000000000000044
  const alpha = options.alpha ?? Number((1 - (typeof analysisOptions.level === 'number' ? analysisOptions.level : 0.95)).toPrecision(15));
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1)) throw new InputError('must be a proportion strictly between 0 and 1', { field: 'alpha', value: alpha });
  const tally = new PerformanceTally(d.mu, alpha, d.tau2);
  const warnings = new Map<string, number>();
  const note = (message: string) => warnings.set(message, (warnings.get(message) ?? 0) + 1);
  const progress = options.progress === false ? () => {} : terminalProgress(d.replications, 'simulation');
  const next = replicateStream(d);
  if (batch) {
    runBatch(d.k, d.replications, next, analysisOptions, tally, note, progress);
  } else {
    runLoop(d.k, d.replications, next, analyse as Exclude<SimulationAnalysis, MetaAnalysisOptions>, tally, note, progress);
  }
  const measures = tally.measures();
  return Object.freeze({
    design: Object.freeze({ k: d.k, tau2: d.tau2, mu: d.mu, vi: d.vi === null ? null : Object.freeze(Array.from(d.vi)), viDistribution: d.viDistribution, seed: d.seed }),
    analysis: batch ? describeAnalysis(analysisOptions) : 'custom analysis',
    batch,
    replications: d.replications,
    failures: d.replications - measures.fitted,
    alpha,
    ...measures,
    warnings: Object.freeze([...warnings].slice(0, MAX_WARNINGS).map(([message, n]) => `${n} of ${d.replications} replicates: ${message}`)),
  });
}

/** The replicates in chunks through `metaAnalysisBatch`. */
function runBatch(
  k: number, replications: number, next: ReturnType<typeof replicateStream>, options: MetaAnalysisOptions,
  tally: PerformanceTally, note: (message: string) => void, progress: (done: number) => void,
): void {
  const chunk = Math.max(1, Math.min(replications, Math.floor(CHUNK_ROWS / k)));
  const yi = new Float64Array(chunk * k);
  const vi = new Float64Array(chunk * k);
  for (let done = 0; done < replications; done += chunk) {
    const m = Math.min(chunk, replications - done);
    for (let j = 0; j < m; j++) next(yi, vi, j * k);
    const offsets = Array.from({ length: m + 1 }, (_, j) => j * k);
    const r = metaAnalysisBatch({ yi: yi.subarray(0, m * k), vi: vi.subarray(0, m * k), offsets }, options);
    for (let j = 0; j < m; j++) {
      tally.add({
        estimate: r.estimate[j]!, se: r.se[j]!, pValue: r.pValue[j]!,
        ci: { lower: r.ciLower[j]!, upper: r.ciUpper[j]! }, tau2: r.tau2[j]!,
      });
      for (const w of r.warnings[j]!) note(w);
    }
    progress(done + m);
  }
}

/** The replicates one by one through a function. */
function runLoop(
  k: number, replications: number, next: ReturnType<typeof replicateStream>,
  analyse: (data: SimulatedData, replicate: number) => ReplicateOutcome,
  tally: PerformanceTally, note: (message: string) => void, progress: (done: number) => void,
): void {
  for (let r = 0; r < replications; r++) {
    const yi = new Float64Array(k);
    const vi = new Float64Array(k);
    next(yi, vi);
    let outcome: ReplicateOutcome | undefined;
    try {
      outcome = analyse({ yi, vi }, r);
    } catch (error) {
      note(`the analysis threw: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (outcome !== undefined && outcome !== null && typeof outcome === 'object') tally.add(outcome);
    else if (outcome !== undefined) note('the analysis returned no result object');
    progress(r + 1);
  }
}

function describeAnalysis(o: MetaAnalysisOptions): string {
  const control = o.control === undefined ? '' : ', metafor control';
  return `metaAnalysis (${o.method ?? 'REML'}, ${o.test ?? 'z'} test, level ${o.level ?? 0.95}${control})`;
}
