/** Quick fixes carried by the diagnostics (a replacement, progress 100, state done), worked out by the core (views/quickFixes.ts). */
import * as vscode from 'vscode';
import { quickFixOf } from '../../core';
import { diagnosticData, toRange } from '../coreToVscode';

export class PlanQuickFixProvider implements vscode.CodeActionProvider {
  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const data = diagnosticData.get(diagnostic);
      if (diagnostic.source !== 'plan-as-code' || !data) continue;
      const { start, end } = diagnostic.range;
      const range = { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } };
      const fix = quickFixOf(range, data, document.getText());
      if (!fix) continue;
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      for (const edit of fix.edits) action.edit.replace(document.uri, toRange(edit.range), edit.newText);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}
