import { InputError } from '../../errors.ts';
import { assertOneOf } from '../../errors.ts';
import { checkOptions, isPlainObject, optionKeys } from '../../check-options.ts';
import { isMissing, labelText } from '../../missing.ts';
import { cholesky, choleskyInverse } from '../../numeric/cholesky.ts';
import { freezeResult } from '../../freeze-result.ts';
import { readBlockMatrix, type BlockMatrix } from './block-matrix.ts';
import { readColumn, rowCount, type ColumnData, type ColumnSpec } from './read-column.ts';
import { mostFrequent } from './most-frequent.ts';

/** Correlation structures of {@link aggregate} (metafor's `aggregate.escalc` `struct`). */
export const AGGREGATE_STRUCTS = Object.freeze(['ID', 'CS', 'CAR', 'CS+CAR', 'CS*CAR'] as const);
export type AggregateStruct = (typeof AGGREGATE_STRUCTS)[number];

type Label = string | number | boolean | null | undefined;

/** Options of {@link aggregate}. */
export interface AggregateOptions {
  /** Cluster (study) of each row: the rows aggregated into one. */
  readonly cluster: ColumnSpec<Label>;
  /** Assumed correlation structure within a cluster (default `'CS'`). */
  readonly struct?: AggregateStruct;
  /** Correlation for CS, CS+CAR and CS*CAR: one number, or one per cluster (in order of first appearance). */
  readonly rho?: number | readonly number[];
  /** Autocorrelation in [0, 1] for CAR, CS+CAR and CS*CAR: one number or one per cluster. */
  readonly phi?: number | readonly number[];
  /** Time of each row (CAR structures). */
  readonly time?: ColumnSpec<number>;
  /** Observation label of each row (CS*CAR: rows with the same obs are perfectly correlated, else rho). */
  readonly obs?: ColumnSpec<Label>;
  /** A known block-diagonal covariance matrix instead of a struct (a `vcalc` result or k×k array). */
  readonly V?: BlockMatrix | readonly (readonly number[])[];
  /** Inverse-variance (GLS) weighting (default true); false averages and gives Σ V / n². */
  readonly weighted?: boolean;
}

/** The valid keys of {@link AggregateOptions}. */
export const AGGREGATE_OPTION_KEYS = optionKeys<AggregateOptions>()('cluster', 'struct', 'rho', 'phi', 'time', 'obs', 'V', 'weighted');

/** Result of {@link aggregate}: one estimate per cluster, usable as `{ yi, vi, labels }` input. */
export interface AggregateResult {
  readonly struct: AggregateStruct | 'V';
  readonly weighted: boolean;
  /** Cluster labels, in order of first appearance (also `labels`). */
  readonly cluster: readonly string[];
  readonly labels: readonly string[];
  readonly yi: readonly number[];
  readonly vi: readonly number[];
  /** Rows aggregated into each cluster (metafor's `ki`). */
  readonly ki: readonly number[];
  /** With rows as input: one row per cluster, other columns aggregated (mean of numbers, most frequent label), yi, vi and ki set. */
  readonly rows: readonly Readonly<Record<string, unknown>>[] | null;
  readonly warnings: readonly string[];
}

/**
 * Aggregates dependent estimates within clusters into one estimate per cluster, as metafor's
 * `aggregate.escalc` (Borenstein et al., 2009, Introduction to Meta-Analysis, ch. 24). With
 * the cluster's covariance V_c (from `struct` and the vi, or given as `V`) and W_c = V_c⁻¹:
 *
 *   ȳ_c = 1ᵀW_c y_c / 1ᵀW_c 1,   Var(ȳ_c) = 1 / 1ᵀW_c 1,
 *
 * or with `weighted: false` the mean and 1ᵀV_c 1 / n_c². Structures: ID (independent), CS
 * (r_ij = ρ), CAR (φ^|t_i − t_j|), CS+CAR (ρ + (1 − ρ) φ^|t_i − t_j|) and CS*CAR ([obs_i = obs_j
 * or ρ] · φ^|t_i − t_j|). Rows with a missing yi or vi are omitted (listed in `warnings`, as
 * metafor's `na.rm`). O(Σ n_c³).
 *
 * @param data  rows (objects with yi, vi) or a record of columns (`effectSizes` output, `{ yi, vi }`)
 * @throws InputError for unknown options or struct, a missing cluster label, rho outside [−1, 1]
 *   or phi outside [0, 1] (or one per cluster of the wrong length), a missing time or obs for the
 *   CAR structures, a bad V, or a cluster whose covariance is not positive definite.
 * @example
 * const agg = aggregate({ yi: [0.2, 0.4, 1], vi: [0.04, 0.04, 0.02] }, { cluster: ['a', 'a', 'b'], rho: 0.5 });
 * agg.yi // => [0.3, 1]
 * agg.vi // => [0.03, 0.02]
 */
export function aggregate(data: ColumnData, options: AggregateOptions): AggregateResult {
  const o = checkOptions<AggregateOptions>(options, AGGREGATE_OPTION_KEYS);
  const k = rowCount(data);
  const yiIn = numbers(readColumn<unknown>(data, 'yi', 'yi', k)!, 'yi');
  const viIn = numbers(readColumn<unknown>(data, 'vi', 'vi', k)!, 'vi');
  if (o.cluster === undefined) throw new InputError('missing: pass the cluster (study) of each row', { field: 'cluster', code: 'E_MISSING_VALUE' });
  const cluster = readColumn<unknown>(data, o.cluster, 'cluster', k)!.map((x, i) => {
    const t = typeof x === 'boolean' ? String(x) : labelText(x);
    if (t === null || t === undefined) throw new InputError('is missing or not a label', { field: 'cluster', row: i + 1, value: x, code: 'E_MISSING_VALUE' });
    return t;
  });
  const weighted = o.weighted ?? true;
  if (typeof weighted !== 'boolean') throw new InputError('must be true or false', { field: 'weighted', value: weighted });
  const order = [...new Set(cluster)];
  const covariance = o.V === undefined ? structCovariance(data, o, k, viIn, cluster, order) : givenCovariance(o.V, k);
  const warnings: string[] = [];
  const keep = yiIn.map((y, i) => {
    const ok = !Number.isNaN(y) && !Number.isNaN(viIn[i]!);
    if (!ok) warnings.push(`Row ${i + 1} omitted: ${Number.isNaN(y) ? 'yi' : 'vi'} is missing.`);
    return ok;
  });
  const members = new Map<string, number[]>(order.map((c) => [c, []]));
  cluster.forEach((c, i) => { if (keep[i]) members.get(c)!.push(i); });
  const used = order.filter((c) => members.get(c)!.length > 0);
  const yi: number[] = [];
  const vi: number[] = [];
  for (const c of used) {
    const index = members.get(c)!;
    const n = index.length;
    const v = Float64Array.from({ length: n * n }, (_, t) => covariance(index[Math.floor(t / n)]!, index[t % n]!));
    const y = index.map((i) => yiIn[i]!);
    if (n === 1 || !weighted) {
      yi.push(y.reduce((a, b) => a + b, 0) / n);
      vi.push(v.reduce((a, b) => a + b, 0) / (n * n));
      continue;
    }
    const l = cholesky(v, n);
    if (l === null) throw new InputError(`the covariance matrix of cluster ${c} is not positive definite`, { field: o.V === undefined ? 'rho' : 'V', study: c, code: 'E_NOT_ESTIMABLE' });
    const w = choleskyInverse(l, n);
    let sumW = 0;
    let sumWy = 0;
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) { sumW += w[a * n + b]!; sumWy += w[a * n + b]! * y[b]!; }
    yi.push(sumWy / sumW);
    vi.push(1 / sumW);
  }
  const ki = used.map((c) => members.get(c)!.length);
  const rows = Array.isArray(data) ? aggregateRows(data as readonly object[], used, members, { yi, vi, ki }) : null;
  return freezeResult({ struct: o.V === undefined ? (o.struct ?? 'CS') : 'V', weighted, cluster: used, labels: used, yi, vi, ki, rows, warnings });
}

function numbers(col: unknown[], field: string): number[] {
  return col.map((x, i) => {
    if (isMissing(x)) return NaN;
    if (typeof x !== 'number' || !Number.isFinite(x) || (field === 'vi' && !(x >= 0))) {
      throw new InputError(field === 'vi' ? 'must be a non-negative number' : 'must be a finite number', { field, row: i + 1, value: x });
    }
    return x;
  });
}

function givenCovariance(V: unknown, k: number): (i: number, j: number) => number {
  const blocks = readBlockMatrix(V, k);
  const where = new Int32Array(k);
  const pos = new Int32Array(k);
  blocks.forEach((b, t) => b.index.forEach((i, a) => { where[i] = t; pos[i] = a; }));
  return (i, j) => (where[i] === where[j] ? blocks[where[i]!]!.values[pos[i]! * blocks[where[i]!]!.n + pos[j]!]! : 0);
}

function structCovariance(data: ColumnData, o: Partial<AggregateOptions>, k: number, vi: number[], cluster: string[], order: string[]):
  (i: number, j: number) => number {
  const struct = o.struct ?? 'CS';
  assertOneOf(struct, AGGREGATE_STRUCTS, 'struct');
  const at = new Map(order.map((c, t) => [c, t]));
  const perCluster = (name: 'rho' | 'phi', lower: number) => {
    const value = o[name];
    if (value === undefined) throw new InputError(`give ${name} for struct ${struct}`, { field: name, code: 'E_MISSING_VALUE' });
    const list = typeof value === 'number' ? order.map(() => value) : Array.isArray(value) ? value : null;
    if (list === null || list.length !== order.length) {
      throw new InputError(`must be one number or one per cluster (${order.length})`, { field: name, value, code: 'E_LENGTH_MISMATCH' });
    }
    list.forEach((x: unknown) => {
      if (typeof x !== 'number' || !(x >= lower && x <= 1)) throw new InputError(`must be in [${lower}, 1]`, { field: name, value: x, code: 'E_OUT_OF_RANGE' });
    });
    return list as number[];
  };
  const rho = struct === 'CS' || struct === 'CS+CAR' || struct === 'CS*CAR' ? perCluster('rho', -1) : [];
  const phi = struct.includes('CAR') ? perCluster('phi', 0) : [];
  const time = struct.includes('CAR') ? readTime(data, o.time, k) : [];
  const obs = struct === 'CS*CAR' ? readObs(data, o.obs, k) : [];
  const r = (i: number, j: number): number => {
    const c = at.get(cluster[i]!)!;
    const ar = () => phi[c]! ** Math.abs(time[i]! - time[j]!);
    switch (struct) {
      case 'ID': return 0;
      case 'CS': return rho[c]!;
      case 'CAR': return ar();
      case 'CS+CAR': return rho[c]! + (1 - rho[c]!) * ar();
      default: return (obs[i] === obs[j] ? 1 : rho[c]!) * ar();
    }
  };
  return (i, j) => (i === j ? vi[i]! : cluster[i] === cluster[j] ? r(i, j) * Math.sqrt(vi[i]! * vi[j]!) : 0);
}

function readTime(data: ColumnData, spec: ColumnSpec<number> | undefined, k: number): number[] {
  if (spec === undefined) throw new InputError('give the time of each row for a CAR structure', { field: 'time', code: 'E_MISSING_VALUE' });
  return readColumn<unknown>(data, spec, 'time', k)!.map((x, i) => {
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new InputError('must be a finite number', { field: 'time', row: i + 1, value: x });
    return x;
  });
}

function readObs(data: ColumnData, spec: ColumnSpec<Label> | undefined, k: number): string[] {
  if (spec === undefined) throw new InputError('give the obs label of each row for struct CS*CAR', { field: 'obs', code: 'E_MISSING_VALUE' });
  return readColumn<unknown>(data, spec, 'obs', k)!.map((x, i) => {
    const t = labelText(x);
    if (t === null || t === undefined) throw new InputError('is missing or not a label', { field: 'obs', row: i + 1, value: x, code: 'E_MISSING_VALUE' });
    return t;
  });
}

/** One row per cluster: numbers (and booleans) averaged over the non-missing values, other values by the most frequent. */
function aggregateRows(data: readonly object[], used: readonly string[], members: Map<string, number[]>,
  est: { yi: number[]; vi: number[]; ki: number[] }): Record<string, unknown>[] {
  const keys = [...new Set(data.flatMap((row) => (isPlainObject(row) ? Object.keys(row) : [])))];
  return used.map((c, t) => {
    const rows = members.get(c)!.map((i) => data[i] as Record<string, unknown>);
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const values = rows.map((r) => r[key]).filter((x) => !isMissing(x));
      const numeric = values.length > 0 && values.every((x) => typeof x === 'number' || typeof x === 'boolean');
      out[key] = values.length === 0 ? null : numeric ? values.reduce<number>((a, x) => a + Number(x), 0) / values.length : mostFrequent(values.map(String));
    }
    return { ...out, yi: est.yi[t], vi: est.vi[t], ki: est.ki[t] };
  });
}
