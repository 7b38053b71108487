/** Go to definition: where an id is defined, from any place it is written (across files). */
import type { Connection } from 'vscode-languageserver';
import { occurrencesOf } from '../core';
import { unlessCancelled } from './cancel';
import { occurrenceLocation } from './convert';
import { occurrenceUnder } from './occurrences';
import type { PlanFiles } from './planFiles';

export function registerDefinition(connection: Connection, plans: PlanFiles): void {
  connection.onDefinition((params, token) =>
    unlessCancelled(token, async () => {
      const found = await occurrenceUnder(plans, params.textDocument.uri, params.position, token);
      if (!found) return null;
      return occurrencesOf(found.analysis, found.occurrence.id)
        .filter((o) => o.isDefinition)
        .flatMap((o) => occurrenceLocation(plans, o) ?? []);
    }),
  );
}
