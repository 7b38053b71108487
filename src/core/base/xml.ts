/** XML text: what every XML file the engine writes (SVG, MS Project XML) escapes its strings with. */

/** Text and attribute values for XML: escaped, and characters XML 1.0 forbids replaced. */
export function xmlEscape(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** `xmlEscape` for element text: the text itself when nothing in it needs escaping (nearly always). */
export function xmlText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/.test(text) ? xmlEscape(text) : text;
}
