import type { MultivariateStruct, StructParameters } from './covariance-structures.ts';
import type { ResolvedTerm } from './random-terms.ts';

/** One random term of a `multivariate` fit with its estimates, for printing and for readers. */
export type VarianceComponentSummary =
  | { readonly kind: 'nested'; readonly names: readonly string[]; readonly sigma2: readonly number[]; readonly groups: readonly number[] }
  | {
    readonly kind: 'structured'; readonly struct: MultivariateStruct; readonly inner: string; readonly outer: string;
    readonly innerLevels: readonly string[]; readonly outerGroups: number; readonly tau2: readonly number[]; readonly rho: readonly number[];
  };

/** Pairs each term with its part of the estimates (σ² in nested-term order, structured terms in order). */
export function describeComponents(terms: readonly ResolvedTerm[], comp: { readonly sigma2: readonly number[]; readonly structured: readonly StructParameters[] }): VarianceComponentSummary[] {
  let level = 0;
  let structured = 0;
  return terms.map((t): VarianceComponentSummary => {
    if (t.kind === 'nested') {
      const sigma2 = comp.sigma2.slice(level, level + t.codes.length);
      level += t.codes.length;
      return { kind: 'nested', names: t.names, sigma2, groups: t.counts };
    }
    const par = comp.structured[structured++]!;
    return {
      kind: 'structured', struct: t.struct, inner: t.names[0], outer: t.names[1], innerLevels: t.innerLevels,
      outerGroups: t.nOuter, tau2: par.tau2, rho: par.rho,
    };
  });
}
