import { textWidth, type TextStyle } from './font-metrics.ts';
import { truncateText } from './truncate-text.ts';

/**
 * Breaks text into lines no wider than `maxWidth` px at spaces (a word longer than a line is cut
 * with …); at most `maxLines` lines, the last one ending in … when text was left over.
 *
 * @example
 * wrapText('randomised placebo-controlled trial, three monthly injections', 150, { fontSize: 10 }, 2);
 * // => ['randomised placebo-controlled', 'trial, three monthly injections']
 */
export function wrapText(text: string, maxWidth: number, style: TextStyle = {}, maxLines = Infinity): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, style) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = textWidth(word, style) <= maxWidth ? word : truncateText(word, maxWidth, style);
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = truncateText(`${kept[maxLines - 1]} ${lines[maxLines]}…`, maxWidth, style).replace(/…?$/, '…');
  return kept;
}
