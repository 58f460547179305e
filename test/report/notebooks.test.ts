// The two notebooks write their reports and figures to out/: run them as a user would and look at
// what they wrote, as a reader would.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { axisPosition, expectReadablePlot } from '../plots/plot-checks.ts';
import { svgElements } from '../plots/svg-check.ts';
import { CHROMIUM, dumpDom, pngSize, screenshot } from './chromium.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = (name: string): string => `${root}out/${name}`;
function runNotebook(name: string): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `notebooks/${name}`], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
}

describe('seed notebook (npm start): HTML report with its figures', () => {
  let html = '';
  beforeAll(() => {
    runNotebook('conditioned-medium-hair-loss.ts');
    html = readFileSync(out('conditioned-medium-hair-loss.html'), 'utf8');
  }, 120_000);

  it('writes a self-contained HTML report beside the Markdown, with two figures and the replication table', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/<figure>/g)).toHaveLength(2);
    expect(html).toContain('<th>Independence clusters</th>');
    expect(html).toContain('<strong>not independently replicated</strong>');
    expect(html).toContain('<strong>pending</strong>');
  });

  it('pictures the evidence base: groups, studies, the 2022/2024 overlap and the pending exosome trials', () => {
    const svg = readFileSync(out('conditioned-medium-hair-loss-evidence.svg'), 'utf8');
    const el = expectReadablePlot(svg, ['Korean RCT 2022', 'Seoul follow-up 2024', 'Seoul National', 'Expected 2026/2027'], 'seed-evidence');
    expect(el.filter((e) => e.attrs.class === 'study published').map((e) => e.attrs['data-study'])).toEqual(['snu-2022', 'snu-2024']);
    expect(el.filter((e) => e.attrs.class === 'study ongoing').map((e) => e.attrs['data-study'])).toEqual(['us-exosome-phase2']);
    expect(el.find((e) => e.attrs.class === 'overlap')!.attrs['data-studies']).toBe('snu-2022 snu-2024');
    expect(el.some((e) => e.text.startsWith('Probably the same patients'))).toBe(true);
    expect(el.some((e) => e.text.includes('results expected 2026/2027'))).toBe(true);
  });

  it('draws the mean differences against the assumed SD, marking where each CI starts to include 0', () => {
    const svg = readFileSync(out('conditioned-medium-hair-loss-sensitivity.svg'), 'utf8');
    const el = expectReadablePlot(svg, [], 'seed-sensitivity');
    // Wald CI with 30 per arm: MD − 1.959964 · SD · √(2/30) = 0 at SD = MD / (1.959964 · √(2/30))
    const expected = [8.7, 11.5 - 8.9, 9.8 - 5.4].map((md) => md / (1.959963984540054 * Math.sqrt(2 / 30)));
    const labels = el.filter((e) => e.attrs.class === 'threshold-label').map((e) => e.text);
    expect(labels).toEqual(expected.map((sd) => `CI includes 0 from SD ${sd.toFixed(1)}`));
    const x = axisPosition(el, (v) => v);
    const lines = el.filter((e) => e.attrs.class === 'threshold');
    lines.forEach((l, i) => expect(Math.abs(Number(l.attrs.x1) - x(expected[i]!))).toBeLessThan(0.5));
  });

  it.skipIf(!CHROMIUM)(`renders in headless Chromium, screenshot in out/${CHROMIUM ? '' : ' (skipped: no chromium installed; .ci/run installs it)'}`, () => {
    const png = screenshot(out('conditioned-medium-hair-loss.html'), out('conditioned-medium-hair-loss.png'), 1200, 3000);
    expect(pngSize(png)).toEqual({ width: 1200, height: 3000 });
    expect(png.length).toBeGreaterThan(100_000);
    const dom = dumpDom(out('conditioned-medium-hair-loss.html'));
    expect(dom.match(/<svg /g)).toHaveLength(2);
    expect(dom).toContain('Korean RCT 2022');
  }, 120_000);
});

describe('BCG notebook: forest and funnel plots in out/', () => {
  beforeAll(() => runNotebook('bcg-vaccine.ts'), 120_000);
  const trials = ['Aronson', 'Ferguson & Simes', 'Rosenthal et al', 'Hart & Sutherland', 'Frimodt-Moller et al', 'Stein & Aronson', 'Vandiviere et al', 'TPT Madras', 'Coetzee & Berjak', 'Comstock et al', 'Comstock & Webster'];
  it('writes a forest plot naming every trial, with the REML diamond at RR 0.49', () => {
    const el = expectReadablePlot(readFileSync(out('bcg-forest.svg'), 'utf8'), trials, 'bcg-forest');
    const at = axisPosition(el, Math.log);
    const diamond = el.find((e) => e.attrs.class === 'diamond overall')!;
    // Viechtbauer (2010), JSS 36(3): REML estimate −0.7145 (RR 0.4894)
    expect(Math.abs(Number(diamond.attrs.points!.split(' ')[1]!.split(',')[0]) - at(-0.7145))).toBeLessThan(0.5);
  });
  it('writes a funnel plot with trim and fill', () => {
    const svg = readFileSync(out('bcg-funnel.svg'), 'utf8');
    expectReadablePlot(svg, [], 'bcg-funnel');
    expect(svgElements(svg).filter((e) => e.attrs.class === 'study-point')).toHaveLength(13);
  });
});
