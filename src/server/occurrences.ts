/** The id under the cursor, with the analysis it comes from: shared by hover, definition, references and rename. */
import type { CancellationToken, Location, Position, TextDocumentPositionParams } from 'vscode-languageserver';
import { occurrenceAt, occurrencesOf, type Analysis, type Occurrence } from '../core';
import { occurrenceLocation, offsetAt } from './convert';
import type { PlanFiles } from './planFiles';

export async function occurrenceUnder(
  plans: PlanFiles,
  uri: string,
  position: Position,
  token: CancellationToken,
): Promise<{ analysis: Analysis; occurrence: Occurrence } | undefined> {
  if (!plans.paths.isPlanFile(uri)) return undefined;
  const analysis = await plans.analysis(token);
  const text = plans.textOf(uri);
  if (!analysis || text === undefined) return undefined;
  const occurrence = occurrenceAt(analysis, plans.paths.keyOf(uri), offsetAt(text, position));
  return occurrence ? { analysis, occurrence } : undefined;
}

/** Where the id under the cursor is written, the occurrences `keep` accepts (definition, references); null off an id. */
export async function occurrenceLocations(
  plans: PlanFiles,
  params: TextDocumentPositionParams,
  token: CancellationToken,
  keep: (occurrence: Occurrence) => boolean,
): Promise<Location[] | null> {
  const found = await occurrenceUnder(plans, params.textDocument.uri, params.position, token);
  if (!found) return null;
  return occurrencesOf(found.analysis, found.occurrence.id)
    .filter(keep)
    .flatMap((o) => occurrenceLocation(plans, o) ?? []);
}
