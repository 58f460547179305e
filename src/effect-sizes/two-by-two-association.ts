import type { EffectArrays, MeasureFamily } from './family.ts';
import type { VarianceType } from './options.ts';
import { rowwise } from './rowwise.ts';
import { tetrachoricCorrelation } from './tetrachoric-correlation.ts';
import { TWO_BY_TWO_REQUIREMENTS, prepareTwoByTwo, validateTwoByTwo } from './two-by-two.ts';
import type { TwoByTwo } from './two-by-two.ts';

/**
 * Phi coefficient of 2x2 tables (metafor `PHI`): φ = (ad − bc)/√((a+b)(c+d)(a+c)(b+d)).
 * Variance under cross-sectional (multinomial) sampling, `CS` (and `LS`, as metafor), Yule (1912,
 * p. 603), with margins πᵢ. = row total/n and π.ⱼ = column total/n:
 * v = [1 − φ² + φ(1 + φ²/2)(π1. − π2.)(π.1 − π.2)/√(π1.π2.π.1π.2)
 *      − ¾φ²((π1. − π2.)²/(π1.π2.) + (π.1 − π.2)²/(π.1π.2))] / n;
 * under stratified sampling (fixed group sizes n1, n2), `ST`, with pg the event proportions and
 * qg = 1 − pg: v = N²[4n1³p1²p2q1²q2 + 4n2³p1p2²q1q2² + n1n2²p2q2(p2q1 + p1q2)(p2q1 + p1(4q1 + q2))
 * + n1²n2p1q1(p2q1 + p1q2)(p1q2 + p2(q1 + 4q2))] / (4(a+c)³(b+d)³) with N = n1 + n2
 * (metafor's formula). Scale: −1 to 1.
 *
 * @example
 * phiCoefficient({ a: Float64Array.of(135), b: Float64Array.of(15), c: Float64Array.of(40),
 *   d: Float64Array.of(10) }).yi[0] // => 0.1309 (metafor's test: Handbook of Research Synthesis, Table 13.4)
 */
export function phiCoefficient(t: TwoByTwo, vtype: 'LS' | 'CS' | 'ST' = 'LS'): EffectArrays {
  return rowwise(t.a.length, (i) => {
    const a = t.a[i]!, b = t.b[i]!, c = t.c[i]!, d = t.d[i]!;
    const n1 = a + b, n2 = c + d, n = n1 + n2;
    const phi = (a * d - b * c) / Math.sqrt(n1 * n2 * (a + c) * (b + d));
    if (vtype === 'ST') {
      const p1 = a / n1, p2 = c / n2, q1 = 1 - p1, q2 = 1 - p2;
      const mix = p2 * q1 + p1 * q2;
      const num =
        4 * n1 ** 3 * p1 ** 2 * p2 * q1 ** 2 * q2 +
        4 * n2 ** 3 * p1 * p2 ** 2 * q1 * q2 ** 2 +
        n1 * n2 ** 2 * p2 * q2 * mix * (p2 * q1 + p1 * (4 * q1 + q2)) +
        n1 ** 2 * n2 * p1 * q1 * mix * (p1 * q2 + p2 * (q1 + 4 * q2));
      return [phi, (n * n * num) / (4 * (a + c) ** 3 * (b + d) ** 3)];
    }
    const r1 = n1 / n, r2 = n2 / n, c1 = (a + c) / n, c2 = (b + d) / n;
    const v =
      (1 -
        phi * phi +
        (phi * (1 + (phi * phi) / 2) * (r1 - r2) * (c1 - c2)) / Math.sqrt(r1 * r2 * c1 * c2) -
        0.75 * phi * phi * ((r1 - r2) ** 2 / (r1 * r2) + (c1 - c2) ** 2 / (c1 * c2))) /
      n;
    return [phi, v];
  });
}

/**
 * Yule's Q (metafor `YUQ`; Yule, 1900, 1912): with the odds ratio ψ = ad/(bc), Q = (ψ − 1)/(ψ + 1),
 * v = ¼(1 − Q²)²(1/a + 1/b + 1/c + 1/d). Scale: −1 to 1.
 *
 * @example
 * yulesQ({ a: Float64Array.of(135), b: Float64Array.of(15), c: Float64Array.of(40),
 *   d: Float64Array.of(10) }).yi[0] // => 0.3846 (metafor's test: Handbook of Research Synthesis, Table 13.4)
 */
export function yulesQ(t: TwoByTwo): EffectArrays {
  return yule(t, 1, 4);
}

/**
 * Yule's Y, the coefficient of colligation (metafor `YUY`; Yule, 1912): with ψ = ad/(bc),
 * Y = (√ψ − 1)/(√ψ + 1), v = (1/16)(1 − Y²)²(1/a + 1/b + 1/c + 1/d). Scale: −1 to 1.
 *
 * @example
 * yulesY({ a: Float64Array.of(135), b: Float64Array.of(15), c: Float64Array.of(40),
 *   d: Float64Array.of(10) }).yi[0] // => 0.2000 (metafor's test: Handbook of Research Synthesis, Table 13.4)
 */
export function yulesY(t: TwoByTwo): EffectArrays {
  return yule(t, 0.5, 16);
}

/** Yule's coefficient of ψ^power with variance (1 − y²)²·Woolf/divisor. */
function yule(t: TwoByTwo, power: number, divisor: number): EffectArrays {
  return rowwise(t.a.length, (i) => {
    const a = t.a[i]!, b = t.b[i]!, c = t.c[i]!, d = t.d[i]!;
    const psi = (a / b / (c / d)) ** power;
    const y = (psi - 1) / (psi + 1);
    return [y, ((1 - y * y) ** 2 * (1 / a + 1 / b + 1 / c + 1 / d)) / divisor];
  });
}

/**
 * Fisher's r-to-z of a correlation-type measure with its variance carried along by the delta
 * method (metafor `ZPHI`, `ZTET`): z = atanh(r), v_z = v_r/(1 − min(r², 1))². Not a
 * variance-stabilizing transformation for these measures (metafor's note).
 *
 * @example
 * correlationToZ({ yi: Float64Array.of(0.5), vi: Float64Array.of(0.01) }).vi[0] // => 0.017777777777777778
 */
export function correlationToZ(r: EffectArrays): EffectArrays {
  return rowwise(r.yi.length, (i) => {
    const y = r.yi[i]!;
    return [Math.atanh(y), r.vi[i]! / (1 - Math.min(y * y, 1)) ** 2];
  });
}

type AssociationMeasure = 'PHI' | 'ZPHI' | 'YUQ' | 'YUY' | 'RTET' | 'ZTET';

const REASONS: Record<AssociationMeasure, string> = {
  PHI: 'the phi coefficient is undefined for a table with an empty row or column',
  ZPHI: 'the r-to-z transformed phi coefficient is undefined for this table (empty margin or |phi| = 1)',
  YUQ: "a zero cell makes Yule's Q variance undefined (see options add and to)",
  YUY: "a zero cell makes Yule's Y variance undefined (see options add and to)",
  RTET: 'the tetrachoric correlation has no finite variance for this table (an empty margin, or a single zero cell)',
  ZTET: 'the r-to-z transformed tetrachoric correlation is undefined for this table (empty margin, zero cell or |r| = 1)',
};

/**
 * 2x2 tables as measures of association between two dichotomous variables: PHI, ZPHI, YUQ, YUY,
 * RTET, ZTET. A row or a column of the table may be empty (cross-sectional sampling).
 */
export const twoByTwoAssociationFamily: MeasureFamily<AssociationMeasure> = {
  measures: ['PHI', 'ZPHI', 'YUQ', 'YUY', 'RTET', 'ZTET'],
  requirements: () => TWO_BY_TWO_REQUIREMENTS,
  vtypes: (measure): readonly VarianceType[] => (measure === 'PHI' || measure === 'ZPHI' ? ['LS', 'ST', 'CS'] : ['LS']),
  validate(_measure, table) {
    validateTwoByTwo(table, 0);
  },
  compute(measure, table, options) {
    const { cells: t, dropped } = prepareTwoByTwo(table, options);
    const vtype = options.vtype as 'LS' | 'CS' | 'ST';
    const tetrachoric = () => rowwise(t.a.length, (i) => tetrachoricCorrelation(t.a[i]!, t.b[i]!, t.c[i]!, t.d[i]!));
    const result = (() => {
      switch (measure) {
        case 'PHI':
          return phiCoefficient(t, vtype);
        case 'ZPHI':
          return correlationToZ(phiCoefficient(t, vtype));
        case 'YUQ':
          return yulesQ(t);
        case 'YUY':
          return yulesY(t);
        case 'RTET':
          return tetrachoric();
        case 'ZTET':
          return correlationToZ(tetrachoric());
      }
    })();
    return dropped ? { ...result, dropped } : result;
  },
  undefinedReason: (measure) => REASONS[measure],
};
