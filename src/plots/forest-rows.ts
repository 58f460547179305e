import { normalQuantile } from '../distributions/normal.ts';
import { subgroupAnalysis } from '../models/subgroup-analysis.ts';
import { InputError } from '../errors.ts';
import type { MetaAnalysisResult } from '../types.ts';
import type { ForestColumn, ResolvedForestOptions } from './forest-options.ts';
import { formatPlotNumber } from './format-number.ts';
import { formatPValue } from '../report/format-number.ts';
import { heterogeneityText } from './heterogeneity-text.ts';

/** A study row: its label, extra cells and interval on the analysis scale. */
export interface ForestStudyRow {
  readonly kind: 'study';
  readonly index: number;
  readonly label: string;
  readonly cells: readonly string[];
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly weight: number;
  /** Letter of the shared cluster (research group or cohort), or ''. */
  readonly cluster: string;
  readonly clusterIndex: number;
  readonly notReplicated: boolean;
}

/** A summary (diamond) row, overall or for one subgroup. */
export interface ForestSummaryRow {
  readonly kind: 'summary';
  readonly scope: 'overall' | 'subgroup';
  readonly label: string;
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly weight: number | null;
}

export type ForestRow =
  | ForestStudyRow
  | ForestSummaryRow
  | { readonly kind: 'group'; readonly label: string }
  | { readonly kind: 'prediction'; readonly lower: number; readonly upper: number }
  /** Text in the label columns (a subgroup's heterogeneity). */
  | { readonly kind: 'subnote'; readonly text: string }
  | { readonly kind: 'gap' };

/** Rows of the forest body, full-width notes under the axis, and the clusters' legend. */
export interface ForestRows {
  readonly body: readonly ForestRow[];
  readonly notes: readonly string[];
  readonly legend: readonly { readonly letter: string; readonly name: string; readonly clusterIndex: number }[];
  readonly hasMarkers: boolean;
  /** Alignment of each extra column. */
  readonly columnAlign: readonly ('start' | 'end')[];
}

/** The model's name as a forest plot labels its diamond. */
export function modelLabel(fit: MetaAnalysisResult): string {
  return fit.method === 'EE' ? 'Common-effect model' : `Random-effects model (${fit.method})`;
}

/**
 * Lays out the rows of a forest plot: studies (in subgroup blocks when `groups` is given, each
 * closed by its own diamond and heterogeneity), the overall diamond, the prediction interval,
 * and the notes (heterogeneity, test for subgroup differences, markers).
 */
export function forestRows(fit: MetaAnalysisResult, o: ResolvedForestOptions, digits: number): ForestRows {
  const crit = normalQuantile((1 - fit.level) / 2, true);
  const { letters, legend } = clusterLetters(o.clusters);
  const cells = columnCells(o.columns, o.rows, fit.k, digits);
  const study = (i: number): ForestStudyRow => {
    const se = Math.sqrt(fit.vi[i]!);
    return {
      kind: 'study', index: i, label: fit.labels[i] ?? `Study ${i + 1}`, cells: cells.map((c) => c[i]!),
      estimate: fit.yi[i]!, lower: fit.yi[i]! - crit * se, upper: fit.yi[i]! + crit * se, weight: fit.weights[i]!,
      cluster: letters[i]?.letter ?? '', clusterIndex: letters[i]?.index ?? -1, notReplicated: o.notReplicated?.[i] === true,
    };
  };
  const body: ForestRow[] = [];
  const notes: string[] = [heterogeneityText(fit)];
  if (o.groups) notes.push(...subgroupBlocks(fit, o.groups, study, body));
  else for (let i = 0; i < fit.k; i++) body.push(study(i));
  body.push({ kind: 'gap' });
  body.push(summary('overall', modelLabel(fit), fit.estimate, fit.ci.lower, fit.ci.upper, 100));
  const showPi = o.predictionInterval ?? (fit.method !== 'EE' && fit.k >= 2);
  const pi = fit.predictionInterval;
  if (showPi && pi.lower !== null && pi.upper !== null) body.push({ kind: 'prediction', lower: pi.lower, upper: pi.upper });
  const hasMarkers = legend.length > 0 || (o.notReplicated?.some(Boolean) ?? false);
  for (const l of legend) notes.push(`${l.letter}: studies sharing a research group or cohort (${l.name})`);
  if (o.notReplicated?.some(Boolean)) notes.push('†: finding not independently replicated');
  const columnAlign = o.columns.map((c, j) => c.align ?? (cells[j]!.every((t) => t === '—' || /^-?[\d.]+%?$/.test(t)) ? 'end' : 'start'));
  return { body, notes, legend, hasMarkers, columnAlign };
}

function summary(scope: 'overall' | 'subgroup', label: string, estimate: number, lower: number | null, upper: number | null, weight: number | null): ForestSummaryRow {
  return { kind: 'summary', scope, label, estimate, lower: lower ?? estimate, upper: upper ?? estimate, weight };
}

function subgroupBlocks(fit: MetaAnalysisResult, groups: readonly string[], study: (i: number) => ForestStudyRow, body: ForestRow[]): string[] {
  if (fit.weighting !== undefined || fit.tau2Fixed === true || fit.method === 'GENQ') {
    throw new InputError('subgroup summaries refit each subgroup with the fit\'s estimator and inverse-variance weights; a fit with user weights, weighted: false or a fixed tau² is not supported', { field: 'groups', code: 'E_UNSUPPORTED' });
  }
  const sub = subgroupAnalysis({ yi: fit.yi, vi: fit.vi, labels: fit.labels }, groups, { method: fit.method, test: fit.test, level: fit.level });
  for (const g of sub.groups) {
    const members = groups.flatMap((x, i) => (x === g.level ? [i] : []));
    body.push({ kind: 'group', label: g.level });
    for (const i of members) body.push(study(i));
    const weight = members.reduce((s, i) => s + fit.weights[i]!, 0);
    body.push(summary('subgroup', `Subtotal (k = ${g.k})`, g.estimate, g.ci.lower, g.ci.upper, weight));
    body.push({ kind: 'subnote', text: heterogeneityText({ k: g.k, tau2: g.tau2, i2: g.i2, q: g.q }, 2, '') });
    body.push({ kind: 'gap' });
  }
  body.pop();
  const b = sub.between;
  return [`Test for subgroup differences: Q(${b.df}) = ${formatPlotNumber(b.q, 2)}, p = ${formatPValue(b.pValue)}`];
}

/** Letters a, b, … for clusters that hold two or more studies (in order of first appearance). */
function clusterLetters(clusters: ResolvedForestOptions['clusters']): {
  letters: ({ letter: string; index: number } | undefined)[];
  legend: { letter: string; name: string; clusterIndex: number }[];
} {
  if (!clusters) return { letters: [], legend: [] };
  const counts = new Map<string, number>();
  for (const c of clusters) if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
  const legend: { letter: string; name: string; clusterIndex: number }[] = [];
  const byName = new Map<string, { letter: string; index: number }>();
  const letters = clusters.map((c) => {
    if (!c || (counts.get(c) ?? 0) < 2) return undefined;
    let entry = byName.get(c);
    if (!entry) {
      entry = { letter: letterFor(legend.length), index: legend.length };
      byName.set(c, entry);
      legend.push({ letter: entry.letter, name: c, clusterIndex: entry.index });
    }
    return entry;
  });
  return { letters, legend };
}

function letterFor(i: number): string {
  return i < 26 ? String.fromCharCode(97 + i) : `${letterFor(Math.floor(i / 26) - 1)}${String.fromCharCode(97 + (i % 26))}`;
}

function columnCells(columns: readonly ForestColumn[], rows: ResolvedForestOptions['rows'], k: number, digits: number): string[][] {
  return columns.map((c) => {
    const out: string[] = [];
    for (let i = 0; i < k; i++) {
      const v = c.values !== undefined ? c.values[i] : rows?.[i]?.[c.key!];
      out.push(cellText(v, c.digits ?? digits));
    }
    return out;
  });
}

function cellText(v: unknown, digits: number): string {
  if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return '—';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : formatPlotNumber(v, digits);
  return String(v);
}
