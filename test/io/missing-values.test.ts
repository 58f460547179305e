// One missing-value rule at every entry point (issue #8): a missing yi, vi, effect-size input,
// moderator, subgroup, outer/inner or cluster label omits the row with a warning naming it:
// never a new category, never a throw. Each result equals the one without that row (a direct
// computation on the remaining rows).
import { describe, expect, it } from 'vitest';
import {
  cumulative, effectSizes, failSafeN, imputeSd, isMissing, mantelHaenszel, metaAnalysis, metaRegression, multilevel, peto, robust, subgroupAnalysis, MISSING_TEXTS,
} from '../../src/index.ts';
import { labelText } from '../../src/missing.ts';

const MISSING: readonly unknown[] = [null, undefined, NaN, '', '  ', 'NA', ' NA ', 'na', 'N/A', 'NaN', 'null', 'NULL'];
const yi = [0.1, 0.3, 0.2, 0.8, 1.0, 0.7, 0.4, 0.6];
const vi = [0.02, 0.03, 0.025, 0.02, 0.04, 0.03, 0.05, 0.02];
const labels = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
const without = <T>(xs: readonly T[], i: number) => xs.filter((_, j) => j !== i);
const setAt = <T>(xs: readonly T[], i: number, v: unknown) => xs.map((x, j) => (j === i ? v : x)) as T[];

describe('isMissing and labelText', () => {
  it('say which values are missing (trimmed, case-sensitive)', () => {
    for (const m of MISSING) expect(isMissing(m)).toBe(true);
    for (const p of [0, -1, '0', 'Na', 'none', false, 'n.a.', Infinity]) expect(isMissing(p)).toBe(false);
    expect(MISSING_TEXTS).toContain('NA');
    expect(labelText(3)).toBe('3');
    expect(labelText(' x ')).toBe('x');
    expect(labelText('NA')).toBeNull();
    expect(labelText([1])).toBeUndefined();
  });
});

describe.each(MISSING.map((m) => [m]))('the missing value %j', (m) => {
  it('metaAnalysis: a missing yi or vi omits the study', () => {
    for (const field of ['yi', 'vi'] as const) {
      const input = { yi, vi, labels, [field]: setAt(field === 'yi' ? yi : vi, 2, m) };
      const fit = metaAnalysis(input as never, { method: 'DL' });
      expect(fit.k).toBe(7);
      expect(fit.estimate).toBe(metaAnalysis({ yi: without(yi, 2), vi: without(vi, 2) }, { method: 'DL' }).estimate);
      expect(fit.warnings).toContain(`Row 3 (C) omitted: ${field} missing.`);
    }
  });

  it('effectSizes: a missing count omits the row; a missing study label gives "row N"', () => {
    const rows = [
      { study: 'A', ai: 4, n1i: 40, ci: 8, n2i: 40 },
      { study: m, ai: 6, n1i: 50, ci: 9, n2i: 45 },
      { study: 'C', ai: m, n1i: 30, ci: 5, n2i: 30 },
    ];
    const es = effectSizes('OR', rows);
    expect(es.labels[1]).toBe('row 2');
    expect(Number.isNaN(es.yi[2])).toBe(true);
    expect(es.warnings).toEqual(['row 3 (C) omitted: ai missing']);
  });

  it('effectSizes on arm rows: a missing study id or arm name leaves the arm out, never a study "NA"', () => {
    const arm = (study: unknown, name: unknown, mean: number) => ({ study, arm: name, mean, sd: 2, n: 20 });
    const rows = [arm('A', 't', 5), arm('A', 'c', 4), arm(m, 't', 6), arm(m, 'c', 3), arm('C', m, 7), arm('C', 'c', 2)];
    const es = effectSizes('MD', rows, { arms: { treatment: 't', control: 'c' } });
    expect(es.labels).toEqual(['A']);
    expect(es.warnings.slice(0, 3)).toEqual([
      'row 3: study id ("study") missing; not used',
      'row 4: study id ("study") missing; not used',
      'row 5 (study "C"): arm name ("arm") missing; not used',
    ]);
  });

  it('subgroupAnalysis: a missing label is never a subgroup', () => {
    const groups = setAt(['a', 'a', 'a', 'b', 'b', 'b', 'a', 'b'], 6, m);
    const r = subgroupAnalysis({ yi, vi, labels }, groups, { method: 'DL' });
    expect(r.groups.map((g) => `${g.level}:${g.k}`)).toEqual(['a:3', 'b:4']);
    expect(r.warnings).toEqual(['Row 7 (G) omitted: subgroup label missing.']);
    const direct = subgroupAnalysis({ yi: without(yi, 6), vi: without(vi, 6) }, without(groups, 6) as string[], { method: 'DL' });
    expect(r.between.q).toBe(direct.between.q);
  });

  it('metaRegression: a missing numeric or categorical moderator omits the row', () => {
    const x = setAt([1, 2, 3, 4, 5, 6, 7, 8], 4, m);
    const g = setAt(['u', 'v', 'u', 'v', 'u', 'v', 'w', 'w'], 1, m);
    const r = metaRegression({ yi, vi, labels }, { moderators: { x, g }, method: 'DL' });
    expect(r.k).toBe(6);
    expect(r.coefficients.map((c) => c.name)).toEqual(['intercept', 'x', 'gv', 'gw']);
    expect(r.warnings).toEqual(['Row 2 (B) omitted: moderator "g" missing.', 'Row 5 (E) omitted: moderator "x" missing.']);
    const keep = [0, 2, 3, 5, 6, 7];
    const direct = metaRegression(
      { yi: keep.map((i) => yi[i]!), vi: keep.map((i) => vi[i]!) },
      { moderators: { x: keep.map((i) => i + 1), gv: keep.map((i) => (i % 2 === 1 && i < 6 ? 1 : 0)), gw: keep.map((i) => (i >= 6 ? 1 : 0)) }, method: 'DL' },
    );
    expect(r.coefficients.map((c) => c.estimate)).toEqual(direct.coefficients.map((c) => c.estimate));
  });

  it('multilevel and robust: a missing outer, inner or cluster label omits the row', () => {
    const outer = ['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd'];
    const inner = ['1', '2', '1', '2', '1', '2', '1', '2'];
    const fit = multilevel({ yi, vi, labels }, { outer: setAt(outer, 3, m), inner });
    const direct = multilevel({ yi: without(yi, 3), vi: without(vi, 3) }, { outer: without(outer, 3), inner: without(inner, 3) });
    expect(fit.k).toBe(7);
    expect(fit.estimate).toBe(direct.estimate);
    expect(fit.warnings).toContain('Row 4 (D) omitted: outer label missing.');
    const full = multilevel({ yi, vi, labels }, { outer, inner });
    const r = robust(full, { cluster: setAt(outer, 0, m), adjust: 'CR1' });
    expect(r.k).toBe(7);
    expect(r.warnings[0]).toBe('Row 1 (A) omitted: cluster label missing.');
  });

  it('mantelHaenszel and peto: a missing count omits the table', () => {
    const rows = [
      { ai: 4, n1i: 40, ci: 8, n2i: 40 }, { ai: 6, n1i: 50, ci: 9, n2i: 45 },
      { ai: 2, n1i: 30, ci: m, n2i: 30 }, { ai: 7, n1i: 60, ci: 12, n2i: 58 },
    ];
    const mh = mantelHaenszel(rows);
    expect(mh.estimate).toBe(mantelHaenszel(without(rows, 2)).estimate);
    expect(mh.warnings).toContain('row 3 omitted: ci missing');
    expect(peto(rows).estimate).toBe(peto(without(rows, 2)).estimate);
  });

  it('imputeSd fills a missing SD; failSafeN omits a missing yi; cumulative sorts a missing key last', () => {
    const filled = imputeSd([{ sd1i: 2, n1i: 10 }, { sd1i: m, n1i: 12 }, { sd1i: 4, n1i: 20 }], { method: 'median', roles: ['sd1i'] });
    expect((filled.rows[1] as { sd1i: number }).sd1i).toBe(3);
    const fsn = failSafeN({ yi: setAt(yi, 0, m), vi });
    expect(fsn.warnings).toContain('Row 1 omitted: yi missing.');
    const fit = metaAnalysis({ yi: yi.slice(0, 3), vi: vi.slice(0, 3) }, { method: 'DL' });
    const order = cumulative(fit, [2001, m as number, 1999]);
    expect(order.at(-1)!.estimate).toBe(fit.estimate);
  });
});
