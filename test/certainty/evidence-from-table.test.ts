// evidenceFromTable on the bundled dat.molloy2014, checked against metafor 5.1-12 (test/fixtures/evidence-table).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessCertainty, assessReplication, comparisonEffects, evidenceFromTable, forestPlot, InputError, poolByCluster, readTable, splitAuthors } from '../../src/index.ts';
import { expectClose, TOLERANCES } from '../tolerances.ts';

const rows = readTable(readFileSync(new URL('../../datasets/molloy2014.csv', import.meta.url), 'utf8')) as unknown as readonly Record<string, unknown>[];
const R = JSON.parse(readFileSync(new URL('../fixtures/evidence-table/molloy2014.json', import.meta.url), 'utf8'));
const options = {
  title: 'molloy', asOf: '2026-11-25', citation: 'Molloy et al. 2014', measure: 'ZCOR' as const, effectColumns: { ri: 'ri', ni: 'ni' },
  columns: { label: 'authors', year: 'year', authors: 'authors', n: 'ni', design: 'design', finding: 'a_measure' },
  intervention: 'conscientiousness', comparator: 'no association', outcome: 'adherence',
};
const ev = evidenceFromTable(rows, options);

describe('evidenceFromTable on dat.molloy2014', () => {
  it('one study per row, one comparison per adherence measure, effects equal to escalc ZCOR', () => {
    expect(ev.studies).toHaveLength(16);
    expect(ev.comparisons.map((c) => c.outcome)).toEqual(['adherence (self-report)', 'adherence (other)']);
    const effects = ev.comparisons.flatMap((c) => comparisonEffects(ev, c));
    for (const e of effects) {
      const i = ev.studies.findIndex((s) => s.id === e.study);
      expectClose(e.meanDifference!, R.yi[i], TOLERANCES.closed, 'e.meanDifference!');
      expectClose(e.variance!, R.vi[i], TOLERANCES.closed, 'e.variance!');
    }
    expect(effects).toHaveLength(16);
  });
  it('author networks: studies sharing a named author form one cluster, from the author text alone', () => {
    // Independent derivation: surnames split on "&", "et al." dropped; link rows sharing one.
    const names = rows.map((r) => String(r.authors).replace(' et al.', '').split(' & '));
    const christensen = rows.filter((_, i) => names[i]!.includes('Christensen')).map((r) => `${r.authors} ${r.year}`);
    expect(christensen).toEqual(['Christensen et al. 1999', 'Christensen & Smith 1995', 'Wiebe & Christensen 1997']);
    const [self, other] = assessReplication(ev).findings;
    expect(self!.clusters.filter((c) => c.length > 1)).toEqual([['Axelsson et al. 2009', 'Axelsson et al. 2011']]);
    expect(other!.clusters.filter((c) => c.length > 1)).toEqual([['Christensen & Smith 1995', 'Wiebe & Christensen 1997']]);
    expect(splitAuthors('Wiebe & Christensen')).toEqual(['Wiebe', 'Christensen']);
    expect(splitAuthors('A. Smith; B. Jones and C. Lee, et al.')).toEqual(['A. Smith', 'B. Jones', 'C. Lee']);
  });
  it('significance from each study CI: matches yi ± 1.96·√vi', () => {
    const results = assessReplication(ev).findings.flatMap((f) => f.results);
    for (const r of results) {
      const i = ev.studies.findIndex((s) => s.id === r.study);
      expect(r.significant).toBe(R.yi[i] - 1.959963984540054 * Math.sqrt(R.vi[i]) > 0 || R.yi[i] + 1.959963984540054 * Math.sqrt(R.vi[i]) < 0);
    }
  });
  it('certainty pools one estimate per cohort: REML estimate, CI, I² and prediction interval as metafor rma per subgroup', () => {
    const a = assessCertainty(ev, { measureLabel: "Fisher's z" });
    a.findings.forEach((f, j) => {
      const fit = R.fits[j];
      expectClose(f.effect.estimate!, fit.estimate, TOLERANCES.iterative, 'f.effect.estimate!');
      expectClose(f.effect.ci!.lower!, fit.ci[0], TOLERANCES.iterative, 'f.effect.ci!.lower!');
      expectClose(f.effect.ci!.upper!, fit.ci[1], TOLERANCES.iterative, 'f.effect.ci!.upper!');
      expect(f.participants).toBe(rows.filter((r) => r.a_measure === fit.a_measure).reduce((s, r) => s + Number(r.ni), 0));
      const inconsistency = f.domains.find((d) => d.domain === 'inconsistency')!;
      const crosses = fit.pi[0] < 0 && fit.pi[1] > 0;
      expect(inconsistency.downgrade).toBe(fit.i2 >= 50 && crosses ? 1 : 0);
    });
    // prospective / cross-sectional designs: observational evidence starts low
    expect(a.findings.map((f) => f.start)).toEqual(['low', 'low']);
  });
  it('a row without a usable effect keeps its study, with the reason; bad tables throw InputError', () => {
    const broken = rows.map((r, i) => (i === 0 ? { ...r, ri: null } : r));
    const e2 = evidenceFromTable(broken, options);
    const arm = e2.arms.find((a) => a.study === 'Axelsson et al. 2009')!;
    expect(arm.mean).toBeNull();
    expect(assessReplication(e2).findings[0]!.reasons.join(' ')).toMatch(/Axelsson et al. 2009 has the arms of this comparison but reports neither/);
    expect(() => evidenceFromTable([...rows, rows[0]!], options)).toThrow(/two rows name the same study "Axelsson et al. 2009"/);
    expect(() => evidenceFromTable(rows, { ...options, columns: { ...options.columns, lable: 'x' } as never })).toThrow(InputError);
    expect(() => evidenceFromTable(rows, { ...options, asOf: '2026-13-01' })).toThrow(/ISO date/);
  });
  it('poolByCluster refuses a partial comparison that matches effects of no single finding (found by the adversarial test)', () => {
    const partial = { ...ev.comparisons[1]!, outcome: null };
    expect(() => poolByCluster(ev, partial as never)).toThrow(expect.objectContaining({ field: 'comparison', code: 'E_UNKNOWN_REFERENCE' }));
  });
  it('poolByCluster: one estimate per author network beside the usual fit, as metafor on the aggregated table', () => {
    const p = poolByCluster(ev, ev.comparisons[1]!);
    expect(p.standard!.k).toBe(8);
    expectClose(p.standard!.estimate, R.fits[1].estimate, TOLERANCES.iterative, 'standard estimate');
    const net = p.clusters.find((c) => c.studies.length > 1)!;
    expect(net.studies).toEqual(['Christensen & Smith 1995', 'Wiebe & Christensen 1997']);
    expectClose(net.yi, R.byCluster.network[0], TOLERANCES.closed, 'network yi');
    expectClose(net.vi, R.byCluster.network[1], TOLERANCES.closed, 'network vi');
    expect(p.byCluster!.k).toBe(R.byCluster.k);
    expectClose(p.byCluster!.estimate, R.byCluster.estimate, TOLERANCES.iterative, 'by-cluster estimate');
    expectClose(p.byCluster!.ci.lower!, R.byCluster.ci[0], TOLERANCES.iterative, 'by-cluster lower');
    expect(p.forestClusters.filter((c) => c !== null)).toEqual([net.name, net.name]);
    const svg = forestPlot(p.standard!, { clusters: p.forestClusters, notReplicated: p.notReplicated });
    expect(svg).toContain('Christensen &amp; Smith 1995 + Wiebe &amp; Christensen 1997');
  });
});
