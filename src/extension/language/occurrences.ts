/** The id under the cursor and where an occurrence of it is, shared by the navigation providers. */
import * as vscode from 'vscode';
import { occurrenceAt, type Occurrence } from '../../core';
import type { PlanService } from '../planService';
import { spanToRange } from '../coreToVscode';

/** The occurrence of an id under the cursor, with the analysis it comes from. */
export async function occurrenceUnder(plans: PlanService, document: vscode.TextDocument, position: vscode.Position) {
  if (!plans.isPlanDocument(document)) return undefined;
  const analysis = await plans.analysis();
  const occurrence = occurrenceAt(analysis, plans.keyOf(document.uri), document.offsetAt(position));
  return occurrence ? { analysis, occurrence } : undefined;
}

export function occurrenceLocation(plans: PlanService, occurrence: Occurrence): vscode.Location | undefined {
  const uri = plans.uriOf(occurrence.file.path);
  return uri ? new vscode.Location(uri, spanToRange(occurrence.file, occurrence.span)) : undefined;
}
