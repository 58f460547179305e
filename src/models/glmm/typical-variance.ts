import { cholesky, choleskyInverse } from '../../numeric/cholesky.ts';
import type { GlmmData } from './glmm-data.ts';

/**
 * The "typical" sampling variance of metafor's I² and H² for `rma.glmm`,
 * ṽ = (k − p) / tr(P) with P = W − WX(XᵀWX)⁻¹XᵀW and W = diag(1/vᵢ), from the studies' escalc
 * effect sizes with metafor's defaults (`add = 1/2` to studies with a zero cell, `to = "only0"`):
 * PLO: logit with variance 1/x + 1/(n − x); IRLN: log rate, 1/x; OR: Woolf; IRR: 1/x1 + 1/x2.
 * Then I² = 100·τ²/(ṽ + τ²) and H² = τ²/ṽ + 1 (Higgins & Thompson, 2002).
 *
 * @returns ṽ, or NaN when k ≤ p or the weighted design is singular
 */
export function typicalVariance(data: GlmmData, measure: 'PLO' | 'IRLN' | 'OR' | 'IRR'): number {
  const { k, p, x } = data;
  const w = new Float64Array(k);
  for (let i = 0; i < k; i++) w[i] = 1 / samplingVariance(data, measure, i);
  let trace = 0;
  for (let i = 0; i < k; i++) trace += w[i]!;
  const xwx = new Float64Array(p * p);
  const xw2x = new Float64Array(p * p);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < p; j++) {
      for (let l = 0; l < p; l++) {
        const xx = x[i * p + j]! * x[i * p + l]!;
        xwx[j * p + l] = xwx[j * p + l]! + w[i]! * xx;
        xw2x[j * p + l] = xw2x[j * p + l]! + w[i]! * w[i]! * xx;
      }
    }
  }
  const l = cholesky(xwx, p);
  if (l === null || k <= p) return NaN;
  const inv = choleskyInverse(l, p);
  for (let j = 0; j < p; j++) for (let t = 0; t < p; t++) trace -= inv[j * p + t]! * xw2x[t * p + j]!;
  return (k - p) / trace;
}

function samplingVariance(data: GlmmData, measure: 'PLO' | 'IRLN' | 'OR' | 'IRR', i: number): number {
  const [a, b, c, d] = [data.a[i]!, data.b[i]!, data.c[i]!, data.d[i]!];
  switch (measure) {
    case 'PLO': {
      const add = a === 0 || b === 0 ? 0.5 : 0;
      return 1 / (a + add) + 1 / (b + add);
    }
    case 'IRLN':
      return 1 / (a === 0 ? 0.5 : a);
    case 'OR': {
      const add = a === 0 || b === 0 || c === 0 || d === 0 ? 0.5 : 0;
      return 1 / (a + add) + 1 / (b + add) + 1 / (c + add) + 1 / (d + add);
    }
    case 'IRR': {
      const add = a === 0 || c === 0 ? 0.5 : 0;
      return 1 / (a + add) + 1 / (c + add);
    }
  }
}
