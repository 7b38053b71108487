/** The outline: portfolios, programs, projects and what they hold, as document symbols. */
import * as vscode from 'vscode';
import { outlineChildren, outlineDetail, outlineName, type Entity } from '../../core';
import { spanToRange } from '../coreToVscode';
import { extentOf } from '../describe';
import type { PlanService } from '../planService';

export class PlanSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly plans: PlanService) {}

  async provideDocumentSymbols(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
    if (!this.plans.isPlanDocument(document)) return [];
    const analysis = await this.plans.analysis();
    const key = this.plans.keyOf(document.uri);
    const inFile = (entity: Entity) => entity.source.file.path === key;
    const symbol = (entity: Entity, children: Entity[]): vscode.DocumentSymbol => {
      const s = new vscode.DocumentSymbol(
        outlineName(entity),
        outlineDetail(entity),
        symbolKinds[entity.kind],
        extentOf(entity),
        spanToRange(entity.source.file, entity.anchor),
      );
      s.children = children.filter(inFile).map((child) => symbol(child, outlineChildren(child)));
      return s;
    };
    const { portfolios, programs, projects, people } = analysis.index;
    const roots: Entity[] = [
      ...portfolios,
      ...programs.filter((p) => !p.parentPortfolio),
      ...projects.filter((p) => !p.parentProgram),
      ...people,
    ].filter(inFile);
    return roots.map((entity) => symbol(entity, outlineChildren(entity)));
  }
}

const symbolKinds: Record<Entity['kind'], vscode.SymbolKind> = {
  portfolio: vscode.SymbolKind.Package,
  program: vscode.SymbolKind.Module,
  project: vscode.SymbolKind.Class,
  milestone: vscode.SymbolKind.Event,
  risk: vscode.SymbolKind.Constant,
  issue: vscode.SymbolKind.Object,
  person: vscode.SymbolKind.Field,
};
