// The selection-function plot (metafor's plot(sel)): rendered with resvg and looked at
// (out/plots/selection-*.png), readable, and drawn where the estimates say.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metaAnalysis, selectionFunctionPlot, selectionModel } from '../../src/index.ts';
import { selectionFunctionData } from '../../src/plots/selection-function-data.ts';
import { expectReadablePlot } from './plot-checks.ts';
import { svgElements } from './svg-check.ts';
import { thrownInputError } from '../input-error.ts';

const hackshaw = JSON.parse(readFileSync(new URL('../fixtures/metafor-selmodel/hackshaw1998.json', import.meta.url), 'utf8')) as { yi: number[]; vi: number[] };
const fit = metaAnalysis(hackshaw);

describe('selectionFunctionPlot', () => {
  it('step function with its Wald band and rug (metafor: plot(sel, ci = "wald"))', () => {
    const sel = selectionModel(fit, { type: 'stepfun', steps: [0.05, 0.1, 0.5, 1] });
    const svg = selectionFunctionPlot(sel);
    const elements = expectReadablePlot(svg, ['p-value', 'Relative likelihood of selection', 'Selection function (stepfun)'], 'selection-stepfun');
    expect(elements.filter((e) => e.tag === 'line' && e.attrs['data-p'] !== undefined)).toHaveLength(37);
    expect(svg).toContain('class="band"');
    // stairs: the drawn heights are the estimates δⱼ
    const data = selectionFunctionData(sel);
    expect(data.w.slice(1)).toEqual(sel.delta.map((d) => d.estimate));
    expect(data.upper!.slice(2)).toEqual(sel.delta.slice(1).map((d) => d.ci.upper));
  });
  it('negexp on [0, 1] with its band; beta without a band (two free parameters)', () => {
    const negexp = selectionModel(fit, { type: 'negexp' });
    const svg = selectionFunctionPlot(negexp);
    expectReadablePlot(svg, ['p-value'], 'selection-negexp');
    const data = selectionFunctionData(negexp);
    expect(data.w[0]).toBeCloseTo(1, 12);
    expect(data.w.at(-1)).toBeCloseTo(Math.exp(-negexp.delta[0]!.estimate), 12);
    const beta = selectionModel(fit, { type: 'beta' });
    const betaSvg = selectionFunctionPlot(beta, { rug: false });
    expectReadablePlot(betaSvg, ['p-value'], 'selection-beta');
    expect(betaSvg).not.toContain('class="band"');
    expect(svgElements(betaSvg).some((e) => e.attrs['data-p'] !== undefined)).toBe(false);
  });
  it('bad options name the option', () => {
    const sel = selectionModel(fit, { type: 'negexp' });
    expect(thrownInputError(() => selectionFunctionPlot(sel, { ci: 'wald' } as never)).field).toBe('ci');
    expect(thrownInputError(() => selectionFunctionPlot(sel, { colour: 'red' } as never)).field).toBe('options');
    expect(thrownInputError(() => selectionFunctionPlot({} as never)).field).toBe('sel');
  });
});
