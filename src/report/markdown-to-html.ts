import { Marked } from 'marked';
import { escapeXml } from '../plots/svg.ts';

// GitHub-flavoured Markdown (tables, lists, emphasis, code) by `marked`; raw HTML in the input
// is shown as text, never passed through, and links may only point to http(s), mailto or anchors.
const marked = new Marked({
  gfm: true,
  renderer: {
    html(token) {
      return escapeXml(token.text);
    },
    link(token) {
      const text = this.parser.parseInline(token.tokens);
      return /^(https?:|mailto:|#)/i.test(token.href) ? `<a href="${escapeXml(token.href)}">${text}</a>` : text;
    },
    image(token) {
      return escapeXml(token.text);
    },
  },
});

/**
 * Markdown (GitHub flavour: tables, lists, emphasis, code) to an HTML fragment, with any raw HTML
 * in the input escaped and images dropped to their alt text, so the result needs no sanitiser
 * and loads nothing from the network.
 *
 * @example
 * markdownToHtml('**Status**: <b>x</b>'); // => '<p><strong>Status</strong>: &lt;b&gt;x&lt;/b&gt;</p>\n'
 */
export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false });
}
