/** Hover on an id: the entity with its rolled-up figures. */
import * as vscode from 'vscode';
import { spanToRange } from '../coreToVscode';
import { describeEntity } from '../describe';
import type { PlanService } from '../planService';
import { occurrenceUnder } from './occurrences';

export class PlanHoverProvider implements vscode.HoverProvider {
  constructor(private readonly plans: PlanService) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const found = await occurrenceUnder(this.plans, document, position);
    if (!found?.occurrence.entity) return undefined;
    const markdown = describeEntity(found.analysis, found.occurrence.entity, this.plans.config.defaultCurrency);
    return new vscode.Hover(markdown, spanToRange(found.occurrence.file, found.occurrence.span));
  }
}
