/**
 * Text in a Markdown table cell, for every Markdown the engine writes (rollup, people, quality, diff):
 * no cell break (`|`, a line break), no HTML (`<`, `>`) and no character reference (`&amp;`) — a bare
 * `&` stays as it reads — no inline markup (emphasis `*` and `_` but inside a word, strikethrough `~`,
 * code `` ` ``, links and images `[…](…)`, math `$`), and a backslash kept as written: a name in a plan
 * file reads as written.
 */
export function markdownCell(text: string): string {
  return text
    .replace(/[\\`*[\]~$|]/g, (c) => `\\${c}`)
    // An underscore inside a word (`depends_on`) never opens or closes emphasis: only the others are escaped.
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/[<>]|&(?=#?\w+;)/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/[\r\n]+/g, ' ');
}

/**
 * Text as inline code (an id): fenced by more backticks than any run of them in it, so an id the schema
 * rejects cannot end the code early; in a table cell (`cell`) its `|` escaped, which GFM reads before the code.
 */
export function markdownCode(text: string, cell = true): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  const escaped = cell ? flat.replace(/\|/g, '\\|') : flat;
  const longest = Math.max(0, ...(escaped.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = escaped.startsWith('`') || escaped.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${escaped}${pad}${fence}`;
}
