import { textWidth, type TextStyle } from './font-metrics.ts';

/**
 * Shortens `text` so that it fits in `maxWidth` px, cutting at the end and adding an ellipsis
 * (…); text that fits is returned unchanged. Never returns text wider than `maxWidth`: when not
 * even the ellipsis fits, returns the empty string. Cuts between code points, never inside a
 * surrogate pair, and drops trailing spaces before the ellipsis.
 *
 * @example
 * truncateText('Rosenthal and Jacobson (1968)', 60, { fontSize: 10 }); // => 'Rosenthal…'
 */
export function truncateText(text: string, maxWidth: number, style: TextStyle = {}): string {
  if (textWidth(text, style) <= maxWidth) return text;
  const ellipsis = '…';
  const room = maxWidth - textWidth(ellipsis, style);
  if (room < 0) return '';
  const chars = Array.from(text);
  let width = 0;
  let cut = 0;
  for (; cut < chars.length; cut++) {
    const w = textWidth(chars[cut]!, style);
    if (width + w > room) break;
    width += w;
  }
  return `${chars.slice(0, cut).join('').trimEnd()}${ellipsis}`;
}
