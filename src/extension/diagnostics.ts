/** The Problems panel: every plan file's diagnostics, also for files never opened; refreshed on each analysis. */
import * as vscode from 'vscode';
import type { Analysis, PlanDiagnostic } from '../core';
import { toDiagnostic } from './convert';
import type { PlanService } from './planService';

export function registerDiagnostics(context: vscode.ExtensionContext, plans: PlanService): void {
  const collection = vscode.languages.createDiagnosticCollection('plan-as-code');
  /** uri → a signature of what is shown, so unchanged files are not set again on every keystroke. */
  let shown = new Map<string, string>();
  const refresh = (analysis: Analysis) => {
    const byFile = new Map<string, PlanDiagnostic[]>();
    for (const file of analysis.files) byFile.set(file.path, []);
    const schema = plans.config.schemaDiagnostics;
    for (const diagnostic of analysis.diagnostics) {
      if (schema || diagnostic.code !== 'schema') byFile.get(diagnostic.file)?.push(diagnostic);
    }
    const next = new Map<string, string>();
    // One set() per file: VS Code drops markers past ~1,100 in a single call.
    for (const [key, list] of byFile) {
      const uri = plans.uriOf(key);
      if (!uri) continue;
      const signature = list.map(signatureOf).join('\n');
      next.set(uri.toString(), signature);
      if (shown.get(uri.toString()) !== signature) collection.set(uri, list.map(toDiagnostic));
    }
    for (const old of shown.keys()) if (!next.has(old)) collection.delete(vscode.Uri.parse(old));
    shown = next;
  };
  context.subscriptions.push(collection, plans.onDidAnalyze(refresh));
}

function signatureOf(d: PlanDiagnostic): string {
  const { start, end } = d.range;
  return `${start.line}:${start.character}-${end.line}:${end.character} ${d.code} ${d.message}`;
}
