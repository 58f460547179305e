import { assertLevel } from '../../errors.ts';
import { readMultivariateFit } from './read-multivariate-fit.ts';
import { checkOptions } from '../../check-options.ts';
import { freezeResult } from '../../freeze-result.ts';
import { cholesky, forwardSolve } from '../../numeric/cholesky.ts';
import type { Interval } from '../../types.ts';
import { wald } from '../inference/wald-test.ts';
import { indexLabels } from '../multilevel/label-index.ts';
import { readBlockMatrix } from './block-matrix.ts';
import type { MultivariateResult } from './multivariate.ts';
import { structCovariance } from './covariance-structures.ts';

/** One predicted random effect. */
export interface RandomEffectPrediction {
  /** Group label: `a/b` for nested levels, `inner | outer` for structured terms (as metafor). */
  readonly label: string;
  readonly estimate: number;
  /** √Var(û − u). */
  readonly se: number;
  readonly pi: Interval;
}

/** Result of {@link ranefMultivariate}: the predicted effects of each random term (metafor's `ranef.rma.mv`). */
export interface MultivariateRandomEffects {
  readonly terms: readonly { readonly term: string; readonly effects: readonly RandomEffectPrediction[] }[];
  readonly level: number;
}

/**
 * Best linear unbiased predictions of the random effects of a `multivariate` fit, as metafor's
 * `ranef.rma.mv`: with c_j = Cov(y, u_j) (σ²_l on the rows of group j; G[a, inner_i] on the rows
 * of outer group o for the effect (a, o) of a structured term), e = y − Xβ̂ and
 * P = M⁻¹ − M⁻¹X(XᵀM⁻¹X)⁻¹XᵀM⁻¹,
 *
 *   û_j = c_jᵀM⁻¹e,   Var(û_j − u_j) = D_jj − c_jᵀPc_j,
 *
 * with intervals û ± z (or t(k − p)) · SE (Searle, Casella & McCulloch, 1992, ch. 7). Every c_j
 * lies in one independent block of M, so the cost is O(Σ n_b³ + effects · n_b²).
 *
 * @throws InputError when `fit` is not a `multivariate` result or the level is not in (0, 1).
 * @example
 * const fit = multivariate({ yi: [0, 0, 1, 1], vi: [0.1, 0.1, 0.1, 0.1] }, { random: { levels: [['a', 'a', 'b', 'b']] } });
 * ranefMultivariate(fit).terms[0].effects.map((e) => e.label) // => ['a', 'b']
 */
export function ranefMultivariate(fit: MultivariateResult, options: { readonly level?: number } = {}): MultivariateRandomEffects {
  const o = checkOptions<{ level: number }>(options, ['level']);
  return readMultivariateFit(fit, 'fit', () => predictAll(fit, o.level ?? fit.level));
}

function predictAll(fit: MultivariateResult, level: number): MultivariateRandomEffects {
  assertLevel(level);
  const { k, p } = fit;
  const blocks = readBlockMatrix(fit.marginal, k, 'fit.marginal', false).map((b) => ({ ...b, l: cholesky(b.values, b.n)! }));
  const blockOf = new Int32Array(k);
  blocks.forEach((b, t) => b.index.forEach((i) => { blockOf[i] = t; }));
  const beta = fit.coefficients.map((c) => c.estimate);
  const e = fit.yi.map((y, i) => y - fit.design[i]!.reduce((s, x, j) => s + x * beta[j]!, 0));
  const cov = fit.covariance;
  // per block: whitened residuals and design
  const white = blocks.map((b) => ({
    e: forwardSolve(b.l, b.n, b.index.map((i) => e[i]!)),
    x: Array.from({ length: p }, (_, j) => forwardSolve(b.l, b.n, b.index.map((i) => fit.design[i]![j]!))),
  }));
  const predict = (rows: readonly number[], c: (i: number) => number, d: number, label: string): RandomEffectPrediction => {
    const t = blockOf[rows[0]!]!;
    const b = blocks[t]!;
    const z = forwardSolve(b.l, b.n, b.index.map((i) => c(i)));
    let estimate = 0;
    let czz = 0;
    for (let a = 0; a < b.n; a++) { estimate += z[a]! * white[t]!.e[a]!; czz += z[a]! * z[a]!; }
    const h = white[t]!.x.map((xj) => xj.reduce((s, v, a) => s + v * z[a]!, 0));
    let hch = 0;
    for (let a = 0; a < p; a++) for (let q = 0; q < p; q++) hch += h[a]! * cov[a]![q]! * h[q]!;
    const se = Math.sqrt(Math.max(0, d - czz + hch));
    const w = wald(estimate, se, fit.df, level);
    return { label, estimate, se, pi: { lower: w.lower, upper: w.upper } };
  };
  const terms: MultivariateRandomEffects['terms'][number][] = [];
  // nested terms first, then the structured ones (metafor's order: sigma2, then tau2/rho, gamma2/phi)
  const ordered = [...fit.components.filter((c) => c.kind === 'nested'), ...fit.components.filter((c) => c.kind === 'structured')];
  for (const comp of ordered) {
    if (comp.kind === 'nested') {
      comp.rowGroups.forEach((groups, l) => {
        const s2 = comp.sigma2[l]!;
        const { codes, levels } = indexLabels(groups as string[]);
        const members = levels.map(() => [] as number[]);
        codes.forEach((g, i) => members[g]!.push(i));
        terms.push({
          term: comp.names.slice(0, l + 1).join('/'),
          effects: levels.map((label, g) => predict(members[g]!, (i) => (codes[i] === g ? s2 : 0), s2, label)),
        });
      });
      continue;
    }
    const m = comp.innerLevels.length;
    const at = new Map(comp.innerLevels.map((l, a) => [l, a]));
    const times = comp.struct === 'CAR' ? comp.innerLevels.map(Number) : comp.innerLevels.map((_, a) => a);
    const gm = structCovariance(comp.struct, comp, m, times);
    const g = (a: number, b: number) => gm[a * m + b]!;
    const outer = indexLabels(comp.rowOuter as string[]);
    const members = outer.levels.map(() => [] as number[]);
    outer.codes.forEach((o2, i) => members[o2]!.push(i));
    const effects: RandomEffectPrediction[] = [];
    outer.levels.forEach((label, og) => {
      const present = [...new Set(members[og]!.map((i) => at.get(comp.rowInner[i]!)!))].sort((a, b) => a - b);
      for (const a of present) {
        effects.push(predict(members[og]!, (i) => (outer.codes[i] === og ? g(a, at.get(comp.rowInner[i]!)!) : 0), g(a, a), `${comp.innerLevels[a]!} | ${label}`));
      }
    });
    terms.push({ term: `${comp.inner} | ${comp.outer}`, effects });
  }
  return freezeResult({ terms, level });
}
