/**
 * Text measurement for SVG without a browser: advance widths of the font the plots ask for.
 *
 * The plots set `font-family="Helvetica, Arial, 'Liberation Sans', sans-serif"`. Helvetica, Arial
 * and Liberation Sans share their advance widths (Liberation Sans was designed metric-compatible
 * with Arial, whose widths are Helvetica's), so one table serves all three. The widths below are
 * the advance widths of Liberation Sans Regular and Bold in 1/1000 em (checked against the TTF
 * files by test/plots/font-metrics.test.ts where they are installed). Characters not in the table
 * are measured as a full-width 1 em (CJK, emoji, …) or 0.6 em (other scripts), a safe overestimate.
 */

/** The CSS font stack every plot uses; its metrics are those of {@link textWidth}. */
export const FONT_FAMILY = "Helvetica, Arial, 'Liberation Sans', sans-serif";

// Advance widths of ASCII 32..126, 1/1000 em.
const ASCII_REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556,
  556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const ASCII_BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611,
  611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

// Latin-1 supplement 160..255, then the few symbols plots print (dashes, quotes, ellipsis, ≤ ≥ τ χ …).
const LATIN1_REGULAR = [
  278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 552, 400, 549, 333, 333, 333, 576, 537, 278,
  333, 333, 365, 556, 834, 834, 834, 611, 667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
  722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, 556, 556, 556, 556, 556, 556, 889, 500,
  556, 556, 556, 556, 278, 278, 278, 278, 556, 556, 556, 556, 556, 556, 556, 549, 611, 556, 556, 556, 556, 500, 556, 500,
];
const LATIN1_BOLD = [
  278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 552, 400, 549, 333, 333, 333, 576, 556, 278,
  333, 333, 365, 556, 834, 834, 834, 611, 722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
  722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, 556, 556, 556, 556, 556, 556, 889, 556,
  556, 556, 556, 556, 278, 278, 278, 278, 611, 611, 611, 611, 611, 611, 611, 549, 611, 611, 611, 611, 611, 556, 611, 556,
];
// [character, regular, bold]
const SYMBOLS: ReadonlyArray<readonly [string, number, number]> = [
  ['–', 556, 556], ['—', 1000, 1000], ['‘', 222, 278], ['’', 222, 278], ['“', 333, 500], ['”', 333, 500],
  ['…', 1000, 1000], ['−', 584, 584], ['≤', 549, 549], ['≥', 549, 549], ['τ', 395, 446], ['α', 578, 615],
  ['β', 575, 610], ['χ', 525, 576], ['μ', 576, 612], ['σ', 617, 684], ['Δ', 668, 719], ['∞', 713, 713],
  ['≈', 549, 549], ['•', 350, 350], ['■', 604, 604], ['†', 556, 556], ['‡', 556, 556], ['→', 1000, 1000],
  ['←', 1000, 1000], ['Œ', 1000, 1000], ['œ', 944, 944], ['Š', 667, 667], ['š', 500, 556], ['Ž', 611, 611],
  ['ž', 500, 500], ['Ÿ', 667, 667], ['Ł', 556, 611], ['ł', 222, 278], ['ć', 500, 556], ['č', 500, 556],
  ['ę', 556, 556], ['ě', 556, 556], ['ř', 333, 389], ['ń', 556, 611], ['ś', 500, 556], ['ź', 500, 500],
  ['ż', 500, 500], ['ı', 278, 278], ['ğ', 556, 611], ['ş', 500, 556], ['ő', 556, 611], ['ű', 556, 611],
];

const REGULAR = new Map<number, number>();
const BOLD = new Map<number, number>();
ASCII_REGULAR.forEach((w, i) => REGULAR.set(32 + i, w));
ASCII_BOLD.forEach((w, i) => BOLD.set(32 + i, w));
LATIN1_REGULAR.forEach((w, i) => REGULAR.set(160 + i, w));
LATIN1_BOLD.forEach((w, i) => BOLD.set(160 + i, w));
for (const [ch, regular, bold] of SYMBOLS) {
  REGULAR.set(ch.codePointAt(0)!, regular);
  BOLD.set(ch.codePointAt(0)!, bold);
}

/** Options of {@link textWidth}. */
export interface TextStyle {
  /** Font size in px (default 12). */
  readonly fontSize?: number;
  /** Bold face (default false). */
  readonly bold?: boolean;
}

/**
 * Width of one character in 1/1000 em for the plots' font (see {@link FONT_FAMILY}).
 *
 * @example
 * charWidth('M'); // => 833
 */
export function charWidth(ch: string, bold = false): number {
  const cp = ch.codePointAt(0) ?? 32;
  const known = (bold ? BOLD : REGULAR).get(cp);
  if (known !== undefined) return known;
  if (cp < 32 || (cp >= 0x300 && cp < 0x370) || cp === 0x200b) return 0; // controls, combining marks, zero-width space
  return isWide(cp) ? 1000 : 600;
}

/**
 * Width in px of a single line of text set in the plots' font: the sum of the advance widths
 * (no kerning, which Helvetica/Arial apply only to a few pairs and only ever narrows the text).
 *
 * @example
 * textWidth('Aronson', { fontSize: 10 }); // => 37.24 (A 667 + r 333 + o 556 + n 556 + s 500 + o 556 + n 556 = 3724/1000 em × 10 px)
 */
export function textWidth(text: string, style: TextStyle = {}): number {
  const size = style.fontSize ?? 12;
  let units = 0;
  for (const ch of text) units += charWidth(ch, style.bold ?? false);
  return (units * size) / 1000;
}

function isWide(cp: number): boolean {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3)
    || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60)
    || (cp >= 0xffe0 && cp <= 0xffe6) || cp >= 0x1f300;
}
