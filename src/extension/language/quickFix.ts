/** Quick fixes carried by the diagnostics (a replacement, progress 100, state done: worked out by the core, views/quickFixes.ts; edits such as moving a project later). */
import * as vscode from 'vscode';
import { quickFixOf } from '../../core';
import { diagnosticData, toRange } from '../coreToVscode';

export class PlanQuickFixProvider implements vscode.CodeActionProvider {
  /** `uriOf`: a plan file's URI from the path the core names it by (edits may reach other files). */
  constructor(private readonly uriOf: (file: string) => vscode.Uri | undefined = () => undefined) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const data = diagnosticData.get(diagnostic);
      if (diagnostic.source !== 'plan-as-code' || !data) continue;
      if (data.kind === 'edits') {
        actions.push(...this.editActions(data.fixes, diagnostic));
        continue;
      }
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

  /** One action per fix; the first is preferred (SPEC 10 orders suggestions by project id). */
  private editActions(fixes: Extract<NonNullable<ReturnType<typeof diagnosticData.get>>, { kind: 'edits' }>['fixes'], diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const fix of fixes) {
      const edit = new vscode.WorkspaceEdit();
      let complete = true;
      for (const change of fix.edits) {
        const uri = this.uriOf(change.file);
        if (!uri) complete = false;
        else edit.replace(uri, toRange(change.range), change.newText);
      }
      if (!complete) continue;
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = edit;
      action.diagnostics = [diagnostic];
      action.isPreferred = actions.length === 0;
      actions.push(action);
    }
    return actions;
  }
}
