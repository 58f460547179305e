import { InputError } from '../../errors.ts';
import { checkOptions, isPlainObject, optionKeys } from '../../check-options.ts';
import { isMissing, labelText } from '../../missing.ts';
import { cholesky } from '../../numeric/cholesky.ts';
import { freezeResult } from '../../freeze-result.ts';
import type { BlockMatrix, CovarianceBlock } from './block-matrix.ts';
import { readColumn, rowCount, type ColumnData, type ColumnSpec } from './read-column.ts';

type Label = string | number | boolean | null | undefined;

/** A correlation matrix between labelled outcomes (metafor's `rho` matrix with dimnames). */
export interface RhoMatrix {
  readonly labels: readonly (string | number)[];
  /** Symmetric, `values[a][b]` is the correlation of `labels[a]` and `labels[b]`. */
  readonly values: readonly (readonly number[])[];
}

/** One correlation: a number for every pair of different labels, or a labelled matrix. */
export type RhoSpec = number | RhoMatrix;

/** Options of {@link vcalc} (metafor's `vcalc` arguments; columns as arrays or column names of `data`). */
export interface VcalcOptions {
  /** Sampling variances (default: the `vi` column of the data). */
  readonly vi?: ColumnSpec<number>;
  /** Study (cluster) of each row; rows of different clusters are independent. */
  readonly cluster: ColumnSpec<Label>;
  /** Splits clusters further (metafor's `subgroup`). */
  readonly subgroup?: ColumnSpec<Label>;
  /** Construct measured by each row; rows of different constructs correlate by `rho` (between-construct). */
  readonly type?: ColumnSpec<Label>;
  /** Observation (e.g. response scale) within a construct; different obs correlate by `rho` (within-construct). */
  readonly obs?: ColumnSpec<Label>;
  /** Correlation(s): a number or a matrix for `type` or `obs` alone; `[within (obs), between (type)]` with both. */
  readonly rho?: RhoSpec | readonly [RhoSpec, RhoSpec];
  /** Time of the (first group's) measurement; rows at times t, s correlate by phi^|t − s|. */
  readonly time1?: ColumnSpec<number>;
  /** Time of the second group's measurement (default time1). */
  readonly time2?: ColumnSpec<number>;
  /** Autocorrelation for time1/time2, in [−1, 1]. */
  readonly phi?: number;
  /** First group of the contrast (e.g. the treatment arm); rows sharing a group are correlated. */
  readonly grp1?: ColumnSpec<Label>;
  /** Second group of the contrast (e.g. the shared control arm). */
  readonly grp2?: ColumnSpec<Label>;
  /** Size (weight) of the first group (default 1). */
  readonly w1?: ColumnSpec<number>;
  /** Size (weight) of the second group (default w1). */
  readonly w2?: ColumnSpec<number>;
}

/** The valid keys of {@link VcalcOptions}. */
export const VCALC_OPTION_KEYS = optionKeys<VcalcOptions>()('vi', 'cluster', 'subgroup', 'type', 'obs', 'rho', 'time1', 'time2', 'phi', 'grp1', 'grp2', 'w1', 'w2');

/** Result of {@link vcalc}: the block-diagonal V and the clusters whose block is not positive definite. */
export interface VcalcResult extends BlockMatrix {
  readonly warnings: readonly string[];
}

interface Rows {
  vi: number[]; cluster: string[]; type: string[]; obs: string[]; grp1: string[]; grp2: string[];
  time1: number[]; time2: number[]; w1: number[]; w2: number[];
}

/**
 * Builds the sampling covariance matrix of dependent estimates from assumed correlations, as
 * metafor's `vcalc` (Viechtbauer, 2025; Pustejovsky & Tipton, 2021, Prev Sci 23:425). Within a
 * cluster, rows i and j have Cov = r_ij · √(v_i v_j), with
 *
 *   r_ij = ρ_c(i, j) · [ g11 s11 − g12 s12 − g21 s21 + g22 s22 ] / (d_i d_j),
 *
 * where ρ_c is 1 for the same type and obs, `rho` (within) for the same type and different obs,
 * `rho` (between) for different types; g_ab = [grp_a(i) = grp_b(j)] · phi^|time_a(i) − time_b(j)|,
 * s_ab = 1/√(w_a(i) w_b(j)) and d_i² = 1/w1_i + 1/w2_i − 2 g12(i, i) s12(i, i) (the shared-group
 * correlation of contrasts against a common control, Gleser & Olkin, 2009). Without type, obs
 * and groups every row of a cluster is perfectly correlated (as metafor). Rows of different
 * clusters are independent: the result is a list of per-cluster blocks, O(Σ n_c²), never k×k.
 * A missing vi gives NaN in its row and a warning; a block that is not positive definite gives
 * a warning naming the cluster (metafor's `checkpd`).
 *
 * @param data  rows (objects) or a record of columns (`effectSizes` output, `{ vi, … }`)
 * @throws InputError for unknown options, missing or mismatched columns (naming them), a
 *   missing cluster/type/obs/group label or time (naming the row), `rho` or `phi` outside
 *   [−1, 1], a `rho` shape that does not fit type/obs, or a label absent from a `rho` matrix.
 * @example
 * const v = vcalc({ vi: [0.04, 0.09, 0.01] }, { cluster: ['a', 'a', 'b'], obs: [1, 2, 1], rho: 0.5 });
 * v.blocks[0].matrix // => [[0.04, 0.03], [0.03, 0.09]]
 */
export function vcalc(data: ColumnData, options: VcalcOptions): VcalcResult {
  const opts = checkOptions<VcalcOptions>(options, VCALC_OPTION_KEYS);
  const k = rowCount(data);
  const rows = readRows(data, opts, k);
  const rho = resolveRho(opts, rows);
  const phi = resolvePhi(opts);
  const warnings: string[] = [];
  rows.vi.forEach((v, i) => { if (Number.isNaN(v)) warnings.push(`Row ${i + 1}: vi is missing; its row of V is NaN.`); });
  const clusters = new Map<string, number[]>();
  rows.cluster.forEach((c, i) => { const g = clusters.get(c); if (g) g.push(i); else clusters.set(c, [i]); });
  const blocks: CovarianceBlock[] = [];
  for (const [cluster, index] of clusters) {
    const matrix = index.map((i) => index.map((j) => (i === j ? rows.vi[i]! : correlation(rows, rho, phi, i, j) * Math.sqrt(rows.vi[i]! * rows.vi[j]!))));
    const n = index.length;
    if (n > 1 && matrix.every((r) => r.every(Number.isFinite)) && cholesky(Float64Array.from(matrix.flat()), n) === null) {
      warnings.push(`The covariance matrix of cluster ${cluster} is not positive definite.`);
    }
    blocks.push({ cluster, index, matrix });
  }
  return freezeResult({ k, blocks, warnings });
}

type Lookup = (a: string, b: string) => number;

function correlation(r: Rows, rho: { obs: Lookup; type: Lookup }, phi: number, i: number, j: number): number {
  const construct = r.type[i] === r.type[j] ? (r.obs[i] === r.obs[j] ? 1 : rho.obs(r.obs[i]!, r.obs[j]!)) : rho.type(r.type[i]!, r.type[j]!);
  const g = (ga: string, gb: string, ta: number, tb: number) => (ga === gb ? (ta === tb ? 1 : phi ** Math.abs(ta - tb)) : 0);
  const num = g(r.grp1[i]!, r.grp1[j]!, r.time1[i]!, r.time1[j]!) / Math.sqrt(r.w1[i]! * r.w1[j]!)
    - g(r.grp1[i]!, r.grp2[j]!, r.time1[i]!, r.time2[j]!) / Math.sqrt(r.w1[i]! * r.w2[j]!)
    - g(r.grp2[i]!, r.grp1[j]!, r.time2[i]!, r.time1[j]!) / Math.sqrt(r.w2[i]! * r.w1[j]!)
    + g(r.grp2[i]!, r.grp2[j]!, r.time2[i]!, r.time2[j]!) / Math.sqrt(r.w2[i]! * r.w2[j]!);
  const d2 = (t: number) => 1 / r.w1[t]! + 1 / r.w2[t]! - 2 * g(r.grp1[t]!, r.grp2[t]!, r.time1[t]!, r.time2[t]!) / Math.sqrt(r.w1[t]! * r.w2[t]!);
  return (construct * num) / Math.sqrt(d2(i) * d2(j));
}

function readRows(data: ColumnData, o: Partial<VcalcOptions>, k: number): Rows {
  if (o.cluster === undefined) throw new InputError('missing: pass the cluster (study) of each row', { field: 'cluster', code: 'E_MISSING_VALUE' });
  if (o.grp2 !== undefined && o.grp1 === undefined) throw new InputError('give grp1 with grp2', { field: 'grp2' });
  if (o.time2 !== undefined && o.time1 === undefined) throw new InputError('give time1 with time2', { field: 'time2' });
  if (o.w2 !== undefined && o.w1 === undefined) throw new InputError('give w1 with w2', { field: 'w2' });
  const vi = (readColumn<unknown>(data, o.vi ?? 'vi', 'vi', k) ?? []).map((v, i) => {
    if (isMissing(v)) return NaN;
    if (typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v)) throw new InputError('must be a non-negative number', { field: 'vi', row: i + 1, value: v });
    return v;
  });
  const labels = (field: keyof VcalcOptions, fallback: string) => {
    const col = readColumn<unknown>(data, o[field] as ColumnSpec<unknown> | undefined, field, k);
    return col === undefined ? new Array<string>(k).fill(fallback) : col.map((x, i) => {
      const t = typeof x === 'boolean' ? String(x) : labelText(x);
      if (t === null || t === undefined) throw new InputError('is missing or not a label', { field, row: i + 1, value: x, code: 'E_MISSING_VALUE' });
      return t;
    });
  };
  const numbers = (field: keyof VcalcOptions, fallback: number[] | number, positive: boolean) => {
    const col = readColumn<unknown>(data, o[field] as ColumnSpec<unknown> | undefined, field, k);
    if (col === undefined) return typeof fallback === 'number' ? new Array<number>(k).fill(fallback) : fallback;
    return col.map((x, i) => {
      if (typeof x !== 'number' || !Number.isFinite(x) || (positive && !(x > 0))) {
        throw new InputError(positive ? 'must be a positive number' : 'must be a finite number', { field, row: i + 1, value: x, code: isMissing(x) ? 'E_MISSING_VALUE' : 'E_OUT_OF_RANGE' });
      }
      return x;
    });
  };
  const cluster = labels('cluster', '');
  const subgroup = o.subgroup === undefined ? undefined : labels('subgroup', '');
  const time1 = numbers('time1', 1, false);
  const w1 = numbers('w1', 1, true);
  return {
    vi, cluster: subgroup ? cluster.map((c, i) => `${c}.${subgroup[i]!}`) : cluster,
    type: labels('type', '1'), obs: labels('obs', '1'), grp1: labels('grp1', '1'), grp2: labels('grp2', '2'),
    time1, time2: numbers('time2', time1, false), w1, w2: numbers('w2', w1, true),
  };
}

function resolvePhi(o: Partial<VcalcOptions>): number {
  if (o.time1 === undefined) return 1;
  const phi = o.phi;
  if (phi === undefined) throw new InputError('give phi (the autocorrelation) with time1', { field: 'phi', code: 'E_MISSING_VALUE' });
  if (typeof phi !== 'number' || !(Math.abs(phi) <= 1)) throw new InputError('must be a number in [-1, 1]', { field: 'phi', value: phi, code: 'E_OUT_OF_RANGE' });
  return phi;
}

/** metafor's rules: with type and obs, rho is [within, between]; with one of them, a single spec. */
function resolveRho(o: Partial<VcalcOptions>, rows: Rows): { obs: Lookup; type: Lookup } {
  const zero: Lookup = () => 0;
  const hasType = o.type !== undefined;
  const hasObs = o.obs !== undefined;
  if (!hasType && !hasObs) return { obs: zero, type: zero };
  const rho = o.rho;
  if (rho === undefined) throw new InputError(`give rho with ${hasType ? 'type' : 'obs'}`, { field: 'rho', code: 'E_MISSING_VALUE' });
  const pair = Array.isArray(rho);
  if (hasType && hasObs) {
    if (!pair || rho.length !== 2) throw new InputError('with both type and obs, rho must be [within-construct, between-construct]', { field: 'rho', value: rho });
    return { obs: lookup(rho[0] as RhoSpec, rows.obs, 'rho[0]'), type: lookup(rho[1] as RhoSpec, rows.type, 'rho[1]') };
  }
  if (pair) throw new InputError(`with only ${hasType ? 'type' : 'obs'}, rho must be one number or one matrix`, { field: 'rho', value: rho });
  return hasType ? { obs: zero, type: lookup(rho as RhoSpec, rows.type, 'rho') } : { obs: lookup(rho as RhoSpec, rows.obs, 'rho'), type: zero };
}

function lookup(spec: RhoSpec, present: readonly string[], field: string): Lookup {
  if (typeof spec === 'number') {
    if (!(Math.abs(spec) <= 1)) throw new InputError('must be a correlation in [-1, 1]', { field, value: spec, code: 'E_OUT_OF_RANGE' });
    return () => spec;
  }
  if (!isPlainObject(spec) || !Array.isArray(spec.labels) || !Array.isArray(spec.values)) {
    throw new InputError('must be a number or { labels, values } (a labelled correlation matrix)', { field, value: spec, code: 'E_INVALID_TYPE' });
  }
  const m = spec.labels.length;
  const at = new Map(spec.labels.map((l, a) => [String(l), a]));
  if (spec.values.length !== m || spec.values.some((r) => !Array.isArray(r) || r.length !== m)) {
    throw new InputError(`values must be ${m}×${m}, one row and column per label`, { field, code: 'E_LENGTH_MISMATCH' });
  }
  (spec.values as readonly (readonly unknown[])[]).forEach((r) => r.forEach((x) => {
    if (typeof x !== 'number' || !(Math.abs(x) <= 1)) throw new InputError('holds a value outside [-1, 1]', { field, value: x, code: 'E_OUT_OF_RANGE' });
  }));
  for (const label of new Set(present)) {
    if (!at.has(label)) throw new InputError(`has no row for the label "${label}"`, { field, code: 'E_UNKNOWN_REFERENCE' });
  }
  return (a, b) => spec.values[at.get(a)!]![at.get(b)!]!;
}
