/**
 * Text in a Markdown table cell, for every Markdown the engine writes (rollup, people, quality, diff):
 * no cell break (`|`, a line break), no HTML (`<`, `>`) and no character reference (`&amp;`) — a bare
 * `&` stays as it reads — and a backslash kept as written.
 */
export function markdownCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[<>]|&(?=#?\w+;)/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/[\r\n]+/g, ' ');
}
