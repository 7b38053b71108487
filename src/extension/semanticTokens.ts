/**
 * Semantic tokens for ids in plan files (definitions and references), which the injection grammar
 * cannot tell apart from other text; registered for plan files only.
 */
import * as vscode from 'vscode';
import { semanticTokenLegend, semanticTokensOf, type Analysis } from '../core';
import type { PlanService } from './planService';

export const legend = new vscode.SemanticTokensLegend([...semanticTokenLegend.tokenTypes], [...semanticTokenLegend.tokenModifiers]);

export function registerSemanticTokens(context: vscode.ExtensionContext, plans: PlanService): void {
  const emitter = new vscode.EventEmitter<void>();
  const provider: vscode.DocumentSemanticTokensProvider = {
    onDidChangeSemanticTokens: emitter.event,
    async provideDocumentSemanticTokens(document) {
      const builder = new vscode.SemanticTokensBuilder(legend);
      if (!plans.isPlanDocument(document)) return builder.build();
      const analysis = await plans.analysis();
      for (const token of semanticTokensOf(analysis, plans.keyOf(document.uri), document.getText())) {
        builder.push(token.line, token.character, token.length, token.type, token.modifiers);
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
