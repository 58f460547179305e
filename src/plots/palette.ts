/**
 * The Okabe–Ito palette (Okabe & Ito, 2008, "Color Universal Design"), distinguishable under the
 * common forms of colour-vision deficiency, plus the greys the plots use for ink and guides.
 * Plots never carry meaning by colour alone: shapes (filled vs open points, diamonds, dashes)
 * say the same thing.
 */
export const PALETTE = Object.freeze({
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  /** Text and study markers. */
  ink: '#1A1A1A',
  /** Secondary text (axis labels, notes). */
  muted: '#555555',
  /** Reference lines and grid. */
  guide: '#9A9A9A',
  /** Light fills (bands, shaded regions). */
  light: '#E8E8E8',
  background: '#FFFFFF',
});

/**
 * Categorical colours in Okabe–Ito order (black last, since it is also the ink colour).
 *
 * @example
 * categoricalColour(0); // => '#0072B2'
 * categoricalColour(7); // => '#0072B2' (wraps around)
 */
export function categoricalColour(i: number): string {
  const order = [PALETTE.blue, PALETTE.vermillion, PALETTE.bluishGreen, PALETTE.orange, PALETTE.reddishPurple, PALETTE.skyBlue, PALETTE.yellow];
  return order[((i % order.length) + order.length) % order.length]!;
}
