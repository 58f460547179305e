// influencePlot: eight readable panels; each statistic's points at R's influence() values.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { influencePlot } from '../../src/index.ts';
import { byClass, expectReadablePlot, readAxis } from './plot-geometry.ts';
import { fixtureFit, loadPlotFixture } from './plot-fixtures.ts';
import { syntheticFit } from './synthetic.ts';

interface InfluenceFixture { diagnostics: { influence: Record<string, number[]> } }
const ref = JSON.parse(readFileSync(new URL('../fixtures/metafor/bcg.json', import.meta.url), 'utf8')) as InfluenceFixture;

describe('influencePlot', () => {
  const fx = loadPlotFixture('bcg');
  const fit = fixtureFit(fx, fx.fits[0]!); // REML, as the diagnostics fixture
  const svg = influencePlot(fit);

  it('draws eight readable panels with a point per study', () => {
    expectReadablePlot(svg, 'influence-bcg', 760, 920);
    expect(byClass(svg, 'panel').map((p) => p.attrs['data-panel'])).toEqual(['rstudent', 'dffits', 'cookD', 'covRatio', 'tau2Deleted', 'qDeleted', 'hat', 'weight']);
    expect(byClass(svg, 'study')).toHaveLength(8 * 13);
  });

  const columns = [['rstudent', 'rstudent'], ['dffits', 'dffits'], ['cookD', 'cook.d'], ['covRatio', 'cov.r'], ['tau2Deleted', 'tau2.del'], ['qDeleted', 'QE.del'], ['hat', 'hat'], ['weight', 'weight']] as const;
  it.each(columns.map((c, i) => [...c, i] as const))('%s panel: points at influence()$inf$%s', (key, rName, panel) => {
    const log = key === 'covRatio';
    const y = readAxis(svg, 'y', log ? (l) => Math.log(Number(l)) : Number, panel);
    const x = readAxis(svg, 'x', Number, panel);
    const points = byClass(svg, 'study').filter((_, j) => Math.floor(j / 13) === panel);
    const want = ref.diagnostics.influence[rName]!;
    points.forEach((p, i) => {
      const cx = Number(p.attrs.cx ?? Number(p.attrs.x) + Number(p.attrs.width) / 2);
      const cy = Number(p.attrs.cy ?? Number(p.attrs.y) + Number(p.attrs.height) / 2);
      expect(Math.abs(cx - x.px(i + 1))).toBeLessThan(0.03);
      expect(Math.abs(cy - y.px(log ? Math.log(want[i]!) : want[i]!))).toBeLessThan(0.05);
    });
  });

  it('flags the influential studies by shape and names them', () => {
    const flagged = byClass(svg, 'influential').map((e) => e.attrs['data-study']);
    expect(svg).toContain(flagged.length ? 'Influential by metafor’s criteria' : 'No study is influential');
    for (const name of new Set(flagged)) expect(svg).toContain(name);
  });

  it.each([2, 3, 40, 500])('stays readable for k = %i', (k) => {
    const out = influencePlot(syntheticFit(k, { longLabels: true }), { width: 640, height: 760 });
    expectReadablePlot(out, `influence-k${k}`, 640, 760);
    expect(byClass(out, 'study')).toHaveLength(8 * k);
  });
});
