/** Find all references of an id across the workspace. */
import type { Connection } from 'vscode-languageserver';
import { answerWellFormed } from './cancel';
import { occurrenceLocations } from './occurrences';
import type { PlanFiles } from './planFiles';

export function registerReferences(connection: Connection, plans: PlanFiles): void {
  connection.onReferences((params, token) =>
    answerWellFormed(params, 'references', token, () => occurrenceLocations(plans, params, token, (o) => params.context.includeDeclaration || !o.isDefinition)),
  );
}
