/**
 * Escapes text for HTML content and attribute values (& < > " ').
 *
 * @example
 * escapeHtml('a < b & "c"'); // => 'a &lt; b &amp; &quot;c&quot;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
