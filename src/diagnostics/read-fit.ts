import { InputError } from '../errors.ts';
import { readFit as readFitStudies, type FitStudies } from '../models/read-fit.ts';

/**
 * The parts of a `metaAnalysis` result that the diagnostics refit from, validated and resolved
 * once: the studies that entered the model (omitted rows already removed), the model settings
 * and the full-model estimates.
 */
export interface FitView extends FitStudies {
  readonly estimate: number;
  readonly se: number;
  readonly tau2: number;
}

/**
 * Reads and validates a fitted intercept-only model (the result of `metaAnalysis`) for a
 * diagnostic named `caller`: the studies and settings (see the shared `readFit` of
 * src/models) plus the full-model `estimate`, `se` and `tau2`. `minK` is the smallest number of
 * studies the diagnostic accepts.
 *
 * @throws InputError naming the malformed field (`fit.<name>`, and the row for per-study values),
 *   a meta-regression, or fewer than `minK` studies.
 * @example
 * readFit(metaAnalysis({ yi: [0, 1], vi: [1, 1] }), 'influence', 2).k // => 2
 */
export function readFit(fit: unknown, caller: string, minK: number): FitView {
  const studies = readFitStudies(fit, caller, { minK });
  const f = fit as Record<string, unknown>;
  const estimate = finiteField(f, 'estimate', caller);
  const se = finiteField(f, 'se', caller);
  const tau2 = finiteField(f, 'tau2', caller);
  if (se < 0) throw new InputError('must not be negative', { field: 'fit.se', value: se });
  if (tau2 < 0) throw new InputError('must not be negative', { field: 'fit.tau2', value: tau2 });
  return { ...studies, estimate, se, tau2 };
}

function finiteField(f: Record<string, unknown>, field: string, caller: string): number {
  const x = f[field];
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new InputError(`${caller} expects the result of metaAnalysis(): must be a finite number`, { field: `fit.${field}`, value: x });
  }
  return x;
}
