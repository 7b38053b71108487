/** The Problems panel: every plan file's diagnostics, also for files never opened; refreshed on each analysis. */
import * as vscode from 'vscode';
import type { Analysis, PlanDiagnostic } from '../core';
import type { PlanService } from './planService';
import { toDiagnostic } from './coreToVscode';

export function registerDiagnostics(context: vscode.ExtensionContext, plans: PlanService): void {
  const collection = vscode.languages.createDiagnosticCollection('plan-as-code');
  /** uri → a signature of what is shown, so unchanged files are not set again on every keystroke. */
  let shown = new Map<string, { uri: vscode.Uri; signature: string }>();
  const refresh = (analysis: Analysis) => {
    // Only files with problems are visited: in a large workspace most files have none.
    const byFile = new Map<string, PlanDiagnostic[]>();
    const schema = plans.config.schemaDiagnostics;
    for (const diagnostic of analysis.diagnostics) {
      if (!schema && diagnostic.code === 'schema') continue;
      const list = byFile.get(diagnostic.file);
      if (list) list.push(diagnostic);
      else byFile.set(diagnostic.file, [diagnostic]);
    }
    const next = new Map<string, { uri: vscode.Uri; signature: string }>();
    // One set() per file: VS Code drops markers past ~1,100 in a single call.
    for (const [key, list] of byFile) {
      const uri = plans.uriOf(key);
      if (!uri) continue;
      const signature = list.map(signatureOf).join('\n');
      const id = uri.toString();
      next.set(id, { uri, signature });
      if (shown.get(id)?.signature !== signature) collection.set(uri, list.map(toDiagnostic));
    }
    for (const [id, { uri }] of shown) if (!next.has(id)) collection.delete(uri);
    shown = next;
  };
  context.subscriptions.push(collection, plans.onDidAnalyze(refresh));
}

function signatureOf(d: PlanDiagnostic): string {
  const { start, end } = d.range;
  return `${start.line}:${start.character}-${end.line}:${end.character} ${d.code} ${d.message}`;
}
