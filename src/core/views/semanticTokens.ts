/**
 * Semantic tokens of a plan file: ids (definitions and references), which a grammar cannot tell apart
 * from other text, and dates written as plain values. In text order, one line each.
 */
import type { Analysis } from '../analysis/workspace';
import { LineIndex } from '../base/positions';
import { occurrencesInFile } from './navigation';

/** Token types and modifiers, by index (`type`, bit `1 << i` of `modifiers`). */
export const semanticTokenLegend = { tokenTypes: ['variable', 'number'], tokenModifiers: ['declaration', 'readonly'] } as const;

export interface SemanticToken {
  readonly line: number;
  readonly character: number;
  readonly length: number;
  readonly type: number;
  readonly modifiers: number;
}

/** A date written as a plain value (`start: 2026-01-05`, `- 2026-01-05`). */
const datePattern = /(?:^|[:\-[,]\s*)(\d{4}-\d{2}-\d{2})(?=\s*(?:[,\]#]|$))/gm;

/** The tokens of the file at `path`, whose text is `text`. */
export function semanticTokensOf(analysis: Analysis, path: string, text: string): SemanticToken[] {
  const lines = new LineIndex(text);
  const tokens: SemanticToken[] = [];
  for (const occurrence of occurrencesInFile(analysis, path)) {
    const start = lines.positionAt(occurrence.span[0]);
    const end = lines.positionAt(occurrence.span[1]);
    if (start.line !== end.line) continue;
    tokens.push({ line: start.line, character: start.character, length: end.character - start.character, type: 0, modifiers: occurrence.isDefinition ? 1 : 0 });
  }
  for (const match of text.matchAll(datePattern)) {
    const start = lines.positionAt(match.index + match[0].length - match[1].length);
    tokens.push({ line: start.line, character: start.character, length: match[1].length, type: 1, modifiers: 2 });
  }
  return tokens.sort((a, b) => a.line - b.line || a.character - b.character);
}

/** The tokens in the LSP's relative encoding (five numbers a token, each position relative to the one before). */
export function encodeSemanticTokens(tokens: readonly SemanticToken[]): number[] {
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const token of tokens) {
    data.push(token.line - line, token.line === line ? token.character - character : token.character, token.length, token.type, token.modifiers);
    line = token.line;
    character = token.character;
  }
  return data;
}
