import { assessReplication } from '../evidence/assess-replication.ts';
import type { Overlap } from '../evidence/detect-overlaps.ts';
import type { EvidenceStudy } from '../evidence/evidence-base.ts';
import { loadEvidence } from '../evidence/load-evidence.ts';
import { textWidth } from './font-metrics.ts';
import { legendSvg } from './legend-svg.ts';
import { PALETTE, categoricalColour } from './palette.ts';
import { positiveOption } from './positive-option.ts';
import { px, svgDocument, svgElement, svgText } from './svg.ts';
import { truncateText } from './truncate-text.ts';
import { wrapText } from './wrap-text.ts';
import { checkOptions, optionKeys } from '../check-options.ts';

/** Options of {@link evidenceMap}. */
export interface EvidenceMapOptions {
  /** Pairs of studies that probably share participants (default: `assessReplication(evidence).overlaps`). */
  readonly overlaps?: readonly Overlap[];
  readonly fontSize?: number;
  /** Width of a study's box in px (default 15 em). */
  readonly boxWidth?: number;
  readonly title?: string;
}

/** The valid keys of {@link EvidenceMapOptions} (any other key is an `E_UNKNOWN_OPTION` error). */
export const EVIDENCE_MAP_OPTION_KEYS = optionKeys<EvidenceMapOptions>()('overlaps', 'fontSize', 'boxWidth', 'title');

interface Slot { readonly key: string; readonly time: number; readonly header: string }
interface Placed { readonly study: EvidenceStudy; readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly lines: string[][] }

/**
 * A picture of an evidence base: one lane per research group (studies in one lane are not
 * independent), studies as boxes in time order (published ones solid at their year, ongoing ones
 * dashed at the year their results are expected), each with its label, size and design; pairs of
 * reports that probably share patients joined by a bracket that says so; a legend. Colours follow
 * the lanes (Okabe–Ito) and are never the only cue: the lane header names the group.
 *
 * @throws {InputError} when `evidence` is not a valid evidence base (see `loadEvidence`).
 * @example
 * import seed from './datasets/conditioned-medium-hair-loss.json' with { type: 'json' };
 * evidenceMap(seed).includes('Seoul National University'); // => true (a lane for that group)
 */
export function evidenceMap(input: unknown, options: EvidenceMapOptions = {}): string {
  checkOptions(options, EVIDENCE_MAP_OPTION_KEYS);
  const evidence = loadEvidence(input);
  const overlaps = options.overlaps ?? assessReplication(evidence).overlaps;
  const fs = positiveOption(options.fontSize, 'fontSize', 12);
  const boxW = positiveOption(options.boxWidth, 'boxWidth', 15 * fs);
  const small = 0.85 * fs;
  const slots = timeSlots(evidence.studies);
  const groups = [...new Set([...evidence.studies].sort((a, b) => slotOf(a).time - slotOf(b).time).map((s) => s.group))];
  const laneHeaderW = Math.min(12 * fs, Math.max(...groups.map((g) => textWidth(g, { fontSize: fs, bold: true }))) + fs);
  const gap = 1.5 * fs;
  const x0 = fs + laneHeaderW + gap;
  const slotX = new Map(slots.map((s, i) => [s.key, x0 + i * (boxW + gap)]));
  const width = Math.ceil(x0 + slots.length * (boxW + gap));
  const top = (options.title ? 2.4 : 0.8) * fs;
  const els: string[] = [];
  slots.forEach((s) => els.push(svgText(slotX.get(s.key)! + boxW / 2, top + fs, s.header, { anchor: 'middle', bold: true, attrs: { class: 'slot-header' } })));
  let y = top + 2 * fs;
  const placed = new Map<string, Placed>();
  const lane: LaneContext = { studies: evidence.studies, overlaps, slotX, boxW, laneHeaderW, width, fs, small, placed };
  groups.forEach((group, gi) => {
    const drawn = laneSvg(group, gi, y, lane);
    els.push(...drawn.elements);
    y = drawn.bottom + 0.8 * fs;
  });
  const across = overlaps.filter((o) => o.studies.every((id) => placed.has(id)) && placed.get(o.studies[0])!.study.group !== placed.get(o.studies[1])!.study.group);
  across.forEach((o, i) => {
    const [a, b] = [placed.get(o.studies[0])!, placed.get(o.studies[1])!];
    els.push(connectorSvg(a, b, o, fs, i));
    const text = `${i + 1}. ${a.study.label} and ${b.study.label}: probably the same patients (${whyShared(o)})`;
    els.push(svgText(fs, y + 0.9 * small, truncateText(text, width - 2 * fs, { fontSize: small }), { fontSize: small, fill: PALETTE.vermillion, title: o.reasons.join(' '), attrs: { class: 'overlap-label' } }));
    y += 1.3 * small;
  });
  const legend = legendSvg([
    { label: 'Published study', symbol: 'swatch', colour: PALETTE.background },
    { label: 'Ongoing study (results expected)', symbol: 'line', dash: '4 3' },
    { label: 'Reports that probably share patients', symbol: 'line', colour: PALETTE.vermillion },
  ], fs, y + 0.4 * fs, small);
  els.push(...legend.elements);
  if (options.title) els.push(svgText(fs, 1.5 * fs, options.title, { bold: true, fontSize: 1.15 * fs, attrs: { class: 'title' } }));
  const height = Math.ceil(y + 0.4 * fs + legend.height + fs);
  return svgDocument({ width, height, fontSize: fs, title: options.title ?? `Evidence base: ${evidence.title}` }, els);
}

interface LaneContext {
  readonly studies: readonly EvidenceStudy[];
  readonly overlaps: readonly Overlap[];
  readonly slotX: ReadonlyMap<string, number>;
  readonly boxW: number;
  readonly laneHeaderW: number;
  readonly width: number;
  readonly fs: number;
  readonly small: number;
  /** Boxes placed so far, by study id (filled in by {@link laneSvg}). */
  readonly placed: Map<string, Placed>;
}

/** One research group's lane from `laneTop`: header, its studies' boxes (stacked within a time slot) and its overlap brackets. */
function laneSvg(group: string, gi: number, laneTop: number, c: LaneContext): { elements: string[]; bottom: number } {
  const { fs, small } = c;
  const colour = categoricalColour(gi);
  const members = c.studies.filter((s) => s.group === group);
  const laneOverlaps = c.overlaps.filter((o) => o.studies.every((id) => members.some((m) => m.id === id)));
  const stackY = new Map<string, number>();
  let bottom = laneTop;
  for (const study of members) {
    const lines = boxLines(study, c.boxW - fs, fs, small);
    const key = slotOf(study).key;
    const by = stackY.get(key) ?? laneTop + 0.6 * fs;
    const h = boxHeight(lines, fs, small);
    c.placed.set(study.id, { study, x: c.slotX.get(key)!, y: by, w: c.boxW, h, lines });
    stackY.set(key, by + h + 0.6 * fs);
    bottom = Math.max(bottom, by + h);
  }
  const header = wrapText(group, c.laneHeaderW - fs, { fontSize: fs, bold: true }, 3);
  bottom = Math.max(bottom, laneTop + 1.5 * fs + header.length * 1.2 * fs + small) + 0.6 * fs + laneOverlaps.length * 3.4 * fs;
  const els = [svgElement('rect', { x: fs, y: laneTop, width: c.width - 2 * fs, height: bottom - laneTop, fill: colour, 'fill-opacity': 0.08, stroke: colour, 'stroke-opacity': 0.6, class: 'lane' })];
  header.forEach((line, i) => els.push(svgText(1.5 * fs, laneTop + 1.5 * fs + i * 1.2 * fs, line, { bold: true, fill: PALETTE.ink, title: group, attrs: { class: 'lane-header' } })));
  els.push(svgText(1.5 * fs, laneTop + 1.5 * fs + header.length * 1.2 * fs, `${members.length} ${members.length === 1 ? 'study' : 'studies'}`, { fontSize: small, fill: PALETTE.muted, attrs: { class: 'lane-count' } }));
  for (const m of members) els.push(...boxSvg(c.placed.get(m.id)!, colour, fs, small));
  laneOverlaps.forEach((o, i) => els.push(...bracketSvg(c.placed.get(o.studies[0])!, c.placed.get(o.studies[1])!, bottom - (laneOverlaps.length - i) * 3.4 * fs, o, fs, small)));
  return { elements: els, bottom };
}

function slotOf(s: EvidenceStudy): Slot {
  if (s.status === 'published' && s.year !== null) return { key: String(s.year), time: s.year, header: String(s.year) };
  const expected = s.resultsExpected;
  const first = expected ? Number.parseInt(expected, 10) : Number.POSITIVE_INFINITY;
  return expected
    ? { key: `expected ${expected}`, time: first + 0.5, header: `Expected ${expected}` }
    : { key: 'ongoing', time: Number.POSITIVE_INFINITY, header: 'Ongoing' };
}

function timeSlots(studies: readonly EvidenceStudy[]): Slot[] {
  const byKey = new Map<string, Slot>();
  for (const s of studies) byKey.set(slotOf(s).key, slotOf(s));
  return [...byKey.values()].sort((a, b) => a.time - b.time);
}

/** Text lines of a study's box: label (bold, up to 2 lines), size, design (up to 3 lines), status. */
function boxLines(s: EvidenceStudy, w: number, fs: number, small: number): string[][] {
  const label = wrapText(s.label, w, { fontSize: fs, bold: true }, 2);
  const size = s.n === null ? 'n not reported' : `n = ${s.n}`;
  const design = wrapText(s.design, w, { fontSize: small }, 3);
  const status = s.status === 'ongoing' ? `ongoing${s.resultsExpected ? `, results expected ${s.resultsExpected}` : ''}` : `published ${s.year ?? ''}`.trim();
  return [label, [truncateText(size, w, { fontSize: small })], design, [truncateText(status, w, { fontSize: small })]];
}

function boxHeight(lines: string[][], fs: number, small: number): number {
  return 0.6 * fs + lines[0]!.length * 1.2 * fs + (lines.length - 1 + lines.slice(1).reduce((n, l) => n + l.length - 1, 0)) * 1.2 * small + 0.4 * fs;
}

function boxSvg(p: Placed, colour: string, fs: number, small: number): string[] {
  const ongoing = p.study.status === 'ongoing';
  const out = [svgElement('rect', {
    x: p.x, y: p.y, width: p.w, height: p.h, rx: 4, fill: PALETTE.background, stroke: ongoing ? PALETTE.ink : colour,
    'stroke-width': ongoing ? 1.2 : 2, 'stroke-dasharray': ongoing ? '4 3' : undefined, class: ongoing ? 'study ongoing' : 'study published', 'data-study': p.study.id,
  })];
  let y = p.y + 0.6 * fs;
  const [label, ...rest] = p.lines;
  for (const line of label!) {
    y += 1.2 * fs;
    out.push(svgText(p.x + 0.5 * fs, y - 0.3 * fs, line, { bold: true, title: p.study.label, attrs: { class: 'study-label' } }));
  }
  for (const block of rest) {
    for (const line of block) {
      y += 1.2 * small;
      out.push(svgText(p.x + 0.5 * fs, y - 0.25 * small, line, { fontSize: small, fill: PALETTE.muted, italic: ongoing, attrs: { class: 'study-detail' } }));
    }
  }
  return out;
}

/** A bracket under two boxes of one lane, labelled with why they probably share patients. */
function bracketSvg(a: Placed, b: Placed, y: number, o: Overlap, fs: number, small: number): string[] {
  const [left, right] = a.x <= b.x ? [a, b] : [b, a];
  const xa = left.x + left.w / 2;
  const xb = right.x + right.w / 2;
  const by = y + 0.6 * fs;
  const path = `M${px(xa)},${px(left.y + left.h)} L${px(xa)},${px(by)} L${px(xb)},${px(by)} L${px(xb)},${px(right.y + right.h)}`;
  const lines = wrapText(`Probably the same patients: ${whyShared(o)}`, Math.max(xb - xa + left.w * 0.8, 16 * fs), { fontSize: small }, 2);
  return [
    svgElement('path', { d: path, fill: 'none', stroke: PALETTE.vermillion, 'stroke-width': 1.5, class: 'overlap', 'data-studies': o.studies.join(' ') }),
    ...lines.map((line, i) => svgText((xa + xb) / 2, by + (1.25 + 1.2 * i) * small, line, { anchor: 'middle', fontSize: small, fill: PALETTE.vermillion, title: o.reasons.join(' '), attrs: { class: 'overlap-label' } })),
  ];
}

/** Why two reports probably share patients, in a few words. */
function whyShared(o: Overlap): string {
  const identical = o.identical[0];
  if (identical) return `same figures${identical.timepoint ? ` at ${identical.timepoint}` : ''} (${identical.arm} arm: mean ${identical.mean})`;
  return o.basis.map((b) => (b === 'declared-cohort' ? 'a declared shared cohort' : b.replace(/-/g, ' '))).join(', ');
}

/** A connector between boxes in different lanes: from the side of one to the side of the other, numbered as its note. */
function connectorSvg(a: Placed, b: Placed, o: Overlap, fs: number, i: number): string {
  const [upper, lower] = a.y <= b.y ? [a, b] : [b, a];
  const x1 = upper.x + upper.w - 0.8 * fs - i * 0.6 * fs;
  const x2 = lower.x + lower.w - 0.8 * fs - i * 0.6 * fs;
  const d = `M${px(x1)},${px(upper.y + upper.h)} C${px(x1)},${px(upper.y + upper.h + 2 * fs)} ${px(x2)},${px(lower.y - 2 * fs)} ${px(x2)},${px(lower.y)}`;
  return svgElement('path', { d, fill: 'none', stroke: PALETTE.vermillion, 'stroke-width': 1.5, class: 'overlap', 'data-studies': o.studies.join(' ') });
}
