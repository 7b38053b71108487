/** Go to definition: where an id is defined, from any place it is written (across files). */
import type { Connection } from 'vscode-languageserver';
import { answerWellFormed } from './cancel';
import { occurrenceLocations } from './occurrences';
import type { PlanFiles } from './planFiles';

export function registerDefinition(connection: Connection, plans: PlanFiles): void {
  connection.onDefinition((params, token) => answerWellFormed(params, 'position', token, () => occurrenceLocations(plans, params, token, (o) => o.isDefinition)));
}
