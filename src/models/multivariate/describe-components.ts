import type { MultivariateStruct, StructParameters } from './covariance-structures.ts';
import type { RawTerm, ResolvedTerm } from './random-terms.ts';

/** One random term of a `multivariate` fit with its estimates, for printing and for readers. */
export type VarianceComponentSummary =
  | {
    readonly kind: 'nested'; readonly names: readonly string[]; readonly sigma2: readonly number[]; readonly groups: readonly number[];
    /** Each row's group at each level: the labels of its path joined by '/' (metafor's `a/b`). */
    readonly rowGroups: readonly (readonly string[])[];
  }
  | {
    readonly kind: 'structured'; readonly struct: MultivariateStruct; readonly inner: string; readonly outer: string;
    readonly innerLevels: readonly string[]; readonly outerGroups: number; readonly tau2: readonly number[]; readonly rho: readonly number[];
    /** Each row's inner level and outer group. */
    readonly rowInner: readonly string[];
    readonly rowOuter: readonly string[];
  };

/** Pairs each term with its part of the estimates (σ² in nested-term order, structured terms in order). */
export function describeComponents(
  terms: readonly ResolvedTerm[], raw: readonly RawTerm[], rows: readonly number[],
  comp: { readonly sigma2: readonly number[]; readonly structured: readonly StructParameters[] },
): VarianceComponentSummary[] {
  let level = 0;
  let structured = 0;
  return terms.map((t, j): VarianceComponentSummary => {
    const r = raw[j]!;
    if (t.kind === 'nested' && r.kind === 'nested') {
      const sigma2 = comp.sigma2.slice(level, level + t.codes.length);
      level += t.codes.length;
      const rowGroups = t.codes.map((_, l) => rows.map((i) => r.labels.slice(0, l + 1).map((labels) => labels[i]!).join('/')));
      return { kind: 'nested', names: t.names, sigma2, groups: t.counts, rowGroups };
    }
    const s = t as Extract<ResolvedTerm, { kind: 'structured' }>;
    const rs = r as Extract<RawTerm, { kind: 'structured' }>;
    const par = comp.structured[structured++]!;
    return {
      kind: 'structured', struct: s.struct, inner: s.names[0], outer: s.names[1], innerLevels: s.innerLevels,
      outerGroups: s.nOuter, tau2: par.tau2, rho: par.rho, rowInner: rows.map((i) => rs.inner[i]!), rowOuter: rows.map((i) => rs.outer[i]!),
    };
  });
}
