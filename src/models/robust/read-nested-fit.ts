import { InputError } from '../../errors.ts';
import type { MultilevelModelResult } from '../multilevel/multilevel-model.ts';
import { nestedLevels, type NestedLevels } from '../multilevel/nested-levels.ts';
import type { UnivariateFitParts } from './robust-univariate.ts';

/**
 * The parts of a `multilevel` fit with moderators or nested levels (`MultilevelModelResult`,
 * possibly after a JSON round trip) that the cluster-robust sandwich needs: the design, and the
 * model's marginal covariance V = diag(v) + Σ_l σ²_l·[same group at level l] block by block.
 *
 * @throws InputError (field `fit`) when a field is missing or malformed.
 * @example
 * const fit = multilevel({ yi: [0.1, 0.3, 0.9, 1.1, -0.2, 0], vi: [0.01, 0.01, 0.01, 0.01, 0.01, 0.01] },
 *   { levels: [['a', 'a', 'b', 'b', 'c', 'c'], ['1', '2', '1', '2', '1', '2']] });
 * Array.from(readNestedFit(fit).block!([0, 1])) // => [0.3333333, 0.3133333, 0.3133333, 0.3333333] (σ²₁ + σ²₂ + v on the diagonal)
 */
export function readNestedFit(fit: MultilevelModelResult): UnivariateFitParts & { readonly structure: NestedLevels } {
  const yi = numbers(fit.yi, 'yi');
  const vi = numbers(fit.vi, 'vi');
  const k = yi.length;
  const sigma2 = numbers(fit.sigma2, 'sigma2');
  const levels: unknown = fit.levels;
  if (!Array.isArray(levels) || levels.length !== sigma2.length || !levels.every((l) => Array.isArray(l) && l.length === k && l.every((x) => typeof x === 'string'))) {
    throw malformed('fit.levels must hold one label array per variance component');
  }
  if (vi.length !== k || sigma2.some((s) => s < 0)) throw malformed('fit.vi and fit.sigma2 are malformed');
  const names = (Array.isArray(fit.coefficients) ? fit.coefficients : []).map((c) => c?.name);
  if (names.length === 0 || !names.every((n): n is string => typeof n === 'string')) throw malformed('fit.coefficients must be named');
  const p = names.length;
  const x = new Float64Array(k * p);
  for (let i = 0; i < k; i++) x[i * p] = 1;
  names.slice(1).forEach((name, j) => {
    const column = numbers(fit.moderators?.[name], `moderators.${name}`);
    if (column.length !== k) throw malformed(`fit.moderators.${name} must have one value per row`);
    column.forEach((v, i) => { x[i * p + j + 1] = v; });
  });
  const structure = nestedLevels(levels as string[][]);
  const block = (rows: readonly number[]) => {
    const n = rows.length;
    const out = new Float64Array(n * n);
    rows.forEach((r, i) => rows.forEach((s, j) => {
      let value = i === j ? vi[r]! : 0;
      sigma2.forEach((s2, l) => { if (structure.groupOf[l]![r] === structure.groupOf[l]![s]) value += s2; });
      out[i * n + j] = value;
    }));
    return out;
  };
  const level = fit.level;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) throw malformed('fit.level must be a proportion');
  const labels = Array.isArray(fit.labels) && fit.labels.length === k ? fit.labels.map(String) : yi.map((_, i) => `row ${i + 1}`);
  return { yi, vi, tau2: 0, names, x, level, labels, block, structure };
}

function numbers(x: unknown, name: string): number[] {
  if (!Array.isArray(x) || !x.every((v) => typeof v === 'number' && Number.isFinite(v))) throw malformed(`fit.${name} must be an array of finite numbers`);
  return x as number[];
}

function malformed(message: string): InputError {
  return new InputError(`${message}; pass the result of multilevel()`, { field: 'fit' });
}
