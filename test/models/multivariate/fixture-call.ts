import type { MultivariateOptions } from '../../../src/models/multivariate/multivariate.ts';
import type { RandomTerm } from '../../../src/models/multivariate/random-terms.ts';

/** A metafor rma.mv fixture of test/fixtures/metafor-multivariate (generate.R). */
interface Term { levels?: (string | number)[][] | (string | number)[]; inner?: (string | number)[]; outer?: (string | number)[] }
export interface MvFixture {
  name: string; method: 'ML' | 'REML'; test: 'z' | 't'; struct: MultivariateOptions['struct']; yi: number[];
  blocks: { cluster: string; rows: number[] | number; V: number[][] | number }[]; X: number[][]; xnames: string[] | string; terms: Term[];
  beta: number[] | number; se: number[] | number; zval: number[] | number; pval: number[] | number; ci_lb: number[] | number; ci_ub: number[] | number;
  sigma2: number[] | number | null; tau2: number[] | number | null; rho: number[] | number | null; gamma2: number[] | number | null; phi: number[] | number | null;
  QE: number; QEdf: number; QEp: number; QM: number; QMdf: number; QMp: number; logLik: number; fitstats: number[]; parms: number; k: number; p: number;
}
export const arr = <T,>(x: T[] | T | null): T[] => (x === null ? [] : Array.isArray(x) ? x : [x]);

/** The fixture's data as multivariate() input and options (moderators = the columns of metafor's X). */
export function fixtureCall(f: MvFixture): [{ yi: number[] }, MultivariateOptions] {
  const xnames = arr(f.xnames);
  const intercept = xnames[0] === 'intrcpt';
  const moderators = Object.fromEntries(xnames.flatMap((n, j) => (intercept && j === 0 ? [] : [[n, f.X.map((r) => arr(r)[j]!)]])));
  const V = { k: f.yi.length, blocks: f.blocks.map((b) => ({ cluster: b.cluster, index: arr(b.rows).map((r) => r - 1), matrix: Array.isArray(b.V) ? b.V : [[b.V]] })) };
  const random: RandomTerm[] = f.terms.map((t) => (t.levels
    ? { levels: (Array.isArray(t.levels[0]) ? t.levels : [t.levels]) as string[][] }
    : { inner: t.inner!, outer: t.outer! }));
  return [{ yi: f.yi }, {
    V, random, struct: f.struct, method: f.method, test: f.test,
    ...(Object.keys(moderators).length > 0 ? { moderators, intercept } : {}),
  }];
}


/** The diagonal of the fixture's V (the sampling variances), in row order. */
export function fixtureVi(f: MvFixture): number[] {
  const vi = new Array<number>(f.yi.length);
  for (const b of f.blocks) arr(b.rows).forEach((r, a) => { vi[r - 1] = Array.isArray(b.V) ? b.V[a]![a]! : b.V; });
  return vi;
}
