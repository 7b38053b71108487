/** Completion of ids (by the kind a key refers to) and of enum values (core/views/completion.ts). */
import { CompletionItemKind, MarkupKind, type CompletionItem, type Connection } from 'vscode-languageserver';
import { completionContextAt, describeEntity, descriptionMarkdown, idsOfKind, type Analysis, type Entity } from '../core';
import { answerWellFormed } from './cancel';
import { offsetAt } from './convert';
import type { PlanFiles } from './planFiles';

export const completionTriggers = [':', ' ', '[', ',', '-'];

export function registerCompletion(connection: Connection, plans: PlanFiles): void {
  connection.onCompletion((params, token) =>
    answerWellFormed(params, 'position', token, async () => {
      const { uri } = params.textDocument;
      if (!plans.paths.isPlanFile(uri)) return null;
      const analysis = await plans.analysis(token);
      const text = plans.textOf(uri);
      if (!analysis || text === undefined) return null;
      const offset = offsetAt(text, params.position);
      const context = completionContextAt(text, offset);
      if (!context) return null;
      // The prefix typed so far is on the cursor's line: its start is the cursor's character less its length.
      const range = { start: { line: params.position.line, character: Math.max(0, params.position.character - (offset - context.prefixStart)) }, end: params.position };
      if (context.kind === 'value') {
        return context.values.map((value, i): CompletionItem => ({
          label: value,
          kind: CompletionItemKind.EnumMember,
          textEdit: { range, newText: value },
          sortText: String(i).padStart(3, '0'),
        }));
      }
      // manager/owner are free text until the workspace has a people registry.
      if (context.targets.includes('person') && !analysis.index.hasPeople) return null;
      // A project or milestone does not depend on itself: the one written around the cursor is not offered.
      const self = context.key === 'depends_on' ? nodeAround(analysis, plans.paths.keyOf(uri), offset) : undefined;
      return idsOfKind(analysis, context.targets).filter((entity) => entity !== self).map((entity): CompletionItem => ({
        label: entity.id!,
        kind: kindOf(entity),
        // Where the key takes a list and none is open (`depends_on: |`), the id goes in as a list of one.
        textEdit: { range, newText: context.asList ? `[${entity.id!}]` : entity.id! },
        ...(context.asList ? { filterText: entity.id! } : {}),
        detail: `${entity.kind}${'name' in entity && entity.name ? ` — ${entity.name}` : ''}`,
        documentation: { kind: MarkupKind.Markdown, value: descriptionMarkdown(describeEntity(analysis, entity, plans.settings.defaultCurrency)) },
      }));
    }),
  );
}

/** The innermost project or milestone written around an offset of a file. */
function nodeAround(analysis: Analysis, file: string, offset: number): Entity | undefined {
  let found: Entity | undefined;
  for (const node of [...analysis.index.projects, ...analysis.index.milestones]) {
    if (node.source.file.path !== file || offset < node.span[0] || offset > node.span[1]) continue;
    if (!found || node.span[0] >= found.span[0]) found = node;
  }
  return found;
}

function kindOf(entity: Entity): CompletionItemKind {
  switch (entity.kind) {
    case 'person':
      // LSP has no kind for people (VS Code's User): a variable is the closest.
      return CompletionItemKind.Variable;
    case 'milestone':
      return CompletionItemKind.Event;
    case 'portfolio':
    case 'program':
      return CompletionItemKind.Module;
    default:
      return CompletionItemKind.Reference;
  }
}
