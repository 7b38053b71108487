/** The Problems panel: every plan file's diagnostics, also for files never opened; refreshed on each analysis. */
import * as vscode from 'vscode';
import type { Analysis, PlanDiagnostic } from '../core';
import { SLICE_MS, yieldToHost, type PlanService } from './planService';
import { toDiagnostic } from './coreToVscode';

export function registerDiagnostics(context: vscode.ExtensionContext, plans: PlanService): void {
  const collection = vscode.languages.createDiagnosticCollection('plan-as-code');
  /** uri → a signature of what is shown, so unchanged files are not set again on every keystroke. */
  const shown = new Map<string, { uri: vscode.Uri; signature: string }>();
  /** The latest refresh: an older one still setting files stops and leaves the rest to it. */
  let latest = 0;
  const refresh = async (analysis: Analysis) => {
    const refreshing = ++latest;
    // Only files with problems are visited: in a large workspace most files have none.
    const byFile = new Map<string, PlanDiagnostic[]>();
    const schema = plans.config.schemaDiagnostics;
    for (const diagnostic of analysis.diagnostics) {
      if (!schema && diagnostic.code === 'schema') continue;
      const list = byFile.get(diagnostic.file);
      if (list) list.push(diagnostic);
      else byFile.set(diagnostic.file, [diagnostic]);
    }
    const changes: Array<() => void> = [];
    const wanted = new Set<string>();
    for (const [key, list] of byFile) {
      const uri = plans.uriOf(key);
      if (!uri) continue;
      const id = uri.toString();
      const signature = list.map(signatureOf).join('\n');
      wanted.add(id);
      if (shown.get(id)?.signature === signature) continue;
      changes.push(() => {
        // One set() per file: VS Code drops markers past ~1,100 in a single call.
        collection.set(uri, list.map((d) => toDiagnostic(d, (file) => plans.uriOf(file))));
        shown.set(id, { uri, signature });
      });
    }
    for (const [id, { uri }] of shown) {
      if (wanted.has(id)) continue;
      changes.push(() => {
        collection.delete(uri);
        shown.delete(id);
      });
    }
    // In time slices: the first analysis of a large workspace may set thousands of files (an edit, a few).
    let sliceStart = performance.now();
    for (const change of changes) {
      change();
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToHost();
        if (refreshing !== latest) return;
        sliceStart = performance.now();
      }
    }
  };
  context.subscriptions.push(collection, plans.onDidAnalyze((analysis) => void refresh(analysis)));
}

function signatureOf(d: PlanDiagnostic): string {
  const { start, end } = d.range;
  // Related places move with edits of other files: they are part of what is shown.
  const related = d.related?.map((r) => `${r.file}:${r.range.start.line}:${r.range.start.character}`).join(',') ?? '';
  return `${start.line}:${start.character}-${end.line}:${end.character} ${d.code} ${d.message} ${related}`;
}
