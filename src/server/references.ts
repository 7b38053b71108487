/** Find all references of an id across the workspace. */
import type { Connection } from 'vscode-languageserver';
import { occurrencesOf } from '../core';
import { unlessCancelled } from './cancel';
import { occurrenceLocation } from './convert';
import { occurrenceUnder } from './occurrences';
import type { PlanFiles } from './planFiles';

export function registerReferences(connection: Connection, plans: PlanFiles): void {
  connection.onReferences((params, token) =>
    unlessCancelled(token, async () => {
      const found = await occurrenceUnder(plans, params.textDocument.uri, params.position, token);
      if (!found) return null;
      return occurrencesOf(found.analysis, found.occurrence.id)
        .filter((o) => params.context.includeDeclaration || !o.isDefinition)
        .flatMap((o) => occurrenceLocation(plans, o) ?? []);
    }),
  );
}
