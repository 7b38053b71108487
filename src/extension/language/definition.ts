/** Go to definition: the place an id is defined, from any reference to it. */
import * as vscode from 'vscode';
import { occurrencesOf } from '../../core';
import type { PlanService } from '../planService';
import { occurrenceLocation, occurrenceUnder } from './occurrences';

export class PlanDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly plans: PlanService) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location[] | undefined> {
    const found = await occurrenceUnder(this.plans, document, position);
    if (!found) return undefined;
    const definitions = occurrencesOf(found.analysis, found.occurrence.id).filter((o) => o.isDefinition);
    return definitions.flatMap((o) => occurrenceLocation(this.plans, o) ?? []);
  }
}
