/** Hover on an id: the entity with its rolled-up figures (core/views/describe.ts). */
import { MarkupKind, type Connection } from 'vscode-languageserver';
import { describeEntity, descriptionMarkdown } from '../core';
import { answerWellFormed } from './cancel';
import { spanToRange } from './convert';
import { occurrenceUnder } from './occurrences';
import type { PlanFiles } from './planFiles';

export function registerHover(connection: Connection, plans: PlanFiles): void {
  connection.onHover((params, token) =>
    answerWellFormed(params, 'position', token, async () => {
      const found = await occurrenceUnder(plans, params.textDocument.uri, params.position, token);
      if (!found?.occurrence.entity) return null;
      const markdown = descriptionMarkdown(describeEntity(found.analysis, found.occurrence.entity, plans.settings.defaultCurrency));
      return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: spanToRange(found.occurrence.file, found.occurrence.span) };
    }),
  );
}
