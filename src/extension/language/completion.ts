/** Completion of ids (by the kind a key refers to) and of enum values. */
import * as vscode from 'vscode';
import { completionContextAt, idsOfKind, type Entity } from '../../core';
import { describeEntity } from '../describe';
import type { PlanService } from '../planService';

export class PlanCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly plans: PlanService) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const offset = document.offsetAt(position);
    const context = completionContextAt(document.getText(), offset);
    if (!context) return undefined;
    const range = new vscode.Range(document.positionAt(context.prefixStart), position);
    if (context.kind === 'value') {
      return context.values.map((value, i) => {
        const item = new vscode.CompletionItem(value, vscode.CompletionItemKind.EnumMember);
        item.range = range;
        item.sortText = String(i).padStart(3, '0');
        return item;
      });
    }
    const analysis = await this.plans.analysis();
    // manager/owner are free text until the workspace has a people registry.
    if (context.targets.includes('person') && !analysis.index.hasPeople) return undefined;
    return idsOfKind(analysis, context.targets).map((entity) => {
      const item = new vscode.CompletionItem(entity.id!, kindIcon(entity));
      item.range = range;
      item.detail = `${entity.kind}${'name' in entity && entity.name ? ` — ${entity.name}` : ''}`;
      item.documentation = describeEntity(analysis, entity, this.plans.config.defaultCurrency);
      return item;
    });
  }
}

function kindIcon(entity: Entity): vscode.CompletionItemKind {
  switch (entity.kind) {
    case 'person':
      return vscode.CompletionItemKind.User;
    case 'milestone':
      return vscode.CompletionItemKind.Event;
    case 'portfolio':
    case 'program':
      return vscode.CompletionItemKind.Module;
    default:
      return vscode.CompletionItemKind.Reference;
  }
}
