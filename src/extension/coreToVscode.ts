/** Core ranges (0-based, like VS Code's; see core/base/positions.ts) as VS Code types, in one place. */
import * as vscode from 'vscode';
import type { Range } from '../core';

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
