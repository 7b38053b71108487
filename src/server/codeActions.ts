/**
 * Quick fixes, worked out again from the analysis at the lines asked about — not from the diagnostics the
 * client sends back, whose ranges some clients change (byte columns) — with the core's fixes
 * (core/views/quickFixes.ts).
 */
import { CodeActionKind, type CodeAction, type Connection, type Diagnostic, type Range } from 'vscode-languageserver';
import { quickFixOf } from '../core';
import { answerWellFormed } from './cancel';
import { source, toDiagnostic } from './diagnostics';
import type { PlanFiles } from './planFiles';

export function registerCodeActions(connection: Connection, plans: PlanFiles): void {
  connection.onCodeAction((params, token) =>
    answerWellFormed(params, 'codeAction', token, async () => {
      const { uri } = params.textDocument;
      const only = params.context.only;
      if (only && !only.some((kind) => kind === CodeActionKind.QuickFix || kind === CodeActionKind.Empty)) return [];
      if (!plans.paths.isPlanFile(uri)) return [];
      const analysis = await plans.analysis(token);
      const text = plans.textOf(uri);
      if (!analysis || text === undefined) return [];
      const ours = params.context.diagnostics.filter((d) => d.source === source || d.source === undefined);
      let first = params.range.start.line;
      let last = params.range.end.line;
      for (const d of ours) {
        first = Math.min(first, d.range.start.line);
        last = Math.max(last, d.range.end.line);
      }
      const key = plans.paths.keyOf(uri);
      const actions: CodeAction[] = [];
      for (const diagnostic of analysis.diagnostics) {
        if (diagnostic.file !== key || !diagnostic.data) continue;
        if (diagnostic.range.end.line < first || diagnostic.range.start.line > last) continue;
        if (!plans.settings.schemaDiagnostics && diagnostic.code === 'schema') continue;
        // The client's own copy of the diagnostic when it sent one (same code, same line), else ours.
        const sent: Diagnostic | undefined = ours.find((d) => d.code === diagnostic.code && d.range.start.line === diagnostic.range.start.line);
        if (diagnostic.data.kind === 'edits') {
          // Edits that may reach other files (moving a project later resolves an overallocation, SPEC 10): one action per suggestion.
          diagnostic.data.fixes.forEach((suggestion, i) => {
            const changes: Record<string, Array<{ range: Range; newText: string }>> = {};
            for (const edit of suggestion.edits) {
              const target = plans.uriOf(edit.file);
              if (target) (changes[target] ??= []).push({ range: edit.range, newText: edit.newText });
            }
            if (Object.keys(changes).length === 0) return;
            actions.push({ title: suggestion.title, kind: CodeActionKind.QuickFix, diagnostics: [sent ?? toDiagnostic(diagnostic, (file) => plans.uriOf(file))], isPreferred: i === 0, edit: { changes } });
          });
          continue;
        }
        const fix = quickFixOf(diagnostic.range, diagnostic.data, text);
        if (!fix) continue;
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [sent ?? toDiagnostic(diagnostic, (file) => plans.uriOf(file))],
          isPreferred: true,
          edit: { changes: { [uri]: fix.edits.map((edit) => ({ range: edit.range, newText: edit.newText })) } },
        });
      }
      return actions;
    }),
  );
}
