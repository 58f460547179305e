/** Line breaks and other control characters (C0, DEL, C1, line and paragraph separators). */
const BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/gu;
/** ASCII punctuation with a meaning in Markdown (CommonMark, GitHub tables, math and strikethrough). */
const SPECIAL = /[\\`*_[\]<>#|~&$!]/g;

/**
 * Text on one line: every run of line breaks and control characters becomes one space, so a
 * name cannot start a new line (a heading, a list item, a table row) in a report.
 *
 * @example
 * singleLine('Oslo\n# Injected') // => 'Oslo # Injected'
 */
export function singleLine(text: string): string {
  return text.replace(BREAKS, ' ');
}

/**
 * Text for Markdown that renders as the text itself: on one line (`singleLine`), with every
 * ASCII punctuation character that Markdown reads as markup backslash-escaped (CommonMark §2.4:
 * any ASCII punctuation may be escaped): emphasis, code, links and images, raw HTML, headings,
 * table pipes, strikethrough, entity references and `$` math.
 *
 * @example
 * escapeMarkdown('A|B *x* <b>\n# h') // => 'A\\|B \\*x\\* \\<b\\> \\# h'
 */
export function escapeMarkdown(text: string): string {
  return singleLine(text).replace(SPECIAL, (c) => `\\${c}`);
}
