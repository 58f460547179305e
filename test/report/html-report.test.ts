import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { metaAnalysis } from '../../src/models/meta-analysis.ts';
import { forestPlot } from '../../src/plots/forest-plot.ts';
import { funnelPlot } from '../../src/plots/funnel-plot.ts';
import { htmlReport, type ReportSection } from '../../src/report/html-report.ts';
import { markdownToHtml } from '../../src/report/markdown-to-html.ts';
import { InputError } from '../../src/errors.ts';
import { CHROMIUM, dumpDom, pngSize, screenshot } from './chromium.ts';

const fit = metaAnalysis({ yi: [-0.89, -1.59, -1.35, -1.44, -0.22], vi: [0.33, 0.19, 0.42, 0.02, 0.05], labels: ['Aronson', 'Ferguson & Simes', 'Rosenthal <1960>', 'Hart & Sutherland', 'Frimodt-Moller'], measure: 'RR' });
const sections: ReportSection[] = [
  { kind: 'heading', text: 'BCG & tuberculosis' },
  { kind: 'text', text: 'First paragraph with <b>not bold</b>.\n\nSecond paragraph.' },
  { kind: 'markdown', markdown: '**Status**: not independently replicated <script>alert(1)</script>\n\n| a | b |\n|---|---|\n| 1 | 2 |' },
  { kind: 'table', columns: ['Study', 'n'], rows: [['Aronson', 262], ['Unknown', null]], caption: 'Trials' },
  { kind: 'figure', svg: forestPlot(fit), caption: 'Forest plot' },
  { kind: 'figure', svg: funnelPlot(fit), caption: 'Funnel plot' },
];

describe('htmlReport', () => {
  const html = htmlReport(sections);
  it('is one self-contained document: inline CSS and SVG, no script, nothing loaded from a network', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`default-src 'none'`);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/<link\s/i);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('<title>BCG &amp; tuberculosis</title>');
  });
  it('escapes text, raw HTML in Markdown and table cells; numbers are right-aligned, missing values a dash', () => {
    expect(html).toContain('<p>First paragraph with &lt;b&gt;not bold&lt;/b&gt;.</p>\n<p>Second paragraph.</p>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<td class="num">262</td>');
    expect(html).toContain('<td>—</td>');
    expect(html).toContain('<caption>Trials</caption>');
    expect(markdownToHtml('**Status**: <b>x</b>')).toBe('<p><strong>Status</strong>: &lt;b&gt;x&lt;/b&gt;</p>\n');
  });
  it('refuses figures with scripts or that are not SVG, and malformed tables, with an InputError', () => {
    expect(() => htmlReport([{ kind: 'figure', svg: '<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>' }])).toThrow(InputError);
    expect(() => htmlReport([{ kind: 'figure', svg: '<svg xmlns="http://www.w3.org/2000/svg" onload="x()"></svg>' }])).toThrow(/scripts/);
    expect(() => htmlReport([{ kind: 'figure', svg: '<div></div>' }])).toThrow(/svg/);
    expect(() => htmlReport([{ kind: 'table', columns: ['a', 'b'], rows: [['x']] }])).toThrow(/1 cells/);
    expect(() => htmlReport([{ kind: 'video' } as unknown as ReportSection])).toThrow(/unknown section kind/);
  });
  it.skipIf(!CHROMIUM)(`renders in headless Chromium${CHROMIUM ? '' : ' (skipped: no chromium installed; .ci/run installs it)'}`, () => {
    const dir = fileURLToPath(new URL('../../out/', import.meta.url));
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}html-report-test.html`, html);
    const png = screenshot(`${dir}html-report-test.html`, `${dir}html-report-test.png`, 1000, 1600);
    expect(pngSize(png)).toEqual({ width: 1000, height: 1600 });
    expect(png.length).toBeGreaterThan(30_000); // a blank page compresses to a few kB
    const dom = dumpDom(`${dir}html-report-test.html`);
    expect(dom.match(/<svg /g)).toHaveLength(2);
    for (const label of fit.labels.slice(0, 2)) expect(dom).toContain(label.replace(/&/g, '&amp;'));
  }, 120_000);
});
