/** Core ranges and offsets as LSP's (both 0-based, characters in UTF-16 code units; see core/base/positions.ts). */
import type { Position, Range } from 'vscode-languageserver';
import type { Occurrence, ParsedFile, Span } from '../core';
import type { PlanFiles } from './planFiles';

export function spanToRange(file: ParsedFile, span: Span): Range {
  return file.lines.rangeOf(span) as Range;
}

/** The offset of a position in a text; a character past the end of its line is taken as the line's end. */
export function offsetAt(text: string, position: Position): number {
  let start = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', start);
    if (next === -1) return text.length;
    start = next + 1;
  }
  let end = text.indexOf('\n', start);
  if (end === -1) end = text.length;
  if (end > start && text[end - 1] === '\r') end--;
  return Math.min(start + Math.max(0, position.character), end);
}

export function occurrenceLocation(plans: PlanFiles, occurrence: Occurrence): { uri: string; range: Range } | undefined {
  const uri = plans.uriOf(occurrence.file.path);
  return uri ? { uri, range: spanToRange(occurrence.file, occurrence.span) } : undefined;
}
