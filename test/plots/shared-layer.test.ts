import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backTransform } from '../../src/effect-sizes/back-transform.ts';
import { axisScale } from '../../src/plots/axis-scale.ts';
import { axisSvg } from '../../src/plots/axis-svg.ts';
import { charWidth, textWidth } from '../../src/plots/font-metrics.ts';
import { formatEstimateCi, formatPlotNumber } from '../../src/plots/format-number.ts';
import { invertTransform } from '../../src/plots/invert-transform.ts';
import { categoricalColour } from '../../src/plots/palette.ts';
import { escapeXml, svgDocument, svgElement, svgText } from '../../src/plots/svg.ts';
import { truncateText } from '../../src/plots/truncate-text.ts';
import { diamondMark, intervalMark, pointMark, squareMark } from '../../src/plots/marks.ts';
import { InputError } from '../../src/errors.ts';
import { overlappingTexts, parseSvg, renderPng, svgElements } from './svg-check.ts';
import { ttfAdvanceWidths } from './ttf-widths.ts';

const FONT_DIR = '/usr/share/fonts/truetype/liberation';

describe('font metrics', () => {
  const fonts = [['Regular', false], ['Bold', true]] as const;
  for (const [face, bold] of fonts) {
    const path = `${FONT_DIR}/LiberationSans-${face}.ttf`;
    it.skipIf(!existsSync(path))(`match the advance widths of Liberation Sans ${face} (metric-compatible with Arial/Helvetica)`, () => {
      const cps: number[] = [];
      for (let c = 32; c <= 126; c++) cps.push(c);
      for (let c = 160; c <= 255; c++) cps.push(c);
      for (const ch of '–—‘’“”…−≤≥ταβχμσΔ∞≈•■†‡→←ŒœŠšŽžŸŁłćčęěřńśźżığşőű') cps.push(ch.codePointAt(0)!);
      const widths = ttfAdvanceWidths(path, cps);
      for (const cp of cps) expect(charWidth(String.fromCodePoint(cp), bold)).toBe(Math.round(widths.get(cp)!));
    });
  }
  it('are those of Helvetica for a few letters (Adobe core font metrics)', () => {
    // Helvetica AFM: space 278, H 722, e 556, l 222, i 222, M 833, W 944
    expect([' ', 'H', 'e', 'l', 'i', 'M', 'W'].map((c) => charWidth(c))).toEqual([278, 722, 556, 222, 222, 833, 944]);
  });
  it('add up and scale with the font size', () => {
    expect(textWidth('Hello', { fontSize: 10 })).toBeCloseTo((722 + 556 + 222 + 222 + 556) / 100, 10);
    expect(textWidth('Hello', { fontSize: 20 })).toBeCloseTo(2 * textWidth('Hello', { fontSize: 10 }), 10);
    expect(textWidth('漢字', { fontSize: 10 })).toBe(20);
  });
});

describe('truncateText', () => {
  it('keeps text that fits and cuts the rest with an ellipsis, never wider than asked', () => {
    expect(truncateText('Aronson', 100)).toBe('Aronson');
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.integer({ min: 0, max: 200 }), (s, w) => {
        const t = truncateText(s, w, { fontSize: 11 });
        expect(textWidth(t, { fontSize: 11 })).toBeLessThanOrEqual(w + 1e-9);
        if (t !== s && t !== '') expect(t.endsWith('…')).toBe(true);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
  it('cuts at a word and keeps the start', () => {
    const t = truncateText('Rosenthal and Jacobson (1968)', 60, { fontSize: 10 });
    expect(t.endsWith('…')).toBe(true);
    expect('Rosenthal and Jacobson (1968)'.startsWith(t.slice(0, -1))).toBe(true);
  });
});

describe('numbers', () => {
  it('print a fixed number of digits without negative zero', () => {
    expect(formatPlotNumber(-0.0004, 2)).toBe('0.00');
    expect(formatPlotNumber(-0.714, 2)).toBe('-0.71');
    expect(formatPlotNumber(2, 3)).toBe('2.000');
    expect(formatPlotNumber(null)).toBe('—');
    expect(formatEstimateCi(0.4896, 0.3449, 0.6951, 2)).toBe('0.49 [0.34, 0.70]');
  });
});

describe('SVG builder', () => {
  it('escapes text and attributes and produces well-formed XML', () => {
    expect(escapeXml(`a & b < c > "d" 'e'`)).toBe('a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;');
    const svg = svgDocument({ width: 200, height: 50, title: 'T & <x>' }, [
      svgText(10, 20, 'Smith & <Jones> "2001"\u0001', { title: 'Full & label' }),
      svgElement('rect', { x: 1, y: 2, width: 3, height: 4, 'data-label': `"quoted" & <b>` }),
    ]);
    expect(() => parseSvg(svg)).not.toThrow();
    const text = svgElements(svg).find((e) => e.tag === 'text')!;
    expect(text.text).toBe('Smith & <Jones> "2001"');
  });
  it('uses the colour-blind-safe Okabe–Ito colours', () => {
    expect(categoricalColour(0)).toBe('#0072B2');
    expect(categoricalColour(1)).toBe('#D55E00');
  });
});

describe('axisScale', () => {
  const or = backTransform('OR');
  it('puts round odds ratios on a log axis, 1 among them', () => {
    const s = axisScale({ domain: [Math.log(0.25), Math.log(4)], range: [0, 300], transform: or });
    expect(s.ticks.map((t) => t.label)).toEqual(['0.2', '0.5', '1', '2', '5']);
    for (const t of s.ticks) expect(t.value).toBeCloseTo(Math.log(t.display), 12);
    expect(s.position(0)).toBeCloseTo(150, 8); // log(1) is in the middle of [log 0.2, log 5]
  });
  it('thins ticks until their labels do not collide, on any domain and width', () => {
    const transforms = [backTransform('MD'), or, backTransform('ZCOR'), backTransform('PLO'), backTransform('PAS')];
    fc.assert(
      fc.property(
        fc.double({ min: -4, max: 3, noNaN: true }), fc.double({ min: 0.01, max: 6, noNaN: true }),
        fc.integer({ min: 80, max: 900 }), fc.integer({ min: 0, max: transforms.length - 1 }),
        (lo, width, px, ti) => {
          const transform = transforms[ti]!;
          const arcsine = transform.name === 'iarcsin'; // defined on [0, pi/2]
          const low = arcsine ? 0.01 + ((lo + 4) / 7) * 1.4 : lo;
          const hi = arcsine ? Math.min(low + width, 1.56) : lo + width;
          const s = axisScale({ domain: [low, hi], range: [0, px], transform, fontSize: 11 });
          expect(s.ticks.length).toBeGreaterThanOrEqual(2);
          const svg = svgDocument({ width: px + 100, height: 60 }, axisSvg({ ...s, position: (x) => s.position(x) + 50 }, { orient: 'bottom', at: 10, fontSize: 11 }).elements);
          expect(overlappingTexts(svg)).toEqual([]);
          for (const t of s.ticks) {
            expect(s.contains(t.value)).toBe(true);
            expect(transform.apply(t.value)).toBeCloseTo(t.display, 8);
          }
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });
  it('back-transforms Fisher z to r', () => {
    const s = axisScale({ domain: [-0.2, 0.9], range: [0, 400], transform: backTransform('ZCOR') });
    for (const t of s.ticks) expect(Math.tanh(t.value)).toBeCloseTo(t.display, 12);
    expect(s.ticks.map((t) => t.label)).toContain('0.0');
  });
  it('inverts every transform', () => {
    for (const m of ['OR', 'ZCOR', 'PLO', 'PAS', 'MD'] as const) {
      const t = backTransform(m);
      for (const x of [0.1, 0.4, 0.9]) expect(invertTransform(t, t.apply(x))).toBeCloseTo(x, 10);
    }
    expect(invertTransform(or, -1)).toBeNaN();
  });
  it('rejects a bad domain with an InputError', () => {
    expect(() => axisScale({ domain: [1, 1], range: [0, 1] })).toThrow(InputError);
    expect(() => axisScale({ domain: [0, Number.NaN], range: [0, 1] })).toThrow(/domain/);
  });
  it('renders (resvg) with its labels and title', () => {
    const s = axisScale({ domain: [Math.log(0.05), Math.log(20)], range: [40, 460], transform: or, fontSize: 12 });
    const left = axisScale({ domain: [0, 0.8], range: [20, 160], fontSize: 12, vertical: true });
    const svg = svgDocument({ width: 500, height: 260 }, [
      ...axisSvg(s, { orient: 'bottom', at: 190, title: 'Odds Ratio (log scale)' }).elements,
      ...axisSvg(left, { orient: 'left', at: 80, title: 'Standard Error' }).elements,
    ]);
    const png = renderPng(svg, 'shared-layer-axes');
    expect([png.width, png.height]).toEqual([500, 260]);
    expect(png.inked).toBeGreaterThan(0.005);
    expect(overlappingTexts(svg)).toEqual([]);
  });
});

describe('marks', () => {
  const scale = axisScale({ domain: [-1, 1], range: [0, 200], nice: false });
  it('clip an interval to the axis and draw an arrow where it runs past', () => {
    const inside = intervalMark(scale, -0.5, 0.5, 10);
    expect(inside).not.toContain('arrow');
    const both = intervalMark(scale, -3, 3, 10);
    expect(both.match(/class="arrow"/g)).toHaveLength(2);
    const line = svgElements(svgDocument({ width: 200, height: 20 }, [both])).find((e) => e.tag === 'line')!;
    expect([Number(line.attrs.x1), Number(line.attrs.x2)]).toEqual([0, 200]);
    // a CI wholly right of the axis: only the arrow at the right edge
    expect(intervalMark(scale, 2, 3, 10)).not.toContain('<line');
  });
  it('draw a diamond with its widest point at the estimate', () => {
    const d = svgElements(svgDocument({ width: 200, height: 20 }, [diamondMark(scale, 0.2, -0.4, 0.6, 10, 5)])).find((e) => e.tag === 'polygon')!;
    const xs = d.attrs.points!.split(' ').map((p) => Number(p.split(',')[0]));
    expect(xs).toEqual([60, 120, 160, 120]); // (x + 1) × 100
  });
  it('draw squares and open or filled points', () => {
    expect(squareMark(10, 10, 4)).toContain('width="4"');
    expect(pointMark(5, 5, 3, { open: true })).toContain('fill="#FFFFFF"');
    expect(pointMark(5, 5, 3)).not.toContain('fill="#FFFFFF"');
  });
});
