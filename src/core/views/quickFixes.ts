/**
 * The quick fixes a diagnostic carries (its `data`): replace the offending text, set progress to 100, or
 * set the entity's state to done. Worked out from the file's text, so every editor offers the same fix.
 */
import type { DiagnosticData } from '../base/diagnostic';
import type { Range } from '../base/positions';

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/** The fix for a diagnostic at `range` carrying `data`, in the file's `text`; undefined when there is none to make. */
export function quickFixOf(range: Range, data: DiagnosticData, text: string): QuickFix | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  switch (data.kind) {
    case 'replace':
      return { title: replaceTitle(textIn(lines, range), data.replacement), edits: [{ range, newText: data.replacement }] };
    case 'set-progress-100':
      return { title: 'Set progress to 100', edits: [{ range, newText: '100' }] };
    case 'set-state-done': {
      // Where the analysis found the project's state (the word inside its quotes, if written in quotes);
      // else (data from elsewhere) the nearest `state:` line.
      const written = data.state ? /^(["']?)[A-Za-z-]+\1$/.exec(textIn(lines, data.state)) : null;
      if (!data.state || !written) return stateDoneFix(lines, range.start.line);
      const quote = written[1].length;
      return stateDone(data.state.start.line, data.state.start.character + quote, data.state.end.character - data.state.start.character - 2 * quote);
    }
  }
}

function textIn(lines: readonly string[], range: Range): string {
  const { start, end } = range;
  if (start.line === end.line) return (lines[start.line] ?? '').slice(start.character, end.character);
  const middle = lines.slice(start.line + 1, end.line);
  return [(lines[start.line] ?? '').slice(start.character), ...middle, (lines[end.line] ?? '').slice(0, end.character)].join('\n');
}

/** What a replacement does, in words: re-indents a line (a tab, a misaligned key) or changes a word or value. */
function replaceTitle(current: string, replacement: string): string {
  if (current !== replacement && current.trim() === replacement.trim()) {
    const spaces = replacement.length - replacement.trimStart().length;
    return current.includes('\t') ? `Indent with ${spaces} spaces instead of a tab` : `Indent with ${spaces} spaces`;
  }
  return `Change to '${replacement}'`;
}

/** Progress is 100 but the state says otherwise: set the state (on its own line) to done. */
function stateDoneFix(lines: readonly string[], progressLine: number): QuickFix | undefined {
  if (progressLine < 0 || progressLine >= lines.length) return undefined;
  const indent = /^\s*(?:-\s+)?/.exec(lines[progressLine])![0].length;
  for (let line = progressLine; line >= 0; line--) {
    const text = lines[line];
    if (line !== progressLine && /^\s*-\s/.test(text) && /^\s*/.exec(text)![0].length < indent) break;
    const match = /^(\s*(?:-\s+)?state\s*:\s*)([A-Za-z-]+)/.exec(text);
    if (match) return stateDone(line, match[1].length, match[2].length);
  }
  for (let line = progressLine + 1; line < lines.length; line++) {
    const text = lines[line];
    if (/^\s*(?:-\s+)?\S/.test(text) && /^\s*/.exec(text)![0].length < indent) break;
    const match = /^(\s*state\s*:\s*)([A-Za-z-]+)/.exec(text);
    if (match) return stateDone(line, match[1].length, match[2].length);
  }
  return undefined;
}

function stateDone(line: number, start: number, length: number): QuickFix {
  return {
    title: "Set state to 'done'",
    edits: [{ range: { start: { line, character: start }, end: { line, character: start + length } }, newText: 'done' }],
  };
}
