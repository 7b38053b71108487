/** The id under the cursor, with the analysis it comes from: shared by hover, definition, references and rename. */
import type { CancellationToken, Position } from 'vscode-languageserver';
import { occurrenceAt, type Analysis, type Occurrence } from '../core';
import { offsetAt } from './convert';
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
