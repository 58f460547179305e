import type { GoshResult } from '../diagnostics/gosh.ts';
import { InputError } from '../errors.ts';

/** The heterogeneity statistic on the y axis of a GOSH plot (metafor's `het`). */
export type GoshHeterogeneity = 'I2' | 'H2' | 'Q' | 'tau2' | 'tau';

/** The subsets of one colour in a GOSH plot: estimates (x) and the statistic (y), both finite. */
export interface GoshPoints {
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/** The drawn points of a GOSH plot, split by whether a subset holds study `out`. */
export interface GoshPlotData {
  /** `[all]` without `out`, else `[subsets without the study, subsets with it]`. */
  readonly groups: readonly GoshPoints[];
  /** Subsets left out: the fit was refused (NaN) or the statistic is not finite. */
  readonly dropped: number;
}

/**
 * The statistic of subset s: I², Q, τ², τ, or H² as metafor's `rma.uni` computes it, Q/(n − 1)
 * for an equal-effects fit (1 for a single study) and 1/(1 − I²/100) = τ̂²/ṽ + 1 otherwise.
 */
function statistic(r: GoshResult, het: GoshHeterogeneity, s: number): number {
  switch (het) {
    case 'I2': return r.i2[s]!;
    case 'Q': return r.q[s]!;
    case 'tau2': return r.tau2[s]!;
    case 'tau': return Math.sqrt(r.tau2[s]!);
    case 'H2':
      if (r.method === 'EE') return r.size[s]! > 1 ? r.q[s]! / (r.size[s]! - 1) : 1;
      return 100 / (100 - r.i2[s]!);
  }
}

/**
 * The points of a GOSH plot from a `gosh` result: (estimate, statistic) of every subset whose
 * both values are finite, in two groups when `out` (a study number 1..k) is given.
 *
 * @throws InputError `E_INVALID_RESULT` when the result's columns do not have one entry per
 *   subset, `E_UNSUPPORTED` for τ² or τ of an equal-effects fit, `E_NOT_ESTIMABLE` when no subset
 *   has a finite pair.
 * @example
 * const g = gosh(metaAnalysis({ yi: [0.1, 0.3, 0.5], vi: [0.01, 0.02, 0.015] }, { method: 'DL' }));
 * goshPlotData(g, 'I2', 3).groups.map((p) => p.x.length) // => [3, 4]  (subsets without and with study 3)
 */
export function goshPlotData(r: GoshResult, het: GoshHeterogeneity, out: number | null): GoshPlotData {
  const m = r.subsets;
  const k = r.k;
  if (!Number.isSafeInteger(m) || m < 1 || !Number.isSafeInteger(k) || k < 1) throw new InputError('must be a gosh result (subsets and k are positive integers)', { field: 'result', code: 'E_INVALID_RESULT' });
  for (const key of ['estimate', 'i2', 'tau2', 'q', 'size'] as const) {
    if (r[key]?.length !== m) throw new InputError(`must have one entry per subset (${m})`, { field: `result.${key}`, code: 'E_INVALID_RESULT' });
  }
  if (r.included?.length !== m * k) throw new InputError(`must have subsets × k = ${m * k} entries`, { field: 'result.included', code: 'E_INVALID_RESULT' });
  if ((het === 'tau2' || het === 'tau') && r.method === 'EE') throw new InputError('τ² is 0 in an equal-effects fit; plot I2, H2 or Q', { field: 'het', value: het, code: 'E_UNSUPPORTED' });
  const xs: number[][] = out === null ? [[]] : [[], []];
  const ys: number[][] = out === null ? [[]] : [[], []];
  let dropped = 0;
  for (let s = 0; s < m; s++) {
    const x = Number(r.estimate[s]);
    const y = statistic(r, het, s);
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      dropped++;
      continue;
    }
    const g = out === null ? 0 : Number(r.included[s * k + out - 1]) === 1 ? 1 : 0;
    xs[g]!.push(x);
    ys[g]!.push(y);
  }
  if (dropped === m) throw new InputError('no subset has a finite estimate and statistic; nothing to draw', { field: 'result', code: 'E_NOT_ESTIMABLE' });
  return { groups: xs.map((x, g) => ({ x: Float64Array.from(x), y: Float64Array.from(ys[g]!) })), dropped };
}
