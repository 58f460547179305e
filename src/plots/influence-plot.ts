import { chiSquareQuantile } from '../distributions/chi-square.ts';
import { influence, type InfluenceRow } from '../diagnostics/influence.ts';
import { backTransform } from '../effect-sizes/back-transform.ts';
import type { MetaAnalysisResult } from '../types.ts';
import { textWidth } from './font-metrics.ts';
import { PALETTE } from './palette.ts';
import { resolvePlotSize, type PlotSizeOptions, PLOT_SIZE_OPTION_KEYS } from './plot-options.ts';
import { referenceLine, scatterFrame } from './scatter-frame.ts';
import { escapeXml, px, svgDocument, svgElement, svgText } from './svg.ts';
import { truncateText } from './truncate-text.ts';
import { checkOptions } from '../check-options.ts';
import { readResult } from '../read-result.ts';

/** One panel of the influence plot: a statistic per study and its reference lines. */
interface Panel {
  readonly title: string;
  readonly key: string;
  readonly values: readonly (number | null)[];
  readonly dashed: readonly number[];
  readonly dotted: readonly number[];
  /** Values the y range must include besides the data (metafor's limits). */
  readonly include: readonly number[];
  readonly log?: boolean;
  readonly fromZero?: boolean;
}

/**
 * The influence panel (metafor's `plot.infl.rma.uni`; Viechtbauer & Cheung, 2010, Res Synth
 * Methods 1:112) as a standalone SVG string: eight small plots of the case-deletion diagnostics
 * of {@link influence} against the study number 1..k, each with metafor's reference lines —
 * externally studentized residuals (0; ±1.96), DFFITS (0; ±3√(1/(k−1))), Cook's distance (the χ²₁
 * median), covariance ratio on a log axis (1), τ² without the study (τ̂²), Q without the study
 * (Q; k − 1), hat values (1/k; 3/k) and weights in percent (100/k). Studies that metafor flags as
 * influential are drawn as vermillion squares (shape and colour), and named in a line under the
 * title; every point carries its study's label as a tooltip. Points are joined by a line up to
 * k = 60 (as metafor), shown alone beyond. Study numbers on the x axes are thinned to round
 * values when k is large.
 *
 * Defaults: 760 × 920 px, font 11 px.
 *
 * @throws InputError when `fit` is not a `metaAnalysis` result or has k = 1, or for bad options.
 * @example
 * import bcg from './datasets/bcg.json' with { type: 'json' };
 * const columns = { ai: 'tpos', bi: 'tneg', ci: 'cpos', di: 'cneg' };
 * influencePlot(metaAnalysis(effectSizes('RR', bcg.rows, { columns }))).match(/class="panel"/g)?.length // => 8
 */
export function influencePlot(fit: MetaAnalysisResult, options: PlotSizeOptions = {}): string {
  return readResult(fit, 'metaAnalysis', 'fit', () => {
    checkOptions(options, PLOT_SIZE_OPTION_KEYS);
    const size = resolvePlotSize({ fontSize: 11, ...options }, { width: 760, height: 920, title: 'Influence diagnostics' });
    const rows = influence(fit);
    const k = rows.length;
    const fs = size.fontSize;
    const flagged = rows.flatMap((r, i) => (r.isInfluential ? [i] : []));
    const head = (size.title ? 2.2 * fs : 0.6 * fs) + 1.4 * fs;
    const cols = 2;
    const panelW = size.width / cols;
    const panelH = (size.height - head) / 4;
    const panelSize = { ...size, width: panelW, height: panelH };
    const elements: string[] = [];
    if (size.title) elements.push(svgText(size.width / 2, 1.3 * fs, truncateText(size.title, size.width - 10, { fontSize: 1.1 * fs, bold: true }), { anchor: 'middle', bold: true, fontSize: 1.1 * fs, attrs: { class: 'title' } }));
    elements.push(flagLine(rows, flagged, size.width, head - 0.5 * fs, fs));
    panels(fit, rows).forEach((panel, p) => {
      const at = { x: (p % cols) * panelW, y: head + Math.floor(p / cols) * panelH };
      elements.push(drawPanel(panel, rows, { ...panelSize, title: panel.title }, at, p, k));
    });
    return svgDocument(
      { width: size.width, height: size.height, fontSize: fs, title: size.title || 'Influence diagnostics', description: `Case-deletion diagnostics of ${k} studies; ${flagged.length} flagged as influential` },
      elements,
    );
  });
}

function panels(fit: MetaAnalysisResult, rows: readonly InfluenceRow[]): Panel[] {
  const k = rows.length;
  const z = 1.959963984540054;
  const cut = 3 * Math.sqrt(1 / (k - 1));
  return [
    { title: 'Studentized residual (rstudent)', key: 'rstudent', values: rows.map((r) => r.rstudent), dashed: [0], dotted: [-z, z], include: [-2, 2] },
    { title: 'DFFITS', key: 'dffits', values: rows.map((r) => r.dffits), dashed: [0], dotted: [-cut, cut], include: [-cut, cut] },
    { title: "Cook's distance", key: 'cookD', values: rows.map((r) => r.cookD), dashed: [], dotted: [chiSquareQuantile(0.5, 1)], include: [0], fromZero: true },
    { title: 'Covariance ratio (log axis)', key: 'covRatio', values: rows.map((r) => r.covRatio), dashed: [1], dotted: [], include: [], log: true },
    { title: 'τ² without the study', key: 'tau2Deleted', values: rows.map((r) => r.tau2Deleted), dashed: [fit.tau2], dotted: [], include: [] },
    { title: 'Q without the study', key: 'qDeleted', values: rows.map((r) => r.qDeleted), dashed: [fit.q], dotted: [k - 1], include: [] },
    { title: 'Hat value', key: 'hat', values: rows.map((r) => r.hat), dashed: [1 / k], dotted: [3 / k], include: [0, 3 / k], fromZero: true },
    { title: 'Weight (%)', key: 'weight', values: rows.map((r) => r.weight), dashed: [100 / k], dotted: [], include: [0], fromZero: true },
  ];
}

function drawPanel(panel: Panel, rows: readonly InfluenceRow[], size: Parameters<typeof scatterFrame>[0], at: { x: number; y: number }, index: number, k: number): string {
  const toAxis = (v: number) => (panel.log ? Math.log(v) : v);
  const finite = panel.values.filter((v): v is number => v !== null && Number.isFinite(v) && (!panel.log || v > 0));
  const ys = [...finite, ...panel.include, ...panel.dashed.filter((v) => !panel.log || v > 0)].map(toAxis);
  let lo = ys.length ? Math.min(...ys) : 0;
  let hi = ys.length ? Math.max(...ys) : 1;
  if (!(hi > lo)) [lo, hi] = [lo - 0.5 * Math.max(1, Math.abs(lo)), hi + 0.5 * Math.max(1, Math.abs(hi))];
  const frame = scatterFrame(size, { domain: [1, Math.max(2, k)], title: 'Study', preferredTicks: studyTicks(k) },
    { domain: [lo, hi], title: '', transform: panel.log ? backTransform(null, 'exp') : undefined },
    { at, titleScale: 1, xTitle: false });
  const X = (i: number) => frame.x.position(i + 1);
  const Y = (v: number) => frame.y.position(toAxis(v));
  const refs = [...panel.dashed.map((v) => referenceLine(frame, 'y', toAxis(v), 'dashed')), ...panel.dotted.map((v) => referenceLine(frame, 'y', toAxis(v), 'dotted'))];
  const r = Math.max(1.2, Math.min(3.2, (frame.area.right - frame.area.left) / k / 2.5));
  const pts = panel.values.map((v, i) => (v === null || !Number.isFinite(v) || (panel.log && !(v > 0)) ? null : `${px(X(i))},${px(Y(v))}`));
  // the connecting line helps to follow a few studies; with many it only hides the points
  const path = k > 60 ? '' : svgElement('polyline', { points: pts.filter((p) => p !== null).join(' '), fill: 'none', stroke: PALETTE.muted, 'stroke-width': 1, class: 'trace' });
  const marks = panel.values.flatMap((v, i) => {
    if (v === null || !Number.isFinite(v) || (panel.log && !(v > 0))) return [];
    const row = rows[i]!;
    const title = svgElement('title', {}, [escapeXml(row.label)]);
    if (row.isInfluential) {
      const s = 2.3 * r;
      return [svgElement('rect', { x: X(i) - s / 2, y: Y(v) - s / 2, width: s, height: s, fill: PALETTE.vermillion, class: 'study influential', 'data-study': row.label }, [title])];
    }
    return [svgElement('circle', { cx: X(i), cy: Y(v), r, fill: PALETTE.blue, class: 'study', 'data-study': row.label }, [title])];
  });
  return svgElement('g', { class: 'panel', 'data-panel': panel.key, 'data-index': index }, [
    ...frame.elements, ...refs, path, ...marks,
  ]);
}

/** Study numbers for the x axes, roundest first: 1, k, then multiples of 100, 50, …, 1. */
function studyTicks(k: number): number[] {
  const out = [1, k];
  for (const step of [1000, 500, 200, 100, 50, 20, 10, 5, 2, 1]) {
    for (let v = step; v <= k; v += step) if (!out.includes(v)) out.push(v);
  }
  return out;
}

/** "Influential (metafor's criteria): A, B" under the title, truncated to the width. */
function flagLine(rows: readonly InfluenceRow[], flagged: readonly number[], width: number, y: number, fs: number): string {
  const names = flagged.map((i) => `${i + 1} ${rows[i]!.label}`).join(', ');
  const text = flagged.length === 0 ? 'No study is influential by metafor’s criteria' : `Influential by metafor’s criteria (squares): ${names}`;
  const shown = truncateText(text, width - 8 - textWidth('', { fontSize: fs }), { fontSize: 0.95 * fs });
  return svgText(4, y, shown, { fontSize: 0.95 * fs, fill: PALETTE.ink, title: text, attrs: { class: 'flags' } });
}
