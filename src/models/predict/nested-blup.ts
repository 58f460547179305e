import type { ModelView } from './model-view.ts';
import { nestedBlocks } from './nested-blocks.ts';

/** BLUPs of a multilevel fit: the row-level effects and the outer and inner random effects. */
export interface NestedBlup {
  readonly rows: { readonly estimate: Float64Array; readonly se: Float64Array };
  readonly outer: readonly { readonly label: string; readonly estimate: number; readonly se: number }[];
  readonly inner: readonly { readonly label: string; readonly estimate: number; readonly se: number }[];
}

/**
 * The BLUPs of the nested model of `multilevel` (see `blup`), block by block: for an indicator
 * (or combination) g of random effects, ĝ = gᵀV⁻¹e and the prediction error variance uses
 * gᵀPg = gᵀV⁻¹g − (XᵀV⁻¹g)ᵀ Var(β̂) (XᵀV⁻¹g), all on the rows of one outer cluster.
 * Inner levels are labelled `outer/inner` as metafor.
 *
 * @example
 * const fit = multilevel({ yi: [0.1, 0.3, 0.9, 1.1, -0.2, 0], vi: [0.01, 0.01, 0.01, 0.01, 0.01, 0.01] },
 *   { outer: ['a', 'a', 'b', 'b', 'c', 'c'], inner: ['1', '2', '1', '2', '1', '2'] });
 * nestedBlup(readModelView(fit, 'blup')).outer[1].label // => 'b'
 */
export function nestedBlup(view: ModelView): NestedBlup {
  const { k, p, x, beta, vb, yi } = view;
  const { sigma2, outer, inner } = view.nested!;
  const blocks = nestedBlocks(view.vi, sigma2, outer, inner);
  const e = Float64Array.from(yi, (y, i) => {
    let f = 0;
    for (let a = 0; a < p; a++) f += x[i * p + a]! * beta[a]!;
    return y - f;
  });
  const quad = (u: ArrayLike<number>, w: ArrayLike<number>) => {
    let s = 0;
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) s += u[a]! * vb[a * p + b]! * w[b]!;
    return s;
  };
  const estimate = new Float64Array(k);
  const se = new Float64Array(k);
  const outerOut: NestedBlup['outer'][number][] = [];
  const innerOut: NestedBlup['inner'][number][] = [];
  blocks.clusters.forEach(({ label, rows }, j) => {
    const n = rows.length;
    const xj = rows.map((i) => Array.from(x.subarray(i * p, (i + 1) * p)));
    const we = blocks.solveCluster(j, rows.map((i) => e[i]!));
    // V_j⁻¹ applied to an indicator over the cluster's rows, and the sums we need from it
    const parts = (ind: number[]) => {
      const w = blocks.solveCluster(j, ind);
      const xw = Array.from({ length: p }, (_, a) => xj.reduce((s, row, r) => s + row[a]! * w[r]!, 0));
      return { w, xw };
    };
    const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => { let s = 0; for (let r = 0; r < n; r++) s += a[r]! * b[r]!; return s; };
    const one = new Array<number>(n).fill(1);
    const all = parts(one);
    const oneW1 = dot(one, all.w);
    const u = sigma2[0] * dot(one, we);
    outerOut.push({ label, estimate: u, se: Math.sqrt(Math.max(0, sigma2[0] - sigma2[0] ** 2 * (oneW1 - quad(all.xw, all.xw)))) });
    const levels = [...new Set(rows.map((i) => inner[i]!))];
    for (const level of levels) {
      const ind = rows.map((i) => (inner[i] === level ? 1 : 0));
      const lv = parts(ind);
      const lW1 = dot(ind, lv.w);
      const cross = dot(one, lv.w);
      const w = sigma2[1] * dot(ind, we);
      innerOut.push({ label: `${label}/${level}`, estimate: w, se: Math.sqrt(Math.max(0, sigma2[1] - sigma2[1] ** 2 * (lW1 - quad(lv.xw, lv.xw)))) });
      const gxw = Array.from({ length: p }, (_, a) => sigma2[0] * all.xw[a]! + sigma2[1] * lv.xw[a]!);
      const gWg = sigma2[0] ** 2 * oneW1 + 2 * sigma2[0] * sigma2[1] * cross + sigma2[1] ** 2 * lW1;
      const gPg = gWg - quad(gxw, gxw);
      rows.forEach((i, r) => {
        if (inner[i] !== level) return;
        const xi = xj[r]!;
        let fitted = 0;
        for (let a = 0; a < p; a++) fitted += xi[a]! * beta[a]!;
        estimate[i] = fitted + u + w;
        se[i] = Math.sqrt(Math.max(0, quad(xi, xi) + sigma2[0] + sigma2[1] - gPg - 2 * quad(xi, gxw)));
      });
    }
  });
  return { rows: { estimate, se }, outer: outerOut, inner: innerOut };
}
