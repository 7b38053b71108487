/** Find all references of an id across the workspace. */
import * as vscode from 'vscode';
import { occurrencesOf } from '../../core';
import type { PlanService } from '../planService';
import { occurrenceLocation, occurrenceUnder } from './occurrences';

export class PlanReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly plans: PlanService) {}

  async provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): Promise<vscode.Location[] | undefined> {
    const found = await occurrenceUnder(this.plans, document, position);
    if (!found) return undefined;
    return occurrencesOf(found.analysis, found.occurrence.id)
      .filter((o) => context.includeDeclaration || !o.isDefinition)
      .flatMap((o) => occurrenceLocation(this.plans, o) ?? []);
  }
}
