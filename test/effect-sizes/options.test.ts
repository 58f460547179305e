// Non-default escalc() options against R metafor 5.1-12. The R call of each case is stored with
// its values in r-reference/options.json (written by r-reference/options.R), e.g.
//   escalc("SMD", m1i=m1i, sd1i=sd1i, n1i=n1i, m2i=m2i, sd2i=sd2i, n2i=n2i, data=normand, vtype="UB")
//   escalc("OR", ai=ai, n1i=n1i, ci=ci, n2i=n2i, data=niel, to="if0all", add=0.1)
//   escalc("RR", ai=ai, bi=bi, ci=ci, di=di, data=zeros2x2, drop00=TRUE)
//   escalc("PLO", xi=xi, ni=ni, data=props, to="none")
import { describe, expect, it } from 'vitest';
import { effectSizes } from '../../src/effect-sizes/effect-sizes.ts';
import type { Measure } from '../../src/types.ts';
import { expectReproduces, optionReferences } from './helpers.ts';

const ref = optionReferences();

describe('effectSizes options match R escalc', () => {
  it('covers vtype, correct, add, to and drop00, from metafor 5.1-12', () => {
    expect((ref as unknown as { generator: string }).generator).toMatch(/metafor 5\.1\.12/);
    const used = new Set(ref.cases.flatMap((c) => Object.keys(c.options)));
    expect([...used].sort()).toEqual(['add', 'correct', 'drop00', 'to', 'vtype']);
    expect(ref.cases.length).toBeGreaterThanOrEqual(40);
  });
  for (const c of ref.cases) {
    it(`${c.name}: ${c.call}`, () => {
      const rows = ref.datasets[c.dataset]!;
      const got = effectSizes(c.measure as Measure, rows, { columns: c.columns, ...c.options });
      expectReproduces(got.yi, c.yi, `${c.name} yi`);
      expectReproduces(got.vi, c.vi, `${c.name} vi`);
      // Every NA row is explained in the warnings, by row number.
      const na = c.yi.flatMap((y, i) => (y === null ? [i + 1] : []));
      for (const row of na) expect(got.warnings.some((w) => w.startsWith(`row ${row} `))).toBe(true);
      expect(got.warnings).toHaveLength(na.length);
    });
  }
});

describe('correct: false (no Hedges correction)', () => {
  const normand = ref.datasets['normand']!;
  const columns = { m1i: 'm1i', sd1i: 'sd1i', n1i: 'n1i', m2i: 'm2i', sd2i: 'sd2i', n2i: 'n2i' };
  it("gives Cohen's d with the large-sample variance", () => {
    // R, Cohen's d by hand (metafor 5.x's escalc(..., correct = FALSE) is in options.json too):
    //   library(metadat); with(dat.normand1999, { sp <- sqrt(((n1i-1)*sd1i^2 + (n2i-1)*sd2i^2)/(n1i+n2i-2));
    //     d <- (m1i-m2i)/sp; print(sprintf("%.17g", d)); print(sprintf("%.17g", 1/n1i + 1/n2i + d^2/(2*(n1i+n2i)))) })
    const d = [
      -0.35603461917109186, -0.3522923044174826, -2.3297277907402334, -1.9309454409324953, -0.40000000000000002,
      0.17336718194422179, 0.27524226688471143, -0.42569452360552118, 0.29154935269820742,
    ];
    const v = [
      0.013065664570794604, 0.06449306346653999, 0.046005619755543598, 0.1628965318869165, 0.20573260073260075,
      0.036912501264182315, 0.060280155497568141, 0.014864631991553216, 0.036276904759305284,
    ];
    const got = effectSizes('SMD', normand, { columns, correct: false });
    expectReproduces(got.yi, d, 'd');
    expectReproduces(got.vi, v, 'v');
  });
  it('keeps LS2 equal to LS when J = 1', () => {
    const ls = effectSizes('SMD', normand, { columns, correct: false });
    const ls2 = effectSizes('SMD', normand, { columns, correct: false, vtype: 'LS2' });
    expectReproduces(ls2.vi, ls.vi as number[], 'vi');
  });
});
