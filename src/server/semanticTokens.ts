/** Semantic tokens of plan files (core/views/semanticTokens.ts), registered only when the client asks for them. */
import type { Connection } from 'vscode-languageserver';
import { encodeSemanticTokens, semanticTokenLegend, semanticTokensOf } from '../core';
import { answerWellFormed } from './cancel';
import type { PlanFiles } from './planFiles';

export const legend = { tokenTypes: [...semanticTokenLegend.tokenTypes], tokenModifiers: [...semanticTokenLegend.tokenModifiers] };

export function registerSemanticTokens(connection: Connection, plans: PlanFiles): void {
  connection.languages.semanticTokens.on((params, token) =>
    answerWellFormed(params, 'document', token, async () => {
      const { uri } = params.textDocument;
      if (!plans.paths.isPlanFile(uri)) return { data: [] };
      const analysis = await plans.analysis(token);
      const text = plans.textOf(uri);
      if (!analysis || text === undefined) return { data: [] };
      return { data: encodeSemanticTokens(semanticTokensOf(analysis, plans.paths.keyOf(uri), text)) };
    }),
  );
}
