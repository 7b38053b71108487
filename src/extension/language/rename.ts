/** Rename an id everywhere it occurs, as one edit. */
import * as vscode from 'vscode';
import { idPattern, occurrencesOf } from '../../core';
import { spanToRange } from '../coreToVscode';
import type { PlanService } from '../planService';
import { occurrenceLocation, occurrenceUnder } from './occurrences';

export class PlanRenameProvider implements vscode.RenameProvider {
  constructor(private readonly plans: PlanService) {}

  async prepareRename(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Range | { range: vscode.Range; placeholder: string }> {
    const found = await occurrenceUnder(this.plans, document, position);
    if (!found) throw new Error('Rename works on the id of a portfolio, program, project, milestone, risk, issue or person.');
    return { range: spanToRange(found.occurrence.file, found.occurrence.span), placeholder: found.occurrence.id };
  }

  /** One WorkspaceEdit over every file, so the rename undoes as one step. */
  async provideRenameEdits(document: vscode.TextDocument, position: vscode.Position, newName: string): Promise<vscode.WorkspaceEdit | undefined> {
    const found = await occurrenceUnder(this.plans, document, position);
    if (!found) return undefined;
    if (!idPattern.test(newName)) throw new Error(`'${newName}' is not a valid id: use letters, digits, and _ . - (not first).`);
    if (newName !== found.occurrence.id && found.analysis.index.definitions.has(newName)) {
      throw new Error(`'${newName}' is already the id of another ${found.analysis.index.definitions.get(newName)![0].kind}.`);
    }
    const edit = new vscode.WorkspaceEdit();
    for (const occurrence of occurrencesOf(found.analysis, found.occurrence.id)) {
      const location = occurrenceLocation(this.plans, occurrence);
      if (location) edit.replace(location.uri, location.range, newName);
    }
    return edit;
  }
}
