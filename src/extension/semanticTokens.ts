/**
 * Semantic tokens for ids in plan files (definitions and references), which the injection grammar
 * cannot tell apart from other text; registered for plan files only.
 */
import * as vscode from 'vscode';
import { occurrencesInFile, type Analysis } from '../core';
import type { PlanService } from './planService';

export const legend = new vscode.SemanticTokensLegend(['variable', 'number'], ['declaration', 'readonly']);

/** A date written as a plain value (`start: 2026-01-05`, `- 2026-01-05`). */
const datePattern = /(?:^|[:\-[,]\s*)(\d{4}-\d{2}-\d{2})(?=\s*(?:[,\]#]|$))/gm;

export function registerSemanticTokens(context: vscode.ExtensionContext, plans: PlanService): void {
  const emitter = new vscode.EventEmitter<void>();
  const provider: vscode.DocumentSemanticTokensProvider = {
    onDidChangeSemanticTokens: emitter.event,
    async provideDocumentSemanticTokens(document) {
      const builder = new vscode.SemanticTokensBuilder(legend);
      if (!plans.isPlanDocument(document)) return builder.build();
      const analysis = await plans.analysis();
      for (const occurrence of occurrencesInFile(analysis, plans.keyOf(document.uri))) {
        const start = document.positionAt(occurrence.span[0]);
        const end = document.positionAt(occurrence.span[1]);
        if (start.line !== end.line) continue;
        builder.push(start.line, start.character, end.character - start.character, 0, occurrence.isDefinition ? 1 : 0);
      }
      const text = document.getText();
      for (const match of text.matchAll(datePattern)) {
        const start = document.positionAt(match.index! + match[0].length - match[1].length);
        builder.push(start.line, start.character, match[1].length, 1, 2);
      }
      return builder.build();
    },
  };
  // A file's tokens follow from its own text: VS Code asks again after each change of the document, and
  // the provider waits for the analysis of that change. Only a new index (files added, removed or
  // re-read, ids or references changed) can change them otherwise; an edit of values keeps the index.
  let tokenized: Analysis['index'] | undefined;
  context.subscriptions.push(
    emitter,
    vscode.languages.registerDocumentSemanticTokensProvider({ language: 'yaml', pattern: plans.config.filesGlob }, provider, legend),
    plans.onDidAnalyze((analysis) => {
      if (analysis.index === tokenized) return;
      tokenized = analysis.index;
      emitter.fire();
    }),
  );
}
