/** Quick fixes carried by the diagnostics (a replacement, progress 100, state done, edits such as moving a project later). */
import * as vscode from 'vscode';
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
      let action: vscode.CodeAction | undefined;
      if (data.kind === 'replace') {
        action = new vscode.CodeAction(replaceTitle(document.getText(diagnostic.range), data.replacement), vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, diagnostic.range, data.replacement);
      } else if (data.kind === 'set-progress-100') {
        action = new vscode.CodeAction('Set progress to 100', vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, diagnostic.range, '100');
      } else {
        action = stateDoneFix(document, diagnostic);
      }
      if (!action) continue;
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

/** What a replacement does, in words: re-indents a line (a tab, a misaligned key) or changes a word or value. */
function replaceTitle(current: string, replacement: string): string {
  if (current !== replacement && current.trim() === replacement.trim()) {
    const spaces = replacement.length - replacement.trimStart().length;
    return current.includes('\t') ? `Indent with ${spaces} spaces instead of a tab` : `Indent with ${spaces} spaces`;
  }
  return `Change to '${replacement}'`;
}

/** Progress is 100 but the state says otherwise: set the state (on its own line) to done. */
function stateDoneFix(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): vscode.CodeAction | undefined {
  const progressLine = diagnostic.range.start.line;
  const indent = /^\s*(?:-\s+)?/.exec(document.lineAt(progressLine).text)![0].length;
  for (let line = progressLine; line >= 0 && line < document.lineCount; line--) {
    const text = document.lineAt(line).text;
    if (line !== progressLine && /^\s*-\s/.test(text) && /^\s*/.exec(text)![0].length < indent) break;
    const match = /^(\s*(?:-\s+)?state\s*:\s*)([A-Za-z-]+)/.exec(text);
    if (match) return replaceOnLine(document, line, match[1].length, match[2].length);
  }
  for (let line = progressLine + 1; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    if (/^\s*(?:-\s+)?\S/.test(text) && /^\s*/.exec(text)![0].length < indent) break;
    const match = /^(\s*state\s*:\s*)([A-Za-z-]+)/.exec(text);
    if (match) return replaceOnLine(document, line, match[1].length, match[2].length);
  }
  return undefined;
}

function replaceOnLine(document: vscode.TextDocument, line: number, start: number, length: number): vscode.CodeAction {
  const action = new vscode.CodeAction("Set state to 'done'", vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.replace(document.uri, new vscode.Range(line, start, line, start + length), 'done');
  return action;
}
