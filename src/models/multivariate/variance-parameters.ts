import { InputError } from '../../errors.ts';
import { structCovariance, structFromScale, structSize, structStart, type StructParameters } from './covariance-structures.ts';
import type { VarianceComponents } from './marginal-likelihood.ts';
import type { ResolvedTerm, StructuredTerm } from './random-terms.ts';

/** A fixed value of a variance component: one number for all, or one per component (`null` = estimate). */
export type FixedValues = number | readonly (number | null)[];

/** Values the user fixes (metafor's `sigma2 =`, `tau2 =`, `rho =`, `gamma2 =`, `phi =` arguments). */
export interface FixedComponents {
  readonly sigma2?: FixedValues;
  readonly tau2?: FixedValues;
  readonly rho?: FixedValues;
  readonly gamma2?: FixedValues;
  readonly phi?: FixedValues;
}

/**
 * The optimisation vector θ of `multivariate` and its map to variance components: log σ² for
 * each free nested level, then each structured term's log τ² and atanh ρ (logit ρ for CAR).
 * Fixed components stay at their value: a nested level with a single group (σ² = 0) and, for
 * HCS, UN, DIAG and HAR, an inner level found in a single outer group (τ² = 0), as metafor; and
 * every value the user fixes.
 */
export interface VarianceLayout {
  /** Number of free parameters. */
  readonly size: number;
  /** Which component each free parameter is (in θ order): option name and index. */
  readonly free: readonly { readonly name: keyof FixedComponents; readonly index: number }[];
  /** Number of components per option name (σ² levels, τ² and ρ of each structured term). */
  readonly counts: Readonly<Record<keyof FixedComponents, number>>;
  /** Why components are fixed (for warnings): automatic fixes only. */
  readonly notes: readonly string[];
  readonly start: (variance: number) => number[];
  readonly components: (theta: ArrayLike<number>) => VarianceComponents & { readonly structured: readonly StructParameters[] };
}

const HETEROSCEDASTIC: ReadonlySet<string> = new Set(['HCS', 'UN', 'DIAG', 'HAR']);

/** The layout of θ for these terms, with the user's fixed values. */
export function varianceLayout(terms: readonly ResolvedTerm[], fixed: FixedComponents = {}): VarianceLayout {
  const notes: string[] = [];
  const nested = terms.flatMap((t) => (t.kind === 'nested' ? t.counts : []));
  const structured = terms.filter((t): t is StructuredTerm => t.kind === 'structured');
  const userSigma2 = expand(fixed.sigma2, nested.length, 'sigma2', 0, Infinity);
  // slot value on the optimisation scale, or null when free
  const sigmaSlots = nested.map((n, l) => {
    if (userSigma2[l] !== null) return logOf(userSigma2[l]!);
    if (n === 1) { notes.push(`Nested level ${l + 1} has a single group: its σ² is fixed at 0 (as metafor).`); return -Infinity; }
    return null;
  });
  const termSlots = structured.map((t, j) => {
    const m = t.innerLevels.length;
    const size = structSize(t.struct, m);
    const [vName, rName] = j === 0 ? ['tau2', 'rho'] as const : ['gamma2', 'phi'] as const;
    const userV = expand(fixed[vName], size.tau2, vName, 0, Infinity);
    const userR = expand(fixed[rName], size.rho, rName, t.struct === 'CAR' ? 0 : -1, 1);
    const vSlots = userV.map((v, a) => {
      if (v !== null) return logOf(v);
      if (HETEROSCEDASTIC.has(t.struct) && t.innerGroups[a] === 1) {
        notes.push(`Inner level ${t.innerLevels[a]} occurs in a single outer group: its ${vName === 'tau2' ? 'τ²' : 'γ²'} is fixed at 0 (as metafor).`);
        return -Infinity;
      }
      return null;
    });
    const rSlots = userR.map((r) => (r === null ? null : t.struct === 'CAR' ? Math.log(r / (1 - r)) : Math.atanh(r)));
    return [...vSlots, ...rSlots];
  });
  const slots = [...sigmaSlots, ...termSlots.flat()];
  const size = slots.filter((s) => s === null).length;
  const names: { name: keyof FixedComponents; index: number }[] = [
    ...sigmaSlots.map((_, l) => ({ name: 'sigma2' as const, index: l })),
    ...structured.flatMap((t, j) => {
      const sz = structSize(t.struct, t.innerLevels.length);
      const [v, r] = j === 0 ? ['tau2', 'rho'] as const : ['gamma2', 'phi'] as const;
      return [...Array.from({ length: sz.tau2 }, (_, a) => ({ name: v, index: a })), ...Array.from({ length: sz.rho }, (_, a) => ({ name: r, index: a }))];
    }),
  ];
  const counts = { sigma2: nested.length, tau2: 0, rho: 0, gamma2: 0, phi: 0 };
  structured.forEach((t, j) => {
    const sz = structSize(t.struct, t.innerLevels.length);
    if (j === 0) { counts.tau2 = sz.tau2; counts.rho = sz.rho; } else { counts.gamma2 = sz.tau2; counts.phi = sz.rho; }
  });
  return {
    size,
    free: names.filter((_, i) => slots[i] === null),
    counts,
    notes,
    start: (variance) => {
      const all = [...sigmaSlots.map(() => Math.log(variance)), ...structured.flatMap((t) => structStart(t.struct, t.innerLevels.length, variance))];
      return all.filter((_, i) => slots[i] === null);
    },
    components: (theta) => {
      let at = 0;
      const value = (slot: number | null) => (slot === null ? theta[at++]! : slot);
      const sigma2 = sigmaSlots.map((s) => Math.exp(value(s)));
      const pars = structured.map((t, j) => structFromScale(t.struct, termSlots[j]!.map(value), t.innerLevels.length));
      const g = structured.map((t, j) => structCovariance(t.struct, pars[j]!, t.innerLevels.length, t.times));
      return { sigma2, g, structured: pars };
    },
  };
}

/** `fixed` with one more component fixed: `name[index] = value` (the others as given). */
export function withFixed(fixed: FixedComponents, counts: Readonly<Record<keyof FixedComponents, number>>, name: keyof FixedComponents, index: number, value: number): FixedComponents {
  const given = fixed[name];
  const list = Array.from({ length: counts[name] }, (_, i) => (typeof given === 'number' ? given : Array.isArray(given) ? (given[i] ?? null) : null));
  list[index] = value;
  return { ...fixed, [name]: list };
}

const logOf = (v: number) => (v === 0 ? -Infinity : Math.log(v));

function expand(values: FixedValues | undefined, n: number, field: string, lower: number, upper: number): (number | null)[] {
  if (values === undefined) return new Array<null>(n).fill(null);
  const list = typeof values === 'number' ? new Array<number>(n).fill(values) : Array.isArray(values) ? values : null;
  if (list === null || list.length !== n) {
    throw new InputError(`must be one number or an array of ${n} (number or null to estimate)`, { field, value: values, code: 'E_LENGTH_MISMATCH' });
  }
  return list.map((x: unknown) => {
    if (x === null) return null;
    if (typeof x !== 'number' || !(x >= lower && x <= upper) || !Number.isFinite(x)) {
      throw new InputError(`must be ${upper === Infinity ? 'a non-negative number' : `in [${lower}, ${upper}]`} or null`, { field, value: x, code: 'E_OUT_OF_RANGE' });
    }
    return x;
  });
}
